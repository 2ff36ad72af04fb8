"""Stage 4 of ingestion, quotes: running extraction over a stored article and storing what it found.

Human decisions win: quotes a curator verified or rejected are never deleted or changed by a
new extraction, and a machine quote overlapping one of them is not stored again. Machine quotes
keep their ids across re-extractions (found again: updated; no longer found: withdrawn).
"""

from __future__ import annotations

import bisect
import logging
import threading
import time
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.text import slugify

from actors.models import Actor, ActorKind, Affiliation, Alias, ReviewStatus
from actors.names import fold
from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract
from statements.matching import Occasions, earliest_start, statements_assign
from statements.models import (
    Article,
    AttributionClaim,
    Event,
    Incident,
    IncidentAlias,
    Quote,
    StatementCandidate,
    Topic,
)

logger = logging.getLogger(__name__)

_cache = threading.local()


GAZETTEER_REFRESH_SECONDS = 30
OVERLAP_LOOKBACK = 8  # earlier quotes, starting just before a found one ends, that may overlap it


def current_gazetteer() -> Gazetteer:
    """The gazetteer built from the database, rebuilt when it changed, checked at most every 30 s.

    Building it takes a fraction of a second; extraction itself adds unreviewed actors and roles
    all the time, so checking the version before every article would rebuild it for every article.
    """
    now = time.monotonic()
    if getattr(_cache, "gazetteer", None) is not None and now - _cache.checked_at < GAZETTEER_REFRESH_SECONDS:
        return _cache.gazetteer
    _cache.checked_at = now
    version = (
        Actor.objects.aggregate(n=Count("pk"), changed=Max("updated_at")),
        Alias.objects.aggregate(n=Count("pk"), last=Max("pk")),
        Affiliation.objects.aggregate(n=Count("pk"), last=Max("pk")),
        IncidentAlias.objects.aggregate(n=Count("pk"), last=Max("pk")),
        Event.objects.count(),
        Topic.objects.count(),
    )
    if getattr(_cache, "version", None) != version:
        from statements.gazetteer_loading import entries_from_database

        _cache.gazetteer = Gazetteer.from_entries(**entries_from_database())
        _cache.version = version
    return _cache.gazetteer


def gazetteer_cache_clear() -> None:
    """Forget the cached gazetteer (tests, or after loading the reference gazetteer)."""
    _cache.__dict__.clear()


