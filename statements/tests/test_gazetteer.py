"""The reference gazetteer: consistent data, and loading that is idempotent and respects curators."""

import datetime
from collections import defaultdict

from django.conf import settings

from actors.models import Actor, Affiliation, Alias
from statements.dates import PartialDate
from statements.gazetteer_loading import gazetteer_load, read_gazetteer
from statements.models import Event, Incident, Topic

DATA = read_gazetteer(settings.GAZETTEER_DIR)
ACTOR_NAMES = {entry["name"] for entry in DATA["actors"]}


def test_reference_gazetteer_is_large_and_names_are_unique():
    assert sum(len(entries) for entries in DATA.values()) >= 300
    assert len(ACTOR_NAMES) == len(DATA["actors"])
    assert len({entry["name"] for entry in DATA["incidents"]}) == len(DATA["incidents"])


def test_every_reference_points_to_a_known_actor_and_every_date_parses():
    for entry in DATA["actors"]:
        for role in entry.get("roles", []):
            assert role["organisation"] in ACTOR_NAMES | {None}, role
            for key in ("start", "end"):
                if role.get(key):
                    PartialDate.parse(role[key])
    for entry in DATA["incidents"]:
        for claim in entry.get("attributions", []):
            assert {claim["claimant"], claim["attributed_to"]} <= ACTOR_NAMES, claim
    for entry in DATA["events"]:
        assert set(entry["participants"]) <= ACTOR_NAMES, entry["name"]


def test_loading_twice_creates_nothing_new_and_keeps_curators_edits(db):
    gazetteer_load(directory=settings.GAZETTEER_DIR)
    putin = Actor.objects.get(name="Vladimir Putin")
    putin.description = "Edited by a curator."
    putin.save()
    counts = [model.objects.count() for model in (Actor, Alias, Affiliation, Incident, Event, Topic)]

    again = gazetteer_load(directory=settings.GAZETTEER_DIR)

    assert [model.objects.count() for model in (Actor, Alias, Affiliation, Incident, Event, Topic)] == counts
    assert not any(value for key, value in again.items() if key.endswith("created"))
    putin.refresh_from_db()
    assert putin.description == "Edited by a curator."
    assert Actor.objects.by_alias("Poutine").get() == putin
    assert Incident.objects.get(name="Kaseya").attributions.filter(attributed_to__name="REvil").exists()


def test_loading_over_roles_that_differ_only_in_case_updates_nothing(db, tmp_path):
    import json

    entry = {"name": "Ned Price", "kind": "person", "roles": [
        {"title": "State Department Spokesperson", "start": "2021-01-20", "organisation": None}]}
    (tmp_path / "actors.json").write_text(json.dumps([entry]))
    gazetteer_load(directory=tmp_path)
    entry["roles"][0]["title"] = "State Department spokesperson"
    (tmp_path / "actors.json").write_text(json.dumps([entry]))
    gazetteer_load(directory=tmp_path)
    assert Affiliation.objects.get().title == "State Department Spokesperson"


def test_loading_a_newer_gazetteer_adds_its_descriptors_and_closes_ended_terms_without_undoing_curators(
        db, tmp_path):
    import json

    entry = {"name": "Ned Price", "kind": "person", "descriptors": {"en": ["Price"]}, "roles": [
        {"title": "State Department Spokesperson", "start": "2021-01-20", "organisation": None,
         "descriptors": {"en": ["the State Department spokesman"]}}]}
    (tmp_path / "actors.json").write_text(json.dumps([entry]))
    gazetteer_load(directory=tmp_path)
    role = Affiliation.objects.get()
    role.descriptors = {"en": ["the State Department spokesman", "a curator's own descriptor"]}
    role.save()

    entry["descriptors"]["fr"] = ["le porte-parole Price"]
    entry["roles"][0]["end"] = "2023-06-30"
    entry["roles"][0]["descriptors"] = {"en": ["The State Department spokesman", "the spokesman for the State "
                                               "Department"], "fr": ["le porte-parole du département d'Etat"]}
    (tmp_path / "actors.json").write_text(json.dumps([entry]))
    counts = gazetteer_load(directory=tmp_path)

    role.refresh_from_db()
    assert role.descriptors == {
        "en": ["the State Department spokesman", "a curator's own descriptor",
               "the spokesman for the State Department"],
        "fr": ["le porte-parole du département d'Etat"],
    }
    assert role.end_date == datetime.date(2023, 6, 30)
    assert Actor.objects.get().descriptors == {"en": ["Price"], "fr": ["le porte-parole Price"]}
    assert (counts["roles updated"], counts["actors updated"], counts["roles created"]) == (1, 1, 0)

    entry["roles"][0]["end"] = "2023-07-31"
    (tmp_path / "actors.json").write_text(json.dumps([entry]))
    assert gazetteer_load(directory=tmp_path)["roles updated"] == 0
    role.refresh_from_db()
    assert role.end_date == datetime.date(2023, 6, 30)  # an end date already known is the curators' to change


def test_the_gazetteer_read_back_from_the_database_describes_incidents_and_events_as_the_files_do(db):
    """Linking quotes to incidents and events (statements/extraction/about.py) needs their dates, kinds,
    places, participants, victims and culprits: imports read them from the database, not the files."""
    from statements.extraction import Gazetteer
    from statements.gazetteer_loading import entries_from_database

    gazetteer_load(directory=settings.GAZETTEER_DIR)
    from_database = Gazetteer.from_entries(**entries_from_database())
    from_files = Gazetteer.from_directory(settings.GAZETTEER_DIR)
    assert from_database.incident_info == from_files.incident_info
    assert from_database.event_info == from_files.event_info
    assert set(from_database.attributions) == set(from_files.attributions)  # who claimed each, and when


def test_terms_of_one_office_known_to_the_day_overlap_at_most_over_the_handover():
    """Two holders of one office at once make its descriptors name no one: a hand-over may take the day or two
    between decrees, no more (offices several people hold at once, such as spokespeople, are dated to the month)."""
    def day(value):
        return datetime.date.fromisoformat(value) if value and len(value) == 10 else None

    terms = defaultdict(list)
    for entry in DATA["actors"]:
        for role in entry.get("roles", []):
            if day(role.get("start")) and (role.get("end") is None or day(role["end"])):
                terms[role["title"], role["organisation"]].append(
                    (entry["name"], day(role["start"]), day(role.get("end")) or datetime.date.max))
    for office, held in terms.items():
        for name, start, end in held:
            for other, other_start, other_end in held:
                if other != name:
                    assert (min(end, other_end) - max(start, other_start)).days <= 2, (office, name, other)


def test_a_role_descriptor_names_the_holder_of_the_articles_date():
    from statements.extraction import Gazetteer, extract

    gazetteer = Gazetteer.from_directory(settings.GAZETTEER_DIR)
    text = "“We will not tolerate attacks on our hospitals,” the British home secretary said on Tuesday."
    for published, holder in (("2017-06-13", "Amber Rudd"), ("2020-06-16", "Priti Patel"),
                              ("2024-01-16", "James Cleverly")):
        result = extract(text, gazetteer=gazetteer, published=PartialDate.parse(published), language="en")
        assert [quote.speaker for quote in result.quotes] == [holder], published
