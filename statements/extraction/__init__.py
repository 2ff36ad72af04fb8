"""Extracting quotations, speakers, actors, incidents, events, topics, dates and claim types.

Pure Python (spaCy optional): importable without Django settings or a database.

    from statements.extraction import extract, Gazetteer
    gaz = Gazetteer.from_directory(Path("fixtures/gazetteer"))
    result = extract(text, gazetteer=gaz, published=PartialDate.parse("2021-07"), language=None)
"""

from .extractor import extract
from .gazetteer import Gazetteer
from .languages import detect_language
from .model import ExtractedQuote, Extraction, NewActor, StatedRole

__all__ = ["extract", "Gazetteer", "Extraction", "ExtractedQuote", "NewActor", "StatedRole", "detect_language"]
