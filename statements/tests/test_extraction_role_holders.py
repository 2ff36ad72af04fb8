"""Who "le ministre" / "the minister" is when the text names the holder only after the quote (issue #20, wrong
speakers): the person the next sentence introduces, not the witness named earlier with another role.

No database: runs with `pytest -p no:django` or under pytest-django.
"""

from pathlib import Path

import pytest

from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract

GAZETTEER = Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_directory(GAZETTEER)


def speaker_of(text, gaz, start, language="fr"):
    result = extract(text, gazetteer=gaz, published=PartialDate.parse("2024-05-01"), language=language)
    return next(q.speaker for q in result.quotes if q.text.startswith(start))


WITNESS = ("Dans les services, les équipes se sont adaptées. « Tout prend plus de temps, mais chacun s'y est mis », "
           "raconte Mireille Castan, infirmière.\n\n")


def test_a_role_named_before_the_holder_goes_to_the_person_the_next_sentence_introduces(gaz):
    text = (WITNESS + "Le ministre délégué chargé des Transports a dénoncé « une attaque intolérable contre un "
            "hôpital ». Gérard Fontanel a assuré que l'Etat soutiendrait l'établissement.")
    assert speaker_of(text, gaz, "une attaque") == "Gérard Fontanel"


def test_a_role_after_a_witness_with_another_role_and_no_holder_named_has_no_speaker(gaz):
    text = ("« Tout prend plus de temps », raconte Marc Castan, directeur de l'hôpital.\n\n"
            "Le ministre a dénoncé « une attaque intolérable contre un hôpital ». L'enquête se poursuit.")
    assert speaker_of(text, gaz, "une attaque") is None


def test_a_role_whose_holder_was_named_before_keeps_that_person(gaz):
    text = ("Gérard Fontanel, ministre délégué chargé de la Santé, s'est rendu sur place mercredi.\n\n"
            + WITNESS + "Le ministre a dénoncé « une attaque intolérable contre un hôpital ». "
            "Mireille Castan a salué sa visite.")
    assert speaker_of(text, gaz, "une attaque") == "Gérard Fontanel"


def test_a_role_in_an_article_dated_only_by_its_text_goes_to_the_holder_the_article_names(gaz):
    # undated: "depuis 2015" is only a lower bound of its date, when Philip Hammond held the role
    text = ("Le gouvernement britannique a accusé jeudi le GRU d'avoir mené depuis 2015 une campagne de "
            "cyberattaques.\n\n"
            "« Ces cyberattaques ne servent aucun intérêt légitime », a déclaré le chef de la diplomatie britannique "
            "dans un communiqué.\n\n"
            "« Notre message est clair : nous y répondrons », a ajouté Jeremy Hunt.")
    result = extract(text, gazetteer=gaz, published=None, language="fr")
    assert [q.speaker for q in result.quotes] == ["Jeremy Hunt", "Jeremy Hunt"]
