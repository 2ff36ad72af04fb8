"""python -m statements.extraction --gazetteer fixtures/gazetteer FILE... → JSON Lines (scorer format).

A file may start with a header " date YYYY-MM[-DD] ": it is the publication date, and it is
removed before extraction, so offsets refer to the text after the header.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from statements.dates import PartialDate

from . import Gazetteer, extract

HEADER = re.compile(r"^\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)[ \t]?")


def split_header(raw: str) -> tuple[str, PartialDate | None]:
    m = HEADER.match(raw)
    if not m:
        return raw, None
    try:
        return raw[m.end():], PartialDate.parse(m.group(1))
    except ValueError:
        return raw, None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m statements.extraction")
    ap.add_argument("--gazetteer", type=Path, default=Path("fixtures/gazetteer"))
    ap.add_argument("--language", choices=["fr", "en"], default=None)
    ap.add_argument("files", nargs="+", type=Path)
    a = ap.parse_args(argv)
    gazetteer = Gazetteer.from_directory(a.gazetteer)
    for path in a.files:
        text, published = split_header(path.read_text(encoding="utf-8"))
        result = extract(text, gazetteer=gazetteer, published=published, language=a.language)
        print(json.dumps(result.as_json(str(path)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
