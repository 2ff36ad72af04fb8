"""One statement, many reports (statements/matching.py): which quotes of different articles are one utterance,
the statements API and page, and the figures on the world corpus."""

import datetime
import json
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from actors.models import Actor, Affiliation, ReviewStatus
from statements.extraction.evaluate import score_statement_pairs
from statements.matching import LEXICONS_DIR, MERGE_AT, quotes_assign_statements, signature, similarity
from statements.models import AttributionClaim, Event, Incident, Quote, Statement, StatementCandidate

HERE = Path(__file__).resolve().parent
WORLD = HERE / "extraction_world" / "gold-world.json"

READOUT_EN = ("I made it very clear to him that the United States expects him to act when a ransomware operation "
              "is coming from his soil, even though it is not sponsored by the state")
READOUT_FR = ("Je lui ai dit très clairement que les Etats-Unis attendent de lui qu'il agisse lorsqu'une opération "
              "de rançongiciel vient de son sol, même si elle n'est pas parrainée par l'Etat")
OTHER_FR = "Nous avons désormais un canal régulier pour parler du climat et des accords commerciaux"


@pytest.fixture
def report(make_article):
    """A stored quote of its own article, matched as an import matches it."""

    def make(text, *, language, speaker=None, date="2021-07-09", events=(), incidents=(), publisher=""):
        published = datetime.date.fromisoformat(date) if date else None
        article = make_article(text=f"« {text} »", language=language, published_date=published, publisher=publisher)
        quote = Quote.objects.create(article=article, text=text, start=2, end=2 + len(text), speaker=speaker,
                                     statement_date=published, language=language)
        quote.events.set(events)
        quote.incidents.set(incidents)
        quotes_assign_statements([quote])
        quote.refresh_from_db()
        return quote

    return make


@pytest.fixture
def call(db):
    return Event.objects.create(name="Biden-Putin call of 9 July 2021", slug="biden-putin-call-2021-07-09",
                                kind="call", start_date=datetime.date(2021, 7, 9))


def test_a_french_translation_of_an_english_remark_is_one_statement(report, biden):
    english = report(READOUT_EN, language="en", speaker=biden, publisher="Reuters")
    french = report(READOUT_FR, language="fr", speaker=biden, date="2021-07-10", publisher="AFP")
    assert english.statement_id == french.statement_id
    assert Statement.objects.count() == 1


def test_the_words_that_make_a_translation_alike():
    shared = signature(READOUT_EN, "en") & signature(READOUT_FR, "fr")
    assert "opera" in shared  # a stem both languages share ("operation", "opération")
    assert any(feature.startswith("g") for feature in shared)  # a glossary entry ("ransomware" = "rançongiciel")
    assert similarity(signature(READOUT_EN, "en"), signature(READOUT_FR, "fr")) >= MERGE_AT
    assert similarity(signature(READOUT_EN, "en"), signature(OTHER_FR, "fr")) < MERGE_AT
    assert "#16" in signature("une liste de seize entités", "fr") & signature("a list of 16 entities", "en")


def test_each_lexicon_holds_words_of_its_two_languages_and_stems_of_one_word():
    """A lexicon file is named for its language pair (en-fr.json); a stem ("répond*") is one word of at least
    three letters, or it would begin words of every meaning."""
    files = sorted(LEXICONS_DIR.glob("*.json"))
    assert files
    for path in files:
        languages = set(path.stem.split("-"))
        for entry in json.loads(path.read_text(encoding="utf-8"))["entries"]:
            assert set(entry) == languages and all(entry.values()), (path.name, entry)
            stems = [form for forms in entry.values() for form in forms if form.endswith("*")]
            assert all(" " not in stem and len(stem) > 3 for stem in stems), (path.name, entry)


def test_two_short_sentences_that_say_one_thing_are_alike_one_word_of_a_longer_quote_is_not():
    assert similarity(signature("We have hacked the hackers", "en"),
                      signature("Nous avons piraté les pirates", "fr")) == 1
    assert similarity(signature("I think they made a mistake", "en"),
                      signature("Je pense qu'ils ont commis une erreur", "fr")) == 1
    assert similarity(signature("We have hacked the hackers", "en"),
                      signature("Les pirates ont chiffré les serveurs de trois hôpitaux", "fr")) == 0


