"""Exports of exactly the matching set, streamed: CSV (spreadsheet-safe) and JSON Lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.db.models import QuerySet

COLUMNS = ["id", "url", "statement_date", "statement_precision", "speaker", "speaker_as_written", "kind",
           "claim_type", "language", "text", "incidents", "events", "statement", "article_id", "article_title",
           "article_url", "publisher", "source_url"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(quotes: QuerySet, absolute) -> Iterator[dict]:
    """One dict per quote, in the queryset's order. `absolute(path)` makes a URL absolute."""
    quotes = (quotes.select_related("speaker", "article").prefetch_related("incidents", "events")
              .defer("search_vector", "article__text", "article__fingerprints"))  # never an article's body
    for quote in quotes.iterator(chunk_size=2000):
        article = quote.article
        yield {
            "id": quote.pk,
            "url": absolute(quote.get_absolute_url()),
            "statement_date": quote.statement_date.isoformat() if quote.statement_date else None,
            "statement_precision": quote.statement_precision,
            "speaker": quote.speaker.name if quote.speaker else None,
            "speaker_as_written": quote.speaker_as_written,
            "kind": quote.kind,
            "claim_type": quote.claim_type,
            "language": quote.language,
            "text": quote.text,
            "incidents": [incident.name for incident in quote.incidents.all()],
            # An event's date is where it begins, ISO at its precision ("2021-06", "2021-07-09").
            "events": [{"name": event.name, "date": event.start.isoformat() if event.start else None}
                       for event in quote.events.all()],
            "statement": quote.statement_id,
            "article_id": article.pk,
            "article_title": article.title,
            "article_url": absolute(f"{article.get_absolute_url()}#quote-{quote.pk}"),
            "publisher": article.publisher,
            "source_url": article.url,
        }


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(f"{item['name']} ({item['date']})" if isinstance(item, dict) else item for item in value)
    value = str(value)
    # A cell a spreadsheet would run as a formula is written as text.
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def csv_lines(quotes: QuerySet, absolute) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)  # the BOM lets spreadsheets read UTF-8
    for row in rows(quotes, absolute):
        yield writer.writerow([_cell(row[column]) for column in COLUMNS])


def jsonl_lines(quotes: QuerySet, absolute) -> Iterator[str]:
    for row in rows(quotes, absolute):
        yield json.dumps(row, ensure_ascii=False) + "\n"
