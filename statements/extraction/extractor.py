"""The extraction pipeline, stage by stage: quotes, speakers, actors, incidents, events, topics, dates.

Each stage is a module that can be read and tested alone; they share the per-document state they
build, in this order:

    document.py       Document: normalised text, language data, paragraphs, sentences, quotation
                      spans, the date roles are read at (dating.py)
    entities.py       Entities: who the text names (gazetteer, spaCy NER, names, institutions, acronyms)
    spans.py          Statements: the quotation spans that are statements, each in its sentence
    attribution.py    each statement's speaker from its own sentence (and the documents' authors)
    continuations.py  speakers carried over: multi-paragraph quotes, continuations, narration
    output.py         the Extraction: ExtractedQuote per quote, actors, incidents, topics, roles

All language knowledge comes from `languages/<code>.py`; these modules hold only logic.
"""

from __future__ import annotations

from statements.dates import PartialDate

from .attribution import attribute_quotes
from .continuations import continue_speakers
from .document import Document
from .entities import find_entities
from .gazetteer import Gazetteer
from .model import Extraction
from .output import build_extraction
from .spans import Statements
from .text import Folded


def extract_quotes(text: str, gazetteer: Gazetteer | None = None, published: PartialDate | None = None,
                   language: str | None = None, doc: Folded | None = None) -> Extraction:
    """The quotes of a text with their speakers, and the actors, incidents, events, topics and roles it
    names. `doc` is the text already folded (statements.extraction.extract shares it with its other passes)."""
    document = Document(text, gazetteer or Gazetteer(), published, language, doc or Folded(text or ""))
    incidents = document.folded.find(document.gaz.incident_matcher(document.lang))
    events = document.folded.find(document.gaz.event_matcher(document.lang))
    entities = find_entities(document, incidents, events)
    statements = Statements(document)
    rules = attribute_quotes(document, entities, statements)
    continue_speakers(rules, statements.quotes)
    return build_extraction(document, entities, rules, incidents, events)