CUT_START = ("Our message to Moscow is simple and it has not changed in the four years since the Salisbury poisoning: "
             "we will not tolerate attacks on our democratic institutions")
CUT_END = ("we will not tolerate attacks on our democratic institutions, on our hospitals, on our power stations or "
           "on the infrastructure that keeps this country running every single day")


def test_two_cuts_of_one_sentence_are_one_statement(report, biden):
    """One outlet quotes a communiqué's sentence from its start, another to its end: few features in common over
    either, but a run of words. Seven words in a row ("we will not tolerate attacks on our") are a formula."""
    assert similarity(signature(CUT_START, "en"), signature(CUT_END, "en")) < MERGE_AT
    start = report(CUT_START, language="en", speaker=biden)
    assert report(CUT_END, language="en", speaker=biden).statement_id == start.statement_id
    formula = report("we will not tolerate attacks on our allies in the Baltic states, whose ports, railways and "
                     "banks were hit by waves of junk traffic last winter", language="en", speaker=biden)
    assert formula.statement_id != start.statement_id


def test_different_speakers_are_never_one_statement(report, biden, putin):
    english = report(READOUT_EN, language="en", speaker=biden)
    french = report(READOUT_FR, language="fr", speaker=putin)
    assert english.statement_id != french.statement_id


def test_reports_far_apart_in_time_are_not_one_statement(report, biden):
    english = report(READOUT_EN, language="en", speaker=biden, date="2021-07-09")
    french = report(READOUT_FR, language="fr", speaker=biden, date="2021-07-20")
    assert english.statement_id != french.statement_id


def test_different_words_of_one_speaker_on_one_day_are_two_statements(report, biden):
    assert report(READOUT_EN, language="en", speaker=biden).statement_id != report(
        OTHER_FR, language="fr", speaker=biden).statement_id


def test_an_undated_report_takes_the_date_of_its_event(report, biden, call):
    english = report(READOUT_EN, language="en", speaker=biden, events=[call])
    french = report(READOUT_FR, language="fr", speaker=biden, date=None, events=[call])
    assert french.statement_id == english.statement_id
    undated = report(READOUT_FR + " Une autre phrase.", language="fr", speaker=None, date=None, events=[call])
    assert undated.statement.statement_date == datetime.date(2021, 7, 9)  # its own, from the call


def test_an_unattributed_report_joins_on_its_occasion_and_names_nobody_wrongly(report, biden, call):
    unattributed = report(READOUT_EN, language="en", events=[call])
    assert unattributed.statement.speaker is None
    attributed = report(READOUT_FR, language="fr", speaker=biden, events=[call])
    assert attributed.statement_id == unattributed.statement_id
    assert Statement.objects.get(pk=attributed.statement_id).speaker == biden  # the report that names him tells
    elsewhere = report(READOUT_EN, language="en")  # no speaker, no occasion: nothing to match on
    assert elsewhere.statement_id != attributed.statement_id


def reviewed(name, country, kind="agency"):
    """An actor of the gazetteer (reviewed), not one an import created."""
    return Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind=kind, country=country,
                                review_status=ReviewStatus.REVIEWED)


def test_a_readout_credited_to_the_white_house_and_to_the_president_is_one_statement(report, biden, putin, call):
    white_house = reviewed("White House", "US")
    readout = report(READOUT_EN, language="en", speaker=white_house, events=[call])
    assert report(READOUT_FR, language="fr", speaker=biden, events=[call]).statement_id == readout.statement_id
    assert report(READOUT_FR, language="fr", speaker=putin, events=[call]).statement_id != readout.statement_id
    commerce = reviewed("United States Department of Commerce", "US")
    assert report(READOUT_FR, language="fr", speaker=commerce).statement_id != readout.statement_id  # no event


def test_an_office_speaks_for_the_holder_of_its_role_on_the_day(report, biden):
    """statements/matching_offices.json: the White House is the President of the United States of its day, with
    no shared event (either one reported first); not a former president, nor one of another office's roles."""
    white_house = reviewed("White House", "US")
    readout = report(READOUT_EN, language="en", speaker=white_house)
    assert report(READOUT_FR, language="fr", speaker=biden, date="2021-07-10").statement_id == readout.statement_id
    remarks = report(READOUT_EN, language="en", speaker=biden, date="2022-03-01")
    office = report(READOUT_FR, language="fr", speaker=white_house, date="2022-03-01")
    assert office.statement_id == remarks.statement_id
    obama = reviewed("Barack Obama", "US", kind="person")
    Affiliation.objects.create(actor=obama, title="President of the United States", start_date="2009-01-20",
                               end_date="2017-01-20")
    assert report(READOUT_FR, language="fr", speaker=obama, date="2022-03-02").statement_id != remarks.statement_id
    kremlin = reviewed("Kremlin", "RU")
    assert report(READOUT_FR, language="fr", speaker=kremlin, date="2022-03-01").statement_id != remarks.statement_id


