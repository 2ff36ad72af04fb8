"""Extraction over files without touching the database: the `extract` and `evaluate_extraction` commands.

Files are read exactly as the importer reads them (so the sample date header becomes the
publication date), then extracted with the database's gazetteer when it is loaded, else with
the reference gazetteer in fixtures/.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

from statements.extraction import Gazetteer, extract
from statements.ingest.documents import DocumentError, read_documents


def gazetteer_for_extraction(directory: Path | None = None) -> Gazetteer:
    if directory is None:
        from actors.models import Actor
        from statements.ingest.quotes import current_gazetteer

        try:
            if Actor.objects.exists():
                return current_gazetteer()
        except DatabaseError:
            pass  # no database yet: the reference gazetteer is the same data
        directory = settings.GAZETTEER_DIR
    return Gazetteer.from_directory(Path(directory))


def documents_extract(files: Iterable[Path], *, gazetteer_dir: Path | None, max_bytes: int) -> Iterator[dict]:
    """One scorer-format prediction per document; an unreadable file yields its error instead."""
    gazetteer = gazetteer_for_extraction(gazetteer_dir)
    for path in files:
        try:
            documents = read_documents(path.name, path.read_bytes(), max_bytes=max_bytes)
        except DocumentError as error:
            yield {"path": str(path), "error": str(error), "quotes": [], "actors": [], "incidents": []}
            continue
        for document in documents:
            result = extract(document.text, gazetteer=gazetteer, published=document.published,
                             language=document.language or None, title=document.title)
            yield result.as_json(str(path))


def gold_files(annotation: dict, gold_path: Path) -> list[Path]:
    """The files a gold annotation describes, found beside it, one level up, or from here."""
    found = []
    for document in annotation["documents"]:
        relative = Path(document["file"])
        candidates = [gold_path.parent / relative, gold_path.parent.parent / relative, relative]
        path = next((candidate for candidate in candidates if candidate.is_file()), None)
        if path is None:
            raise ValueError(f"annotated file not found: {relative}")
        found.append(path)
    return found
