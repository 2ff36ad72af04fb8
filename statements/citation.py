"""A quote as a citation: plain text, CSL-JSON (Zotero, Pandoc), BibTeX and RIS.

Every form gives the speaker as author, the statement's date at its precision, the source (the
article, its publisher and address), the quote's permalink and the date it was accessed; the words
never end with the comma or space that led into the attribution ("...territory," he said).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from statements.dates import DatePrecision, PartialDate
from statements.models import Quote

_LEAD_IN = " ,;:\u00a0\u202f"  # what the words may end with before an attribution, never part of them


def quoted_words(quote: Quote) -> str:
    return quote.text.strip().rstrip(_LEAD_IN).rstrip()


def _speaker(quote: Quote) -> str:
    return quote.speaker.name if quote.speaker else quote.speaker_as_written


def _accessed() -> datetime.date:
    return timezone.localdate()


def date_parts(date: PartialDate | None) -> dict | None:
    if date is None:
        return None
    parts = [date.date.year]
    if date.precision in (DatePrecision.MONTH, DatePrecision.DAY):
        parts.append(date.date.month)
    if date.precision == DatePrecision.DAY:
        parts.append(date.date.day)
    return {"date-parts": [parts]}


def quote_csl(quote: Quote, *, url: str) -> dict:
    """One CSL item: the speaker's statement, as reported by the article it comes from."""
    article = quote.article
    speaker = _speaker(quote)
    item = {
        "id": f"demarche-quote-{quote.pk}",
        "type": "article-newspaper" if article.publisher else "article",
        "title": article.title,
        "author": [{"literal": speaker}] if speaker else None,
        "container-title": article.publisher or None,
        "URL": article.url or url,
        "language": article.language or None,
        "issued": date_parts(quote.said_on or article.published),
        "event-date": date_parts(quote.said_on),
        "accessed": date_parts(PartialDate(_accessed(), DatePrecision.DAY)),
        "note": f"{speaker}: “{quoted_words(quote)}”" if speaker else f"“{quoted_words(quote)}”",
        "source": "Démarche",
        "archive_location": url,
    }
    return {key: value for key, value in item.items() if value is not None}


def quote_citation_text(quote: Quote, *, url: str) -> str:
    """A plain-text citation a journalist can paste: who, the words, where, when, the permalink, accessed when."""
    article = quote.article
    speaker = _speaker(quote) or "Unattributed"
    when = quote.said_on.isoformat() if quote.said_on else "n.d."
    source = ", ".join(part for part in (article.publisher, article.title) if part)
    published = article.published.isoformat() if article.published else "n.d."
    link = article.url or url
    return (f"{speaker} ({when}): “{quoted_words(quote)}”. {source}, {published}. {link} "
            f"(via Démarche: {url}, accessed {_accessed().isoformat()})")


def quote_bibtex(quote: Quote, *, url: str) -> str:
    article = quote.article
    speaker = _speaker(quote)

    def clean(value: str) -> str:
        return value.replace("\\", " ").replace("{", "(").replace("}", ")")

    said = quote.said_on or article.published
    fields = {
        "author": speaker,
        "title": article.title,
        "journal": article.publisher,
        "year": str(said.date.year) if said else "",
        "month": str(said.date.month) if said and said.precision != DatePrecision.YEAR else "",
        "day": str(said.date.day) if said and said.precision == DatePrecision.DAY else "",
        "url": article.url or url,
        "urldate": _accessed().isoformat(),
        "note": f"“{quoted_words(quote)}”. Permalink: {url}",
    }
    body = ",\n".join(f"  {key} = {{{clean(value)}}}" for key, value in fields.items() if value)
    return f"@article{{demarche-quote-{quote.pk},\n{body}\n}}\n"


def quote_ris(quote: Quote, *, url: str) -> str:
    """RIS (EndNote, Zotero, Mendeley): one record, a tag a line."""
    article = quote.article
    said = quote.said_on or article.published
    date = ""
    if said:
        parts = [f"{said.date.year:04d}", f"{said.date.month:02d}" if said.precision != DatePrecision.YEAR else "",
                 f"{said.date.day:02d}" if said.precision == DatePrecision.DAY else ""]
        date = "/".join(parts)
    lines = [("TY", "NEWS" if article.publisher else "GEN"), ("AU", _speaker(quote)), ("TI", article.title),
             ("T2", article.publisher), ("DA", date), ("PY", f"{said.date.year:04d}" if said else ""),
             ("UR", article.url or url), ("LA", article.language), ("Y2", _accessed().isoformat()),
             ("N1", f"“{quoted_words(quote)}”. Permalink: {url}"), ("DB", "Démarche")]
    body = "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines if value)
    return f"{body}ER  - \r\n"


def quote_paragraph(quote: Quote) -> tuple[str, str, str]:
    """The paragraph around a quote, split as (before, the quote's span, after)."""
    text = quote.article.text
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    end = len(text) if end == -1 else end
    return text[start:quote.start], text[quote.start:quote.end], text[quote.end:end]