def test_one_actor_created_twice_by_imports_is_one_speaker_on_one_occasion(report, call):
    """The gazetteer lacks the embassy: the English and the French article each created it under its own name.
    On one occasion, names alike in either language: one speaker (the closer words of an unsure match). Not
    two actors whose names differ, nor two of different countries."""
    def created(name, country=""):
        return Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind="agency", country=country)

    english, french = created("Chinese embassy in London", "CN"), created("ambassade de Chine à Londres")
    first = report(READOUT_EN, language="en", speaker=english, events=[call])
    assert report(READOUT_FR, language="fr", speaker=french, events=[call]).statement_id == first.statement_id
    for other in (created("Chinese embassy in Paris"), created("Huawei UK press office"),
                  created("Chinese Embassy London", "GB")):
        assert report(READOUT_FR, language="fr", speaker=other, events=[call]).statement_id != first.statement_id
    assert report(READOUT_EN, language="en", speaker=french).statement_id != first.statement_id  # no occasion


def test_a_quote_dated_by_its_event_alone_is_matched_in_a_wider_window(report, biden):
    """An undated article's quote takes its event's date, a guess: the sanctions of weeks later for the words of
    a press conference. An earlier report dated by its article is found anyway, with the closer words of an
    undated match."""
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya")
    later = Event.objects.create(name="Sanctions of 2 August 2021", slug="sanctions-2021-08-02", kind="sanctions",
                                 start_date=datetime.date(2021, 8, 2))
    dated = report(READOUT_EN, language="en", speaker=biden, incidents=[kaseya])
    assert report(READOUT_FR, language="fr", speaker=biden, date=None, events=[later],
                  incidents=[kaseya]).statement_id == dated.statement_id
    months = Event.objects.create(name="Sanctions of 2 December 2021", slug="sanctions-2021-12-02",
                                  kind="sanctions", start_date=datetime.date(2021, 12, 2))
    far = report(READOUT_FR, language="fr", speaker=biden, date=None, events=[months])
    assert far.statement_id != dated.statement_id


def test_a_report_dated_by_its_event_alone_is_matched_in_a_wider_window(report, biden):
    """The same, the undated article imported first: its statement's date is its event's, a guess too."""
    later = Event.objects.create(name="Sanctions of 2 August 2021", slug="sanctions-2021-08-02", kind="sanctions",
                                 start_date=datetime.date(2021, 8, 2))
    guessed = report(READOUT_FR, language="fr", speaker=biden, date=None, events=[later])
    assert guessed.statement.statement_date == datetime.date(2021, 8, 2)
    assert report(READOUT_EN, language="en", speaker=biden, events=[later]).statement_id == guessed.statement_id


def test_everyday_words_of_a_translation_are_shared(report, putin):
    """statements/matching_lexicons/en-fr.json: a translation that shares no name nor cognate still shares its
    words' meanings ("disagree" = "désaccord", "claims" = "affirmations"), verbs in every form by their stem
    ("choose" = "choisiront"); words one language leaves out as saying nothing are left out in the other too."""
    pairs = [("We strongly disagree with these claims, they have no basis whatsoever",
              "Nous sommes en profond désaccord avec ces affirmations, elles n'ont aucun fondement"),
             ("work with whoever the French people choose.",
              "Nous travaillerons avec celui que les Français choisiront."),
             ("It was disastrous. The attack destroyed almost everything",
              "Ce fut désastreux. L'attaque a presque tout détruit")]
    for english, french in pairs:
        assert similarity(signature(english, "en"), signature(french, "fr")) >= 0.6, english
    assert similarity(signature(pairs[0][0], "en"), signature(pairs[1][1], "fr")) == 0.0
    english = report(pairs[0][0], language="en", speaker=putin, date="2017-04-14")
    assert report(pairs[0][1], language="fr", speaker=putin, date=None).statement_id == english.statement_id


