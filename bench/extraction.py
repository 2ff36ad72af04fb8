"""Extraction speed on one process: articles/s over real-looking articles, and time against size.

    python -m bench.extraction [--before REF] [--label after] [--max-bytes 5000000] [--budget 60]

Articles are the samples, the team's test cases and the "world" corpus, read as the importer reads
them and extracted with the reference gazetteer (no database), after a warm-up round (the models and
the gazetteer's matchers are built once per process, as in a worker). With --before REF the code
(and reference gazetteer) at that git revision is measured in the same run on the same articles:
each side runs in its own process, in turn, ROUNDS times, and the best of each is kept (on a shared
machine the best run is the one least slowed by the others); its figures go under "before". Each
run also gives its CPU time, which the others' load slows much less than the wall clock.

Time against size runs each shape from 10 KB to 5 MB (the import limit): ordinary prose, quote
marks only, unbalanced openers, and runs of `[` (which the Markdown reader also sees); each size
runs in a child process and a shape stops growing once one size took longer than the budget. Goals
(issues #20 and #24): at least 40 articles/s, and the worst shape at 5 MB under 30 s. Results are
merged into bench/results/extraction.json under the label.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from bench.common import RESULTS, ROOT, python_reference_ms

ARTICLE_FOLDERS = [ROOT / "fixtures" / "samples", ROOT / "statements" / "tests" / "extraction_cases",
                   ROOT / "statements" / "tests" / "extraction_world"]
SIZES = [10_000, 100_000, 1_000_000, 5_000_000]
PROSE = ("Le ministre des Affaires étrangères, Jean-Yves Le Drian, a déclaré mardi : « La France ne laissera "
         "pas ces attaques impunies », selon un communiqué du Quai d'Orsay. Le porte-parole du Kremlin a "
         "répondu que « ces accusations sont sans fondement ». \"We will respond,\" the minister said.\n\n")


def shape_text(shape: str, size: int) -> str:
    unit = {"prose": PROSE, "quote_marks": "« » “ ” \" ‘ ’ ", "unbalanced": "« a “ b \" c ‘ d ",
            "brackets": "[", "brackets_markdown": "["}[shape]
    return (unit * (size // len(unit) + 1))[:size]


def _gazetteer():
    from statements.extraction import Gazetteer

    return Gazetteer.from_directory(ROOT / "fixtures" / "gazetteer")


# Run in a child process from the root of the tree measured (this one or an older revision): only the
# public interface every revision has (extract, Gazetteer, read_documents), so both sides run the same code.
_THROUGHPUT = """
import json, sys, time
from pathlib import Path
from statements.extraction import Gazetteer, extract
from statements.ingest.documents import read_documents
folders, rounds = [Path(f) for f in json.loads(sys.argv[1])], int(sys.argv[2])
gazetteer = Gazetteer.from_directory(Path("fixtures") / "gazetteer")
documents = [read_documents(path.name, path.read_bytes(), max_bytes=10**8)[0]
             for folder in folders for path in sorted(folder.glob("*.txt"))]
for d in documents:  # a warm-up round: each language's model and matchers are built before the clock starts
    extract(d.text, gazetteer=gazetteer, published=d.published, title=d.title)
started, cpu_started = time.perf_counter(), time.process_time()
quotes = 0
for _ in range(rounds):
    for d in documents:
        quotes += len(extract(d.text, gazetteer=gazetteer, published=d.published, title=d.title).quotes)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
count = rounds * len(documents)
print(json.dumps({"articles": count, "seconds": round(elapsed, 2), "articles_per_s": round(count / elapsed, 1),
                  "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(count / cpu, 1),
                  "quotes": quotes, "processes": 1}))
