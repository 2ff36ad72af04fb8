"""The extraction stages run one by one on a short text, for the tests of each stage (no database)."""

from pathlib import Path

from statements.dates import PartialDate
from statements.extraction import Gazetteer
from statements.extraction.attribution import attribute_quotes
from statements.extraction.document import Document
from statements.extraction.entities import find_entities
from statements.extraction.spans import Statements
from statements.extraction.text import Folded

GAZETTEER = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")


def document(text: str, language: str, published: str | None = "2021-07-09") -> Document:
    return Document(text, GAZETTEER, PartialDate.parse(published) if published else None, language, Folded(text))


def entities(doc: Document):
    incidents = doc.folded.find(GAZETTEER.incident_matcher(doc.lang))
    events = doc.folded.find(GAZETTEER.event_matcher(doc.lang))
    return find_entities(doc, incidents, events)


def attributed(text: str, language: str, published: str = "2021-07-09"):
    """The rules of attribution.py applied, continuations not yet: (the rules, the statements)."""
    doc = document(text, language, published)
    statements = Statements(doc)
    return attribute_quotes(doc, entities(doc), statements), statements