@pytest.fixture
def kremlin(db):
    return Actor.objects.create(name="Kremlin", slug="kremlin", kind="agency", country="RU")


def spokesperson(name, of, *, start="2012-05-22", end=None):
    actor = Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind="person", country=of.country)
    Affiliation.objects.create(actor=actor, title=f"Spokesperson of the {of.name}", organisation=of,
                               start_date=start, end_date=end)
    return actor


def test_a_spokesperson_and_the_institution_they_speak_for_are_one_speaker(report, kremlin):
    """No shared event or incident: the affiliation alone makes them one speaker, the date window and the words
    the statement. Either one first."""
    peskov = spokesperson("Dmitry Peskov", kremlin)
    institution = report(READOUT_EN, language="en", speaker=kremlin)
    assert report(READOUT_FR, language="fr", speaker=peskov, date="2021-07-10").statement_id == institution.statement_id
    person = report(READOUT_EN, language="en", speaker=peskov, date="2022-03-01")
    assert report(READOUT_FR, language="fr", speaker=kremlin, date="2022-03-01").statement_id == person.statement_id


def test_two_spokespeople_of_one_institution_or_a_past_role_are_two_speakers(report, kremlin):
    peskov, other = spokesperson("Dmitry Peskov", kremlin), spokesperson("Alexei Gromov", kremlin)
    first = report(READOUT_EN, language="en", speaker=peskov)
    assert report(READOUT_FR, language="fr", speaker=other).statement_id != first.statement_id
    former = spokesperson("Former Spokesman", kremlin, start="2000-01-01", end="2008-01-01")
    assert report(READOUT_FR, language="fr", speaker=former).statement_id != report(
        READOUT_EN, language="en", speaker=kremlin, date="2021-07-11").statement_id


def test_an_unattributed_report_is_matched_with_an_undated_report_of_its_incident(report, biden):
    """The undated report names its speaker, the dated one nobody: close words join them, looser ones are left
    to a curator."""
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya")
    undated = report(READOUT_EN, language="en", speaker=biden, date=None, incidents=[kaseya])
    assert report(READOUT_FR, language="fr", date="2021-07-10", incidents=[kaseya]).statement_id == undated.statement_id
    loose = report("Les Etats-Unis attendent une action contre les groupes criminels et la coopération de Moscou sur "
                   "les extraditions", language="fr", date="2021-07-10", incidents=[kaseya])
    assert loose.statement_id != undated.statement_id
    assert StatementCandidate.objects.get(quote=loose).statement_id == undated.statement_id


def test_an_unattributed_report_is_matched_with_a_dated_attributed_report_of_its_incident(report, biden, putin):
    """The article that names the speaker came first: a later report of the same days and incident that names
    nobody still finds it (not another speaker's words of the incident, nor the same words a month later)."""
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya")
    attributed = report(READOUT_EN, language="en", speaker=biden, incidents=[kaseya])
    report(OTHER_FR, language="fr", speaker=putin, incidents=[kaseya])
    unattributed = report(READOUT_FR, language="fr", date="2021-07-10", incidents=[kaseya])
    assert unattributed.statement_id == attributed.statement_id
    later = report(READOUT_FR, language="fr", date="2021-08-20", incidents=[kaseya])
    assert later.statement_id != attributed.statement_id


def test_an_unsure_match_is_left_to_a_curator(report, biden):
    first = report("We will hold Russia accountable for the ransomware attacks on our hospitals and schools",
                   language="en", speaker=biden)
    second = report("Russia will answer for ransomware, and our allies agree on sanctions against the groups",
                    language="en", speaker=biden)
    assert second.statement_id != first.statement_id
    candidate = StatementCandidate.objects.get(quote=second)
    assert candidate.statement_id == first.statement_id and candidate.score < MERGE_AT


def test_a_quote_found_again_keeps_its_statement(report, biden):
    quote = report(READOUT_EN, language="en", speaker=biden)
    before = quote.statement_id
    quotes_assign_statements([quote])
    quote.refresh_from_db()
    assert quote.statement_id == before and Statement.objects.count() == 1


# --- The API -----------------------------------------------------------------------------------------------------

