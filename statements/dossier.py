"""An incident's or an event's dossier: the dated chain of what happened and what was said about it.

One chronology, oldest first, of the intrusion itself, the attribution claims and denials (each with
the words that made it), the diplomatic events around it (calls, sanctions, indictments, summits) and
the statements reported about it. Items known only to the month or the year sort at the end of
their period (a statement of "July 2021" about an intrusion of 2 July comes after it) and show at their
precision; undated claims close the chain.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from statements.dates import PartialDate
from statements.models import AttributionClaim, Event, Incident, Quote

# How many statements a dossier shows in its chain; the rest are one link away, on the timeline.
CHAIN_STATEMENTS = 60


@dataclass(frozen=True)
class Step:
    kind: str  # "incident", "incident-end", "claim", "event" or "statement"
    date: datetime.date | None
    precision: str
    item: Incident | Event | AttributionClaim | Quote

    @property
    def sort_key(self):
        if self.date is None:
            return (True, datetime.date.min, _KIND_ORDER[self.kind])
        return (False, PartialDate.from_fields(self.date, self.precision).last_day, _KIND_ORDER[self.kind])


_KIND_ORDER = {"incident": 0, "event": 1, "claim": 2, "statement": 3, "incident-end": 4}


def _chain(steps: list[Step]) -> list[Step]:
    return sorted(steps, key=lambda step: step.sort_key)


def _statement_steps(quotes: QuerySet[Quote]) -> list[Step]:
    """The statements of a dossier, oldest first: one step per statement (its lead report, see
    Quote.objects.one_per_statement), which says how many sources reported it."""
    shown = (quotes.published().filter(statement_date__isnull=False).one_per_statement().with_source()
             .with_statement_reports().order_by("statement_date", "pk")[:CHAIN_STATEMENTS])
    return [Step("statement", quote.statement_date, quote.statement_precision, quote) for quote in shown]


def incident_chain(incident: Incident, claims: list[AttributionClaim]) -> list[Step]:
    """The intrusion, its claims and denials, its events and the statements about it, in order."""
    steps = []
    if incident.start_date:
        steps.append(Step("incident", incident.start_date, incident.start_precision, incident))
    if incident.end_date and incident.end_date != incident.start_date:
        steps.append(Step("incident-end", incident.end_date, incident.end_precision, incident))
    steps += [Step("claim", claim.claimed_date, claim.claimed_precision, claim) for claim in claims]
    steps += [Step("event", event.start_date, event.start_precision, event)
              for event in incident.events.filter(start_date__isnull=False)]
    steps += _statement_steps(incident.quotes.all())
    return _chain(steps)


def event_chain(event: Event) -> list[Step]:
    """The incidents an event is about, the event, the claims made in its statements and its statements."""
    steps = [Step("incident", incident.start_date, incident.start_precision, incident)
             for incident in event.incidents.filter(start_date__isnull=False)]
    if event.start_date:
        steps.append(Step("event", event.start_date, event.start_precision, event))
    claims = AttributionClaim.objects.filter(quote__events=event).select_related(
        "claimant", "attributed_to", "incident", "quote", "article").defer(
        "article__text", "article__fingerprints").distinct()
    steps += [Step("claim", claim.claimed_date, claim.claimed_precision, claim) for claim in claims]
    steps += _statement_steps(event.quotes.all())
    return _chain(steps)
