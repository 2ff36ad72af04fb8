"""A quote as a CSL-JSON citation (Citation Style Language), for Zotero, Pandoc and reference managers."""

from __future__ import annotations

from statements.dates import DatePrecision, PartialDate
from statements.models import Quote


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
    """One CSL item citing the article a quote comes from, the quote itself in `note`."""
    article = quote.article
    speaker = quote.speaker.name if quote.speaker else quote.speaker_as_written
    item = {
        "id": f"demarche-quote-{quote.pk}",
        "type": "article-newspaper" if article.publisher else "article",
        "title": article.title,
        "container-title": article.publisher or None,
        "URL": article.url or url,
        "language": article.language or None,
        "issued": date_parts(article.published),
        "event-date": date_parts(quote.statement),
        "note": f"{speaker}: “{quote.text}”" if speaker else f"“{quote.text}”",
        "source": "Démarche",
    }
    if article.url:
        item["archive_location"] = url
    return {key: value for key, value in item.items() if value is not None}