@pytest.fixture
def reported(report, biden, call):
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", start_date=datetime.date(2021, 7, 2))
    english = report(READOUT_EN, language="en", speaker=biden, events=[call], incidents=[kaseya], publisher="Reuters")
    french = report(READOUT_FR, language="fr", speaker=biden, events=[call], incidents=[kaseya], publisher="AFP",
                    date="2021-07-10")
    return english, french


def test_each_quote_of_the_api_and_the_export_names_its_incidents_events_and_statement(reported):
    english, _ = reported
    api = APIClient()
    quote = api.get(f"/api/v1/quotes/{english.pk}/").json()
    assert quote["statement"] == english.statement_id
    assert [incident["name"] for incident in quote["incidents"]] == ["Kaseya"]
    assert [(event["name"], event["date"]) for event in quote["events"]] == [
        ("Biden-Putin call of 9 July 2021", "2021-07-09")]
    rows = [json.loads(line) for line in b"".join(api.get("/api/v1/quotes/export.jsonl").streaming_content)
            .decode().splitlines()]
    row = next(row for row in rows if row["id"] == english.pk)
    assert row["incidents"] == ["Kaseya"] and row["statement"] == english.statement_id
    assert row["events"] == [{"name": "Biden-Putin call of 9 July 2021", "date": "2021-07-09"}]


def test_the_statements_api_lists_a_statement_with_its_reports_earliest_first(reported):
    english, french = reported
    api = APIClient()
    listed = api.get("/api/v1/statements/", {"speaker": "Biden", "incident": "kaseya", "date_after": "2021-07"})
    assert listed.status_code == 200
    [statement] = listed.json()["results"]
    assert statement["id"] == english.statement_id and statement["languages"] == ["en", "fr"]
    assert [r["id"] for r in statement["reports"]] == [english.pk, french.pk]
    assert statement["reports"][1]["publisher"] == "AFP" and statement["reports"][1]["published_date"] == "2021-07-10"
    assert api.get(f"/api/v1/statements/{english.statement_id}/").json()["statement_date"] == "2021-07-09"
    assert api.get("/api/v1/statements/", {"date_before": "2021-06"}).json()["results"] == []
    assert api.get("/api/v1/statements/", {"speaker": "nobody-at-all"}).status_code == 400


def test_a_statement_whose_reports_are_all_rejected_is_not_shown(reported):
    english, french = reported
    Quote.objects.filter(pk__in=[english.pk, french.pk]).update(review_status=Quote.Review.REJECTED)
    api = APIClient()
    assert api.get("/api/v1/statements/").json()["results"] == []
    assert api.get(f"/api/v1/statements/{english.statement_id}/").status_code == 404


def test_the_attributions_api_gives_claims_with_their_words_and_filters(reported, putin):
    english, _ = reported
    kaseya = Incident.objects.get(slug="kaseya")
    revil = Actor.objects.create(name="REvil", slug="revil", kind="group")
    AttributionClaim.objects.create(incident=kaseya, claimant=english.speaker, attributed_to=revil,
                                    claimed_date=datetime.date(2021, 7, 9), quote=english, article=english.article,
                                    words=english.text, origin=AttributionClaim.Origin.TEXT,
                                    confidence_wording="highly likely")
    AttributionClaim.objects.create(incident=kaseya, claimant=putin, attributed_to=putin, stance="denial",
                                    claimed_date=datetime.date(2021, 7, 10))
    api = APIClient()
    claims = api.get("/api/v1/attributions/", {"incident": "Kaseya"}).json()["results"]
    assert len(claims) == 2
    found = api.get("/api/v1/attributions/", {"accused": "revil", "origin": "text"}).json()["results"]
    [claim] = found
    assert claim["claimant"]["slug"] == "joe-biden" and claim["accused"]["slug"] == "revil"
    assert claim["stance"] == "attribution" and claim["confidence_wording"] == "highly likely"
    assert claim["claimed_date"] == "2021-07-09" and claim["words"] == english.text and claim["reference"] is False
    assert claim["quote"].endswith(f"/api/v1/quotes/{english.pk}/")
    [denial] = api.get("/api/v1/attributions/", {"stance": "denial"}).json()["results"]
    assert denial["reference"] is True and denial["quote"] is None
    assert api.get("/api/v1/attributions/", {"stance": "maybe"}).status_code == 400


# --- The pages ---------------------------------------------------------------------------------------------------

