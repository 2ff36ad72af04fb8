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


def quote_citation_text(quote: Quote, *, url: str) -> str:
    """A plain-text citation a journalist can paste: who, the words, where, when, and the permalink."""
    article = quote.article
    speaker = quote.speaker.name if quote.speaker else (quote.speaker_as_written or "Unattributed")
    when = quote.statement.isoformat() if quote.statement else "n.d."
    source = ", ".join(part for part in (article.publisher, article.title) if part)
    published = article.published.isoformat() if article.published else "n.d."
    link = article.url or url
    return f"{speaker} ({when}): “{quote.text}”. {source}, {published}. {link} (via Démarche: {url})"


def quote_bibtex(quote: Quote, *, url: str) -> str:
    article = quote.article
    speaker = quote.speaker.name if quote.speaker else quote.speaker_as_written

    def clean(value: str) -> str:
        return value.replace("\\", " ").replace("{", "(").replace("}", ")")

    published = article.published
    fields = {
        "title": article.title,
        "journal": article.publisher,
        "year": str(published.date.year) if published else "",
        "month": str(published.date.month) if published and published.precision != DatePrecision.YEAR else "",
        "url": article.url or url,
        "note": f"{speaker}: “{quote.text}”" if speaker else f"“{quote.text}”",
    }
    body = ",\n".join(f"  {key} = {{{clean(value)}}}" for key, value in fields.items() if value)
    return f"@article{{demarche-quote-{quote.pk},\n{body}\n}}"


def quote_paragraph(quote: Quote) -> tuple[str, str, str]:
    """The paragraph around a quote, split as (before, the quote's span, after)."""
    text = quote.article.text
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    end = len(text) if end == -1 else end
    return text[start:quote.start], text[quote.start:quote.end], text[quote.end:end]
