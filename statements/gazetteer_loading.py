"""Loading the reference gazetteer (fixtures/gazetteer/*.json, see docs/gazetteer-format.md).

Loading is idempotent and additive: missing actors, incidents, events, topics, aliases and
roles are created. Existing records keep whatever curators made of them and only gain what a
newer gazetteer adds: descriptors they lack, and the end date of a role they still hold open
(a term that has ended since the last load). Nothing is removed or overwritten.
"""

import json
import logging
from collections import Counter
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from actors.models import Actor, Affiliation, Alias, ReviewStatus
from actors.names import fold
from statements.dates import PartialDate
from statements.models import AttributionClaim, Event, EventAlias, Incident, IncidentAlias, Topic

logger = logging.getLogger(__name__)

FILES = ("actors", "incidents", "events", "topics")


def read_gazetteer(directory: Path) -> dict[str, list[dict]]:
    return {
        name: json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        if (directory / f"{name}.json").exists()
        else []
        for name in FILES
    }


@transaction.atomic
def gazetteer_load(*, directory: Path) -> Counter:
    data = read_gazetteer(directory)
    counts = Counter()
    actors = {}
    for entry in data["actors"]:
        actor, created = _actor(entry)
        actors[entry["name"]] = actor
        counts["actors created"] += created
        counts["actors updated"] += not created and _gain_descriptors(actor, entry.get("descriptors", {}))
        counts["aliases created"] += _aliases(Alias, {"actor": actor}, entry.get("aliases", {}), counts)
    for entry in data["actors"]:
        created, updated = _roles(actors[entry["name"]], entry.get("roles", []), actors)
        counts["roles created"] += created
        counts["roles updated"] += updated
    for entry in data["topics"]:
        _, created = Topic.objects.get_or_create(
            slug=entry["slug"],
            defaults={"name_en": entry["name"]["en"], "name_fr": entry["name"].get("fr", entry["name"]["en"]),
                      "keywords": entry.get("keywords", {})},
        )
        counts["topics created"] += created
    incidents = {}
    for entry in data["incidents"]:
        incident, created = _dated(Incident, entry, kind=entry.get("kind", "other"), summary=entry.get("summary", ""),
                                   victims_text=", ".join(entry.get("victims", [])))
        incidents[entry["name"]] = incident
        counts["incidents created"] += created
        names = {language: [*entry.get("aliases", {}).get(language, []), *entry.get("patterns", {}).get(language, [])]
                 for language in {*entry.get("aliases", {}), *entry.get("patterns", {})}}
        counts["aliases created"] += _aliases(IncidentAlias, {"incident": incident}, names, counts)
        victims = [actors[name] for name in entry.get("victims", []) if name in actors]
        incident.victims.add(*victims)
        for claim in entry.get("attributions", []):
            claimant, attributed = _known(actors, claim.get("claimant")), _known(actors, claim.get("attributed_to"))
            if claimant and attributed:
                when = PartialDate.parse(claim["date"]) if claim.get("date") else None
                AttributionClaim.objects.get_or_create(
                    incident=incident, claimant=claimant, attributed_to=attributed,
                    claimed_date=when.date if when else None,
                    defaults={"claimed_precision": when.precision if when else "day", "note": claim.get("note", "")},
                )
    for entry in data["events"]:
        event, created = _dated(Event, entry, kind=entry.get("kind", "other"), location=entry.get("location", ""),
                                description=entry.get("description", ""))
        counts["events created"] += created
        counts["aliases created"] += _aliases(EventAlias, {"event": event}, entry.get("aliases", {}), counts)
        event.participants.add(*[actors[name] for name in entry.get("participants", []) if name in actors])
        event.incidents.add(*[incidents[name] for name in entry.get("incidents", []) if name in incidents])
    return counts


def _known(actors, name):
    if name and name not in actors:
        logger.warning("gazetteer: unknown actor %r", name)
    return actors.get(name)


def _actor(entry) -> tuple[Actor, bool]:
    actor = Actor.objects.filter(name=entry["name"]).first()
    if actor:
        return actor, False
    actor = Actor(
        name=entry["name"],
        slug=_unique_slug(Actor, entry["name"]),
        kind=entry.get("kind", "other"),
        country=entry.get("country", ""),
        gender=entry.get("gender", ""),
        description=entry.get("description", ""),
        wikidata_id=entry.get("wikidata", "") or "",
        descriptors=entry.get("descriptors", {}),
        review_status=ReviewStatus.REVIEWED,
    )
    actor.save()
    return actor, True


def _roles(actor: Actor, roles: list[dict], actors: dict) -> tuple[int, int]:
    """Creates the roles the database lacks; returns how many were created and how many existing ones gained."""
    created = updated = 0
    for role in roles:
        start = PartialDate.parse(role["start"]) if role.get("start") else None
        end = PartialDate.parse(role["end"]) if role.get("end") else None
        affiliation, was_created = Affiliation.objects.get_or_create(
            actor=actor,
            title__iexact=role["title"],  # as the uniqueness constraint compares titles
            start_date=start.date if start else None,
            defaults={
                "title": role["title"],
                "organisation": _known(actors, role.get("organisation")),
                "start_precision": start.precision if start else "day",
                "end_date": end.date if end else None,
                "end_precision": end.precision if end else "day",
                "descriptors": role.get("descriptors", {}),
                "review_status": ReviewStatus.REVIEWED,
            },
        )
        created += was_created
        if not was_created:
            ended = end is not None and affiliation.end_date is None
            if ended:
                affiliation.end_date, affiliation.end_precision = end.date, end.precision
                affiliation.save(update_fields=["end_date", "end_precision"])
            updated += _gain_descriptors(affiliation, role.get("descriptors", {})) or ended
    return created, updated