@transaction.atomic(savepoint=False)  # its callers' transactions (an import's item) roll back what fails
def article_analyse(article: Article, gazetteer: Gazetteer | None = None) -> list[Quote]:
    """(Re-)extract an article's quotes; a quotation found again keeps its quote (id, permalink, citations).

    Quotes a curator reviewed are kept exactly as they are, and nothing found over them is stored. A machine
    quote found again (same words, or an overlapping span) is updated in place; one no longer found is
    withdrawn, not deleted: its permalink then says so (410) rather than disappearing (404). An article not
    stored yet (an import's) is inserted with what extraction tells of it, and has nothing to replace; each
    new quote is inserted once, with its statement (matched on the links found, before the insert).
    """
    gazetteer = gazetteer or current_gazetteer()
    result = extract(article.text, gazetteer=gazetteer, published=article.published, language=article.language or None,
                     title=article.title)
    if not article.language:
        article.language = result.language
    article.extracted_at = timezone.now()
    new_article = article.pk is None
    article.save(**({} if new_article else {"update_fields": ["language", "extracted_at"]}))

    # One query: the machine's quotes, and the spans curators own.
    stored = [] if new_article else list(article.quotes.order_by("start"))
    previous = [quote for quote in stored if quote.review_status in Quote.MACHINE_OWNED]
    curated_spans = [(quote.start, quote.end) for quote in stored if quote.review_status not in Quote.MACHINE_OWNED]
    found_quotes = [found for found in result.quotes
                    if not any(found.start < end and start < found.end for start, end in curated_spans)]
    again = _found_again(found_quotes, previous)
    resolver = _Resolver(result)
    quotes = []
    for index, found in enumerate(found_quotes):
        statement = found.statement_date or article.published
        quote = again.get(index) or Quote(article=article)
        quote.text, quote.start, quote.end = found.text, found.start, found.end
        quote.speaker = resolver.actor(found.speaker)
        quote.speaker_as_written = (found.speaker_as_written or "")[:300]
        quote.kind = found.kind
        quote.statement_date = statement.date if statement else None
        quote.statement_precision = statement.precision if statement else "day"
        quote.language = result.language
        quote.claim_type = found.claim_type or ""
        quote.addressee = resolver.actor(found.addressee)
        quote.confidence = max(0.0, min(1.0, found.confidence))
        quote.speaker_candidates = resolver.candidates(found)
        quote.review_status, quote.withdrawn_reason = Quote.Review.MACHINE, ""
        quotes.append(quote)
    kept = {quote.pk for quote in again.values()}
    reason = f"No longer found in its article when it was extracted again on {article.extracted_at:%Y-%m-%d}."
    Quote.objects.filter(pk__in=[quote.pk for quote in previous if quote.pk not in kept]).update(
        review_status=Quote.Review.WITHDRAWN, withdrawn_reason=reason)
    incidents = _incidents_store(article, result)
    links = _links_found(found_quotes, resolver, incidents)
    unmatched = [index for index, quote in enumerate(quotes) if quote.statement_id is None]  # found again: kept
    candidates = statements_assign([quotes[index] for index in unmatched], [links[index] for index in unmatched])
    for quote in quotes:
        if quote.pk:
            quote.save()
    Quote.objects.bulk_create([quote for quote in quotes if quote.pk is None])
    for through in (Quote.mentioned_actors.through, Quote.incidents.through, Quote.events.through,
                    Quote.topics.through):
        through.objects.filter(quote_id__in=kept).delete()  # stored again from what was found this time
    _links_store(quotes, links)
    StatementCandidate.objects.bulk_create(candidates, ignore_conflicts=True)
    _claims_store(article, result, dict(zip(map(id, found_quotes), quotes, strict=True)), resolver, incidents,
                  new_article=new_article)
    resolver.store_roles(result.roles)
    return quotes


def _incidents_store(article: Article, result) -> dict[str, int]:
    """The incidents the article's quotes, claims and story are about, by name (their ids).

    One the gazetteer lacks (statements/extraction/found_incidents.py) is created unreviewed, with the date
    the text gives and its names as aliases, unless an earlier article created it: the same victim (its
    `found_as` key) or the same name. Those only named in passing (no quote, no claim, not the story) are not.
    """
    about = ({name for quote in result.quotes for name in quote.incidents} | {claim.incident for claim in result.claims}
             | set(result.incidents))
    ids = dict(Incident.objects.filter(name__in=about).values_list("name", "pk"))
    for found in result.new_incidents:
        if found.name in ids or found.name not in about:
            continue
        incident = (Incident.objects.filter(found_as=found.key).order_by("pk").first()
                    or Incident.objects.filter(aliases__normalized=fold(found.name)).first())
        if incident is None:
            incident = Incident.objects.create(
                name=found.name[:200], slug=_free_slug(Incident, found.name), kind=found.kind,
                start_date=found.date.date if found.date else None,
                start_precision=found.date.precision if found.date else "day",
                review_status=ReviewStatus.UNREVIEWED, found_in=article, found_as=found.key[:200])
            for name in dict.fromkeys([found.name, found.victim]):
                if not IncidentAlias.objects.filter(normalized=fold(name), language=found.language).exists():
                    IncidentAlias.objects.create(incident=incident, name=name[:200], language=found.language)
        ids[found.name] = incident.pk
    return ids


