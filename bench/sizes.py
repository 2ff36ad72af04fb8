"""Time against document size, 10 KB to the 5 MB import limit: ordinary prose and each hostile shape.

    python -m bench.sizes [--sizes 10000,100000,1000000,5000000] [--timeout 60]

Each document goes through what an import does to it without the database: document reading
(`read_documents`) then extraction (`extract`, against the reference gazetteer), timed apart.
Issue #24: 192 KB of quote marks took 58 s and 200 KB of `[` in Markdown 114 s; every pass must be
linear or n log n, the worst case at 5 MB under 30 s. The `growth` column is the exponent between
the last two sizes measured (1 for linear, 2 for quadratic). A run over `--timeout` seconds is
stopped and recorded as such, and larger sizes of that shape are not tried.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import time
from pathlib import Path

from bench.common import write_results

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 5 * 1024 * 1024


def prose_unit() -> str:
    paragraphs = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "samples").glob("*.txt"))]
    return "\n\n".join(paragraphs) + "\n\n"


# name: (file name, the repeated unit, a prefix): each document is the unit repeated to the size.
SHAPES = {
    "prose": ("article.txt", None, ""),
    "straight quote marks": ("quotes.txt", '"', "Le ministre a déclaré. "),
    "opening guillemets": ("guillemets.txt", "« ", "Le ministre a déclaré. "),
    "quote pairs": ("pairs.txt", "« oui », ", "Il a dit "),
    "brackets (Markdown)": ("brackets.md", "[", "# Titre\n\n"),
    "link openers (Markdown)": ("links.md", "[a](", "# Titre\n\n"),
    "emphasis (Markdown)": ("emphasis.md", "**a ", "# Titre\n\n"),
    "one endless sentence": ("sentence.txt", "le ministre a dit que ", "Selon lui, "),
    "nested HTML": ("nested.html", "<div>", "<html><body><p>Le ministre a déclaré.</p>"),
}


def document(shape: str, size: int) -> tuple[str, bytes]:
    name, unit, prefix = SHAPES[shape]
    unit = unit if unit is not None else prose_unit()
    text = prefix + unit * ((size - len(prefix.encode())) // len(unit.encode()) + 1)
    return name, text.encode()[:size].decode("utf-8", errors="ignore").encode()


def _worker(connection) -> None:
    """A child process that keeps the extraction models loaded between documents."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.conf import settings

    from statements.extraction import Gazetteer, extract
    from statements.ingest.documents import DocumentError, read_documents

    gazetteer = Gazetteer.from_directory(settings.GAZETTEER_DIR)
    extract("Le ministre a déclaré : « Nous agirons. »", gazetteer=gazetteer)  # load the models
    read_documents("warm.html", b"<html><body><p>Le ministre a parl\xc3\xa9.</p></body></html>", max_bytes=LIMIT)
    connection.send("ready")
    while True:
        shape, size = connection.recv()
        name, raw = document(shape, size)
        started = time.perf_counter()
        try:
            documents = read_documents(name, raw, max_bytes=LIMIT)
        except DocumentError as error:
            connection.send(("read", time.perf_counter() - started, f"refused: {error}"))
            continue
        connection.send(("read", time.perf_counter() - started, ""))
        started = time.perf_counter()
        quotes = sum(len(extract(doc.text, gazetteer=gazetteer, published=doc.published).quotes) for doc in documents)
        connection.send(("extracted", time.perf_counter() - started, quotes))


class Worker:
    def __init__(self):
        self.connection, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        if not self.connection.poll(300):
            raise RuntimeError("the extraction worker did not start")
        self.connection.recv()

    def ask(self, timeout: float):
        if not self.connection.poll(timeout):
            return None
        return self.connection.recv()

    def stop(self):
        self.process.kill()
        self.process.join()


def measure(shapes: list[str], sizes: list[int], timeout: float) -> list[dict]:
    rows, worker = [], Worker()
    try:
        for shape in shapes:
            stopped = False
            for size in sizes:
                row = {"shape": shape, "bytes": size}
                rows.append(row)
                if stopped:
                    row["skipped"] = "a smaller size went over the time limit"
                    continue
                worker.connection.send((shape, size))
                read = worker.ask(timeout)
                if read is None:
                    row["read_s"], stopped = f"> {timeout:.0f}", True
                else:
                    row["read_s"] = round(read[1], 3)
                    if read[2]:
                        row["outcome"] = read[2]
                        print(row, flush=True)
                        continue
                    extracted = worker.ask(timeout)
                    if extracted is None:
                        row["extract_s"], stopped = f"> {timeout:.0f}", True
                    else:
                        row["extract_s"], row["quotes"] = round(extracted[1], 3), extracted[2]
                if stopped:
                    worker.stop()
                    worker = Worker()
                print(row, flush=True)
    finally:
        worker.stop()
    _growth(rows)
    return rows


def _growth(rows: list[dict]) -> None:
    """The exponent of time against size between the two largest sizes measured of each shape."""
    by_shape: dict[str, list[dict]] = {}
    for row in rows:
        by_shape.setdefault(row["shape"], []).append(row)
    for shape_rows in by_shape.values():
        for key in ("read_s", "extract_s"):
            timed = [row for row in shape_rows if isinstance(row.get(key), float) and row[key] > 0.005]
            if len(timed) >= 2:
                small, large = timed[-2], timed[-1]
                exponent = math.log(large[key] / small[key]) / math.log(large["bytes"] / small["bytes"])
                large[f"{key.removesuffix('_s')}_growth"] = round(exponent, 2)


def table(rows: list[dict]) -> str:
    lines = ["| shape | size | reading (s) | extraction (s) | growth (reading, extraction) |", "|---|---|---|---|---|"]
    for row in rows:
        size = f"{row['bytes'] / 1e6:g} MB" if row["bytes"] >= 10**6 else f"{row['bytes'] // 1000} KB"
        growth = ", ".join(str(row.get(key, "")) for key in ("read_growth", "extract_growth")).strip(", ")
        extraction = row.get("extract_s", row.get("outcome", row.get("skipped", "")))
        lines.append(f"| {row['shape']} | {size} | {row.get('read_s', '')} | {extraction} | {growth} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=f"10000,100000,1000000,{LIMIT}")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated names from SHAPES")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before one pass is stopped")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    rows = measure(arguments.shapes.split(","), sizes, arguments.timeout)
    print(table(rows))
    write_results("sizes", {"timeout_s": arguments.timeout, "rows": rows, "table": table(rows)})


if __name__ == "__main__":
    main()