def _gain_descriptors(record, descriptors: dict[str, list[str]]) -> bool:
    """Adds to record.descriptors (and saves) those of the gazetteer it lacks, per language; True if it gained any."""
    current = {language: list(names) for language, names in (record.descriptors or {}).items()}
    gained = False
    for language, names in descriptors.items():
        known = {fold(name) for name in current.get(language, [])}
        for name in names:
            if fold(name) not in known:
                current.setdefault(language, []).append(name)
                known.add(fold(name))
                gained = True
    if gained:
        record.descriptors = current
        record.save(update_fields=["descriptors"])
    return gained


def _dated(model, entry, **fields):
    found = model.objects.filter(name=entry["name"]).first()
    if found:
        return found, False
    start = PartialDate.parse(entry["start"]) if entry.get("start") else None
    end = PartialDate.parse(entry["end"]) if entry.get("end") else None
    return model.objects.create(
        name=entry["name"],
        slug=_unique_slug(model, entry["name"]),
        start_date=start.date if start else None,
        start_precision=start.precision if start else "day",
        end_date=end.date if end else None,
        end_precision=end.precision if end else "day",
        **fields,
    ), True


def _aliases(model, owner: dict, aliases: dict[str, list[str]], counts: Counter) -> int:
    created = 0
    for language, names in aliases.items():
        for name in names:
            key = fold(name)
            existing = model.objects.filter(normalized=key, language=language).first()
            if existing is None:
                model.objects.create(name=name, language=language, **owner)
                created += 1
            elif any(getattr(existing, f"{field}_id") != value.pk for field, value in owner.items()):
                counts["ambiguous aliases skipped"] += 1
                logger.warning("gazetteer: alias %r (%s) already names another record", name, language)
    return created


def _unique_slug(model, name: str) -> str:
    base = slugify(name, allow_unicode=False)[:180] or "item"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def entries_from_database() -> dict[str, list[dict]]:
    """The gazetteer as the extractor reads it, built from the database (curators' edits included)."""
    actors = []
    for actor in Actor.objects.prefetch_related("aliases", "affiliations__organisation"):
        aliases: dict[str, list[str]] = {}
        for alias in actor.aliases.all():
            aliases.setdefault(alias.language or "*", []).append(alias.name)
        actors.append({
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "gender": actor.gender,
            "aliases": aliases,
            "descriptors": actor.descriptors,
            "roles": [
                {
                    "title": role.title,
                    "organisation": role.organisation.name if role.organisation else None,
                    "start": role.start.isoformat() if role.start else None,
                    "end": role.end.isoformat() if role.end else None,
                    "descriptors": role.descriptors,
                }
                for role in actor.affiliations.all()
            ],
        })
    incidents = [
        {
            "name": incident.name,
            "kind": incident.kind,
            "start": incident.start.isoformat() if incident.start else None,
            "end": incident.end.isoformat() if incident.end else None,
            "aliases": _aliases_by_language(incident.aliases.all()),
            "victims": _victims(incident),
            "attributions": [{"attributed_to": claim.attributed_to.name, **_claim(claim)}
                             for claim in incident.attributions.all()],
        }
        for incident in Incident.objects.prefetch_related("aliases", "victims", "attributions__attributed_to",
                                                          "attributions__claimant")
    ]
    events = [
        {
            "name": event.name,
            "kind": event.kind,
            "start": event.start.isoformat() if event.start else None,
            "end": event.end.isoformat() if event.end else None,
            "aliases": _aliases_by_language(event.aliases.all()),
            "participants": [actor.name for actor in event.participants.all()],
            "incidents": [incident.name for incident in event.incidents.all()],
            "location": event.location,
        }
        for event in Event.objects.prefetch_related("aliases", "participants", "incidents")
    ]
    topics = [
        {"slug": topic.slug, "name": {"en": topic.name_en, "fr": topic.name_fr}, "keywords": topic.keywords}
        for topic in Topic.objects.all()
    ]
    return {"actors": actors, "incidents": incidents, "events": events, "topics": topics}


def _claim(claim: AttributionClaim) -> dict:
    """Who made an attribution and when (a denial names no claimant: it attributes nothing)."""
    if claim.stance != AttributionClaim.Stance.ATTRIBUTION:
        return {}
    when = PartialDate.from_fields(claim.claimed_date, claim.claimed_precision)
    return {"claimant": claim.claimant.name, "date": when.isoformat() if when else None}


def _victims(incident: Incident) -> list[str]:
    """Its victims: the actors, and those named only in victims_text (comma-separated, as loaded)."""
    named = [name.strip() for name in incident.victims_text.split(",") if name.strip()]
    return list(dict.fromkeys([*(actor.name for actor in incident.victims.all()), *named]))


def _aliases_by_language(aliases) -> dict[str, list[str]]:
    by_language: dict[str, list[str]] = {}
    for alias in aliases:
        by_language.setdefault(alias.language or "*", []).append(alias.name)
    return by_language