def test_the_statement_page_lists_every_report_and_marks_the_earliest(client, reported):
    english, french = reported
    page = client.get(f"/statements/{english.statement_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Reuters" in html and "AFP" in html and 'lang="fr"' in html
    reports = html[html.index('<ol class="reports">'):]
    assert reports.index("earliest report") < reports.index(english.text[:30]) < reports.index("AFP")
    assert client.get(f"/statements/{english.statement_id + 1000}/").status_code == 404


def test_a_quote_page_links_to_its_statement(client, reported):
    _, french = reported
    html = client.get(f"/quotes/{french.pk}/").content.decode()
    assert f'href="/statements/{french.statement_id}/"' in html
    assert "reported by 2 sources (en, fr)" in html


def test_a_line_of_results_says_how_many_sources_reported_it(reported):
    from statements.templatetags.demarche import quote_line

    english, _ = reported
    line = quote_line(Quote.objects.with_statement_reports().select_related("article", "speaker").get(pk=english.pk))
    assert "reported by 2 sources (en, fr)" in line and f"/statements/{english.statement_id}/" in line
    assert "reported by" not in quote_line(Quote.objects.select_related("article", "speaker").get(pk=english.pk))


# --- The world corpus --------------------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=False)
def test_reports_of_one_statement_are_recognised_in_the_world_corpus():
    """The figures reached (a regression fails), by `manage.py evaluate_statements` on the dev and fresh
    splits, the development splits the matching is written against; the goal of issue #21 is recall >= 0.80,
    precision >= 0.95. The heldout, fresh2 and fresh3 splits are reported by the command on their own lines,
    never asserted on (see the corpus README: a threshold there would become a target)."""
    from statements.ingest.preview import gold_files
    from statements.management.commands.evaluate_statements import corpus_reports

    everything = json.loads(WORLD.read_text(encoding="utf-8"))
    gold = {**everything, "documents": [d for d in everything["documents"] if d["split"] in ("dev", "fresh")]}
    reports = corpus_reports(gold_files(gold, WORLD))
    metrics, _ = score_statement_pairs(gold, reports)
    assert metrics["statement_pairs_gold"] == 42
    assert metrics["statement_pair_recall"] >= 0.95  # 40 of 42 since the everyday lexicon and offices; 27 before
    assert metrics["statement_pair_precision"] == 1.0


def test_curators_see_statements_their_reports_and_the_unsure_matches_in_the_admin(staff_client, reported):
    english, french = reported
    listing = staff_client.get("/admin/statements/statement/")
    assert listing.status_code == 200 and str(english.statement_id) in listing.content.decode()
    page = staff_client.get(f"/admin/statements/statement/{english.statement_id}/change/").content.decode()
    assert english.text[:40] in page and french.text[:40] in page
    assert staff_client.get("/admin/statements/statementcandidate/").status_code == 200
    quote_form = staff_client.get(f"/admin/statements/quote/{english.pk}/change/").content.decode()
    assert 'name="statement"' in quote_form and "<select name=\"statement\"" not in quote_form  # an id, not a menu


def test_match_statements_gives_older_quotes_their_statements(make_article, biden):
    from django.core.management import call_command

    day = datetime.date(2021, 7, 9)
    for text, language in [(READOUT_EN, "en"), (READOUT_FR, "fr")]:
        article = make_article(text=text, language=language, published_date=day)
        Quote.objects.create(article=article, text=text, start=0, end=len(text), speaker=biden, statement_date=day,
                             language=language)
    call_command("match_statements")
    assert Quote.objects.filter(statement__isnull=True).count() == 0
    assert Statement.objects.count() == 1


@pytest.mark.django_db(transaction=False)
def test_evaluate_statements_prints_a_line_for_each_split_of_the_gold_file(tmp_path, capsys):
    from django.core.management import call_command

    everything = json.loads(WORLD.read_text(encoding="utf-8"))
    kept = [d for d in everything["documents"] if d["id"] in ("en_w07_hunt_gru", "en_f21_ncsc_gru_campaign")]
    for document in kept:
        document["file"] = str(WORLD.parent / Path(document["file"]).name)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({**everything, "documents": kept}), encoding="utf-8")
    call_command("evaluate_statements", str(gold))
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["all", "dev", "fresh"]
    assert "statement_pairs_gold 3" in lines[2]  # Hunt's two statements and Zakharova's reply, across the splits