def _claims_store(article: Article, result, stored: dict[int, Quote], resolver: _Resolver,
                  incidents: dict[str, int], *, new_article: bool) -> None:
    """The attribution claims and denials the article makes, each with its words and its quote; replaced
    at each extraction. A claim the reference data already holds (same parties, incident, date) stays one: all
    are one insert, which leaves out those already stored."""
    if not new_article:
        AttributionClaim.objects.filter(article=article, origin=AttributionClaim.Origin.TEXT).delete()
    found: dict[tuple, AttributionClaim] = {}
    for claim in result.claims:
        claimant, accused = resolver.actor(claim.claimant), resolver.actor(claim.accused)
        if not (claimant and accused and claim.incident in incidents):
            continue
        quote = stored.get(id(result.quotes[claim.quote_index])) if claim.quote_index is not None else None
        date = (PartialDate.from_fields(quote.statement_date, quote.statement_precision) if quote and
                quote.statement_date else article.published)
        key = (incidents[claim.incident], claimant.pk, accused.pk, date.date if date else None, claim.stance)
        found.setdefault(key, AttributionClaim(
            incident_id=key[0], claimant=claimant, attributed_to=accused, stance=claim.stance, claimed_date=key[3],
            claimed_precision=date.precision if date else "day", origin=AttributionClaim.Origin.TEXT,
            article=article, quote=quote, words=claim.words, confidence_wording=claim.confidence_wording[:100]))
    AttributionClaim.objects.bulk_create(found.values(), ignore_conflicts=True)  # attribution_unique


def _found_again(found_quotes, previous: list[Quote]) -> dict[int, Quote]:
    """Which earlier machine quote each found quotation is (by index), each earlier quote claimed once:
    first the same span (the article's text never changes), then the same words, then the earlier quote
    its span overlaps most. Spans first, so that no quote moves onto the span another one keeps."""
    by_span = {(quote.start, quote.end): quote for quote in previous}
    by_words: dict[str, list[Quote]] = {}
    for quote in previous:
        by_words.setdefault(fold(quote.text), []).append(quote)
    starts = [quote.start for quote in previous]
    again: dict[int, Quote] = {}
    for index, found in enumerate(found_quotes):
        if (quote := by_span.get((found.start, found.end))) is not None:
            again[index] = quote
    taken = {quote.pk for quote in again.values()}

    def overlapping(found) -> list[Quote]:
        last = bisect.bisect_left(starts, found.end)  # earlier quotes starting before this one ends
        near = [quote for quote in previous[max(0, last - OVERLAP_LOOKBACK):last] if quote.end > found.start]
        return sorted(near, key=lambda quote: -(min(quote.end, found.end) - max(quote.start, found.start)))

    for candidates in (lambda found: by_words.get(fold(found.text), []), overlapping):
        for index, found in enumerate(found_quotes):
            if index in again:
                continue
            quote = next((quote for quote in candidates(found) if quote.pk not in taken), None)
            if quote is not None:
                again[index] = quote
                taken.add(quote.pk)
    return again


@dataclass
class _FoundLinks(Occasions):
    """What a found quote is linked to (ids): its occasions, as matching reads them, its mentioned actors and
    its topics."""

    actors: set[int] = field(default_factory=set)
    topics: set[int] = field(default_factory=set)


def _links_found(found_quotes, resolver: _Resolver, incidents: dict[str, int]) -> list[_FoundLinks]:
    """Each found quote's links: mentioned actors, incidents (ids by name), events (with their starts) and
    topics (two queries, events and topics, for the whole article)."""
    events = {name: (pk, PartialDate.from_fields(date, precision)) for name, pk, date, precision in
              Event.objects.filter(name__in={n for f in found_quotes for n in f.events}).values_list(
                  "name", "pk", "start_date", "start_precision")}
    topics = dict(Topic.objects.filter(slug__in={n for f in found_quotes for n in f.topics}).values_list("slug", "pk"))
    links = []
    for found in found_quotes:
        own_events = [events[name] for name in found.events if name in events]
        links.append(_FoundLinks(
            events={pk for pk, _ in own_events}, incidents={incidents[n] for n in found.incidents if n in incidents},
            earliest_event=earliest_start(start for _, start in own_events),
            actors={actor.pk for actor in map(resolver.actor, found.actors) if actor},
            topics={topics[n] for n in found.topics if n in topics}))
    return links


