"""The Celery worker of bench.imports, with statement matching (as in production) or without it.

    python -m bench.import_worker [--without-matching] <celery worker options>

Without matching, each imported quote is left without a statement (statements.ingest.quotes skips
statements.matching.statements_assign): the difference between the two runs of bench.imports is
what matching costs an import, measured on the same corpus in one run.
"""

import sys


def main(argv: list[str]) -> None:
    import django

    django.setup()
    if "--without-matching" in argv:
        argv = [arg for arg in argv if arg != "--without-matching"]
        from statements.ingest import quotes

        quotes.statements_assign = lambda quotes, occasions: []  # the pool's processes are forked after this
    from config.celery import app

    app.worker_main(["worker", *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
