"""`evaluate_statements GOLD.json`: import an annotated corpus in a transaction that is rolled back, and score
whether the reports of one statement (quotes in different articles with the same `statement_group`) are
recognised as one Statement."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actors.models import Actor
from statements.extraction.evaluate import score_statement_pairs
from statements.gazetteer_loading import gazetteer_load
from statements.ingest.articles import article_ingest
from statements.ingest.documents import read_documents
from statements.ingest.preview import gold_files
from statements.ingest.quotes import gazetteer_cache_clear


def corpus_reports(files: list[Path]) -> list[dict]:
    """Import the files as any import does (extraction, linking, statement matching) and list their stored
    quotes as the scorer reads them. Run inside a transaction that the caller rolls back."""
    if not Actor.objects.exists():
        gazetteer_load(directory=settings.GAZETTEER_DIR)
    gazetteer_cache_clear()
    reports = []
    for path in files:
        for document in read_documents(path.name, path.read_bytes(), max_bytes=settings.IMPORT_MAX_BYTES):
            article, _ = article_ingest(document=document, job=None)
            reports += [{"path": str(path), "text": text, "statement": statement}
                        for text, statement in article.quotes.published().values_list("text", "statement_id")]
    return reports


class Command(BaseCommand):
    help = ("Import an annotated corpus (in a transaction rolled back at the end) and print the pair recall and "
            "precision of the reports of one statement recognised, for all pairs and per split (dev, fresh, heldout).")

    def add_arguments(self, parser):
        parser.add_argument("gold", type=Path)
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the scores as JSON")
        parser.add_argument("--errors", action="store_true", help="print each missed or wrong pair first")

    def handle(self, *args, gold: Path, as_json: bool, errors: bool = False, **options):
        try:
            annotation = json.loads(gold.read_text(encoding="utf-8"))
            files = gold_files(annotation, gold)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{gold}: {error}") from error
        with transaction.atomic():
            reports = corpus_reports(files)
            transaction.set_rollback(True)
        gazetteer_cache_clear()
        report = {}
        splits = sorted({document["split"] for document in annotation["documents"] if document.get("split")})
        for split in (None, *splits):
            metrics, found_errors = score_statement_pairs(annotation, reports, split)
            report[split or "all"] = metrics
            if errors and split is None:
                for error in found_errors:
                    self.stdout.write(error)
        if as_json:
            self.stdout.write(json.dumps(report, indent=2))
            return
        for split, metrics in report.items():
            self.stdout.write(f"{split}: " + ", ".join(f"{key} {value}" for key, value in metrics.items()))