def _links_store(quotes: list[Quote], links: list[_FoundLinks]) -> None:
    """Each stored quote's links, in one insert per relation."""
    relations = [(Quote.mentioned_actors.through, "actor_id", "actors"),
                 (Quote.incidents.through, "incident_id", "incidents"),
                 (Quote.events.through, "event_id", "events"), (Quote.topics.through, "topic_id", "topics")]
    for through, column, relation in relations:
        through.objects.bulk_create(
            [through(quote_id=quote.pk, **{column: target}) for quote, found in zip(quotes, links, strict=True)
             for target in getattr(found, relation)],
            ignore_conflicts=True,
        )


def articles_reextract(article_ids, progress=None) -> int:
    """Re-analyse articles one transaction each, so a failure leaves the others done."""
    stored = 0
    for article in Article.objects.filter(pk__in=article_ids).order_by("pk").iterator():
        stored += len(article_analyse(article))
        if progress:
            progress()
    return stored


class _Resolver:
    """Canonical names from the extractor to Actor rows; NER finds become unreviewed actors."""

    def __init__(self, result):
        self.new = {actor.name: actor for actor in result.new_actors}
        names = {name for quote in result.quotes for name in (quote.speaker, quote.addressee, *quote.actors) if name}
        names |= {name for role in result.roles for name in (role.actor, role.organisation) if name}
        names |= {candidate.name for quote in result.quotes for candidate in quote.candidates}
        names |= {name for claim in result.claims for name in (claim.claimant, claim.accused) if name}
        self.rows: dict[str, Actor | None] = {actor.name: actor for actor in Actor.objects.filter(name__in=names)}
        self.read = names  # looked up by canonical name already: those missing from rows are no actor's name

    def actor(self, name: str | None) -> Actor | None:
        if not name:
            return None
        if name not in self.rows:
            actor = ((None if name in self.read else Actor.objects.filter(name=name).first())
                     or Actor.objects.by_alias(name).first())
            if actor is None and name in self.new:
                actor = _actor_create_unreviewed(name, self.new[name].kind)
            self.rows[name] = actor
        return self.rows[name]

    def candidates(self, found) -> list[dict]:
        """The speakers the extractor weighed, as stored on the quote: each with its actor's slug when the
        name is already an actor's (read with the other names: no query per candidate, no actor created)."""
        out = []
        for candidate in found.candidates:
            actor = self.rows.get(candidate.name)
            out.append({**candidate.as_dict(), "name": candidate.name[:300], "actor": actor.slug if actor else None})
        return out

    def store_roles(self, roles) -> None:
        """The roles the article states, as unreviewed affiliations (undated), in one insert: a role its actor
        already holds under that title (whatever its case) is left as it is."""
        found: dict[tuple[int, str], Affiliation] = {}
        for role in roles:
            actor = self.actor(role.actor)
            if actor is None:
                continue
            organisation = self.actor(role.organisation)
            found.setdefault((actor.pk, role.title[:200].lower()), Affiliation(
                actor=actor, title=role.title[:200], start_date=None, organisation=organisation,
                review_status=ReviewStatus.UNREVIEWED))
        Affiliation.objects.bulk_create(found.values(), ignore_conflicts=True)  # affiliation_unique_role_start


def _actor_create_unreviewed(name: str, kind: str) -> Actor:
    kind = kind if kind in ActorKind.values else ActorKind.OTHER
    return Actor.objects.create(name=name[:200], slug=_free_slug(Actor, name), kind=kind,
                                review_status=ReviewStatus.UNREVIEWED)


def _free_slug(model, name: str) -> str:
    """The name's slug, numbered when another row of the model has it already."""
    base = slugify(name)[:180] or model._meta.model_name
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
