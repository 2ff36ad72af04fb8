"""The filters of a search as conditions on quotes: `speaker:`, `actor:`, `incident:`, `topic:`,
`claim:`, `lang:`, `kind:` and dates, from the search box or given as keyword arguments.

Names are resolved to rows by statements/search/names.py (misspellings included); claims and kinds
are read in English or French. What the words of a search find is statements/search/query.py's.
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from actors.names import fold
from statements.models import Quote
from statements.search import names
from statements.search.parser import DateRange, ParsedQuery, SearchQueryError

CLAIM_SYNONYMS = {
    "attribution": "accusation", "accuse": "accusation", "threat": "warning", "menace": "warning",
    "avertissement": "warning", "offer": "commitment", "engagement": "commitment", "promise": "commitment",
    "dementi": "denial", "deny": "denial", "exigence": "demand", "evaluation": "assessment",
}
KIND_SYNONYMS = {"communique": "readout", "direct": "direct", "partial": "partial", "partielle": "partial",
                 "indirect": "indirect", "indirecte": "indirect", "readout": "readout"}


def filtered(quotes: QuerySet, parsed: ParsedQuery) -> tuple[QuerySet, dict[str, list[str]]]:
    """The quotes passing every filter of the query (its dates included), and what the names of its
    `speaker:` and `actor:` filters were read as (actor ids, for display)."""
    resolved: dict[str, list[str]] = {}
    for name, values in parsed.filters.items():
        quotes = quotes.filter(filter_q(name, values, resolved))
    for name, values in parsed.excluded_filters.items():
        quotes = quotes.exclude(filter_q(name, values, {}))
    if parsed.dates:
        quotes = quotes.filter(_date_q(parsed.dates))
    return quotes, resolved


def _date_q(dates: list[DateRange]) -> Q:
    """Quotes whose (possibly partial) date overlaps any of the periods."""
    either = Q()
    for period in dates:
        condition = Q(statement_date__isnull=False)
        if period.end:
            condition &= Q(statement_date__lte=period.end)
        if period.start:
            start = period.start
            condition &= (
                Q(statement_precision="day", statement_date__gte=start)
                | Q(statement_precision="month", statement_date__gte=start.replace(day=1))
                | Q(statement_precision="year", statement_date__gte=start.replace(month=1, day=1))
            )
        either |= condition
    return either


def _choice(field_name: str, value: str, choices, synonyms: dict[str, str]) -> str:
    key = fold(value)
    allowed = {str(choice) for choice in choices.values}
    resolved = key if key in allowed else synonyms.get(key)
    if resolved is None:
        for choice in choices:
            if fold(str(choice.label)).split(" ")[0] == key:
                resolved = choice.value
    if resolved not in allowed:
        raise SearchQueryError(f"{field_name}: {value!r} is not one of {', '.join(sorted(allowed))}.")
    return resolved


_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})?$")


def filter_q(name: str, values: list[str], resolved: dict[str, list[str]]) -> Q:
    """The condition for one filter field; `resolved` collects what names were read as (for display)."""
    through_actors = Quote.mentioned_actors.through.objects
    through_incidents = Quote.incidents.through.objects
    through_topics = Quote.topics.through.objects
    either = Q(pk__in=[])
    for value in values:
        if name in ("speaker", "actor"):
            ids = names.resolve_actors(value)
            resolved.setdefault(name, []).extend(str(pk) for pk in ids)
            if name == "speaker":
                either |= Q(speaker_id__in=ids) if ids else Q(speaker_as_written__unaccent__icontains=value)
            else:
                either |= (Q(speaker_id__in=ids) | Q(addressee_id__in=ids)
                           | Q(pk__in=through_actors.filter(actor_id__in=ids).values("quote_id")))
        elif name == "incident":
            ids = names.resolve_incidents(value)
            either |= Q(pk__in=through_incidents.filter(incident_id__in=ids).values("quote_id"))
        elif name == "topic":
            ids = names.resolve_topics(value)
            either |= Q(pk__in=through_topics.filter(topic_id__in=ids).values("quote_id"))
        elif name == "claim":
            either |= Q(claim_type=_choice("claim", value, Quote.Claim, CLAIM_SYNONYMS))
        elif name == "kind":
            either |= Q(kind=_choice("kind", value, Quote.Kind, KIND_SYNONYMS))
        elif name == "lang":
            code = value.strip().lower()
            if not _LANG.match(code):
                raise SearchQueryError(f"lang: {value!r} is not a language code such as fr or en.")
            either |= Q(language=code) | Q(language__startswith=f"{code}-")  # codes are stored in lower case
    return either