"""
ROUNDS = 3


def articles_per_second(tree: Path = ROOT, rounds: int = 3) -> dict:
    """Articles/s of the code in `tree` over this tree's articles, in a child process."""
    folders = json.dumps([str(folder) for folder in ARTICLE_FOLDERS])
    out = subprocess.run([sys.executable, "-c", _THROUGHPUT, folders, str(rounds)], cwd=tree, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _export(ref: str, into: Path) -> Path:
    """The files of revision `ref`, as git stores them, unpacked into `into`."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def before_and_after(ref: str | None) -> tuple[dict | None, dict]:
    """(articles/s at `ref`, or None without one; articles/s of this tree), each the best of ROUNDS runs taken
    in turn."""
    with tempfile.TemporaryDirectory() as temporary:
        before_tree = _export(ref, Path(temporary)) if ref else None
        before, after = [], []
        for _ in range(ROUNDS):
            if before_tree is not None:
                before.append(articles_per_second(before_tree))
            after.append(articles_per_second(ROOT))
    best = lambda runs: max(runs, key=lambda run: run["articles_per_s"])  # noqa: E731
    return (best(before) if before else None), best(after)


def _timed(shape: str, size: int, queue) -> None:
    from statements.extraction import extract
    from statements.ingest.documents import read_documents

    gazetteer = _gazetteer()
    extract(PROSE, gazetteer=gazetteer, language="fr")  # load the models before the clock starts
    text = shape_text(shape, size)
    started = time.perf_counter()
    if shape == "brackets_markdown":
        text = read_documents("bench.md", text.encode(), max_bytes=10**8)[0].text
    extract(text, gazetteer=gazetteer, language="fr")
    queue.put(time.perf_counter() - started)


def time_against_size(max_bytes: int, budget: float) -> dict:
    out = {}
    context = multiprocessing.get_context("spawn")
    for shape in ("prose", "quote_marks", "unbalanced", "brackets", "brackets_markdown"):
        rows = []
        for size in [s for s in SIZES if s <= max_bytes]:
            queue = context.Queue()
            child = context.Process(target=_timed, args=(shape, size, queue))
            child.start()
            child.join(budget)
            if child.is_alive():
                child.terminate()
                child.join()
                rows.append({"bytes": size, "seconds": None, "over_budget_s": budget})
                break
            seconds = queue.get() if not queue.empty() else None
            rows.append({"bytes": size, "seconds": round(seconds, 3) if seconds is not None else None})
            print(f"{shape:>18} {size:>9} B  {rows[-1]['seconds']} s", flush=True)
            if seconds is None or seconds > budget:
                break
        out[shape] = rows
    return out


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extraction")
    parser.add_argument("--label", default="after")
    parser.add_argument("--max-bytes", type=int, default=SIZES[-1])
    parser.add_argument("--budget", type=float, default=60.0, help="seconds one size may take before a shape stops")
    parser.add_argument("--before", default=None, metavar="REF",
                        help="also measure articles/s at this git revision, in the same run (stored as 'before')")
    args = parser.parse_args()
    before, speed = before_and_after(args.before)
    if before is not None:
        print(f"articles/s on one process at {args.before}: {before['articles_per_s']} ({before['articles']} articles)",
              flush=True)
    print(f"articles/s on one process: {speed['articles_per_s']} ({speed['articles']} articles)", flush=True)
    sizes = time_against_size(args.max_bytes, args.budget)
    worst = max((row["seconds"] or float("inf") for rows in sizes.values() for row in rows
                 if row["bytes"] == args.max_bytes), default=None)
    reference_ms = python_reference_ms()  # the machine's speed at the end of the run, to compare runs by
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "extraction.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    if before is not None:
        results["before"] = {"revision": args.before, "throughput": before, "measured_with": args.label,
                             "note": "measured in the same run as the label it names, in turn with it",
                             "python_reference_ms": reference_ms}
    results[args.label] = {"throughput": speed, "python_reference_ms": reference_ms, "time_against_size": sizes,
                           "worst_at_max_bytes_s": None if worst in (None, float("inf")) else round(worst, 2),
                           "goals": {"articles_per_s": 40, "worst_at_5mb_s": 30}}
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"worst at {args.max_bytes} B: {results[args.label]['worst_at_max_bytes_s']} s -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
