"""Extracting quotations, speakers, actors, incidents, events, topics, dates and claim types.

Pure Python (spaCy optional): importable without Django settings or a database.

    from statements.extraction import extract, Gazetteer
    gaz = Gazetteer.from_directory(Path("fixtures/gazetteer"))
    result = extract(text, gazetteer=gaz, published=PartialDate.parse("2021-07"), language=None)
"""

from statements.dates import PartialDate

from .about import link_quotes
from .attributions import find_claims
from .confidence import calibrate
from .extractor import extract_quotes
from .gazetteer import Gazetteer
from .languages import detect_language
from .model import ExtractedClaim, ExtractedQuote, Extraction, NewActor, StatedRole
from .text import Folded


def extract(text: str, gazetteer: Gazetteer | None = None, published: PartialDate | None = None,
            language: str | None = None, *, title: str = "") -> Extraction:
    """Everything the extractor finds in an article: its quotes (with speakers, dates, claims), then
    what each quote is about (incidents and events, from the whole article and its title), and the
    attribution claims and denials its sentences make."""
    gazetteer = gazetteer or Gazetteer()
    doc = Folded(text or "")  # folded and tokenised once for every pass
    result = extract_quotes(text, gazetteer=gazetteer, published=published, language=language, doc=doc)
    calibrate(result.quotes)
    story = link_quotes(result, text, gazetteer=gazetteer, title=title, doc=doc)
    result.claims = find_claims(result, text, gazetteer=gazetteer, story=story, doc=doc)
    return result


__all__ = ["extract", "ExtractedClaim", "Gazetteer", "Extraction", "ExtractedQuote", "NewActor", "StatedRole",
           "detect_language"]
