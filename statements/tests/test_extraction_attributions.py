"""Attribution claims and denials from the text (statements/extraction/attributions.py)."""

from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract

ACTORS = [
    {"name": "FBI", "kind": "agency", "country": "US", "aliases": {"*": ["FBI"]}},
    {"name": "REvil", "kind": "group", "aliases": {"*": ["REvil"]}},
    {"name": "Kremlin", "kind": "agency", "country": "RU", "aliases": {"fr": ["le Kremlin"], "en": ["the Kremlin"]}},
    {"name": "Russia", "kind": "state", "country": "RU", "aliases": {"fr": ["Russie", "Moscou"], "en": ["Moscow"]}},
    {"name": "GRU", "kind": "agency", "country": "RU", "aliases": {"*": ["GRU"]}},
    {"name": "National Cyber Security Centre", "kind": "agency", "country": "GB", "aliases": {"*": ["NCSC"]}},
    {"name": "Dmitry Peskov", "kind": "person", "country": "RU", "aliases": {"*": ["Peskov", "Dmitri Peskov"]}},
    {"name": "JBS", "kind": "company", "country": "BR", "aliases": {"*": ["JBS"]}},
]
INCIDENTS = [
    {"name": "JBS", "kind": "ransomware", "start": "2021-05-30", "patterns": {"*": ["JBS"]}, "victims": ["JBS"]},
    {"name": "NotPetya", "kind": "sabotage", "start": "2017-06-27", "patterns": {"*": ["NotPetya"]}},
]
GAZETTEER = Gazetteer.from_entries(actors=ACTORS, incidents=INCIDENTS)


def claims_of(text, language, published="2021-06-02"):
    result = extract(text, gazetteer=GAZETTEER, published=PartialDate.parse(published), language=language)
    return [(c.claimant, c.accused, c.incident, c.stance, c.confidence_wording) for c in result.claims]


def test_an_attribution_in_narration_names_claimant_accused_and_incident():
    text = "The FBI said on Wednesday it attributed the attack on JBS to REvil, a criminal group."
    assert claims_of(text, "en") == [("FBI", "REvil", "JBS", "attribution", "")]


def test_a_victim_is_never_the_accused_and_the_accused_may_stand_before_a_was_behind():
    text = "The FBI said REvil was behind the attack on JBS."
    assert claims_of(text, "en") == [("FBI", "REvil", "JBS", "attribution", "")]


def test_the_passive_names_the_claimant_after_by_and_confidence_words_are_kept():
    text = ("NotPetya was attributed to the GRU by the NCSC, which said the Russian military was almost certainly "
            "responsible.")
    assert claims_of(text, "en", "2018-02-15") == [
        ("National Cyber Security Centre", "GRU", "NotPetya", "attribution", "almost certainly")]


def test_a_denial_in_narration_or_in_a_quote_clears_the_deniers_state():
    narration = "MOSCOU, 2 juin — Le Kremlin a démenti mercredi toute implication dans l'attaque contre JBS."
    assert claims_of(narration, "fr") == [("Kremlin", "Russia", "JBS", "denial", "")]
    quoted = ("Le FBI a attribué l'attaque contre JBS au groupe REvil.\n\n"
              "« La Russie n'a rien à voir avec ces attaques », a déclaré Dmitri Peskov.")
    assert ("Dmitry Peskov", "Russia", "JBS", "denial", "") in claims_of(quoted, "fr")


def test_a_sentence_naming_no_incident_in_an_article_about_none_makes_no_claim():
    assert claims_of("The FBI blamed REvil for many things.", "en") == []
