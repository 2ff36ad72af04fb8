"""Who speaks when the nearest person named before is not the one the text just introduced (issue #20, wrong
speakers): a sentence opening on a surname or on a name the gazetteer lacks, an unnamed witness after a fronted
adverbial, the body a parenthetical "it said" reports on, the one "X told". A wrong speaker is worse than none:
where the text gives no antecedent, none is guessed.

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


def last_speaker(text, gaz, published="2024-05-01", language="en"):
    result = extract(text, gazetteer=gaz, published=PartialDate.parse(published), language=language)
    return result.quotes[-1].speaker


def test_a_sentence_opening_on_a_surname_gives_the_pronoun_after_it_to_that_person(gaz):
    text = ("Nadia Verhoeven, the chief executive of Orbis Health, told senators the company had paid the ransom.\n\n"
            "Sen. Tom Harlan, the Oregon Democrat who chairs the committee, was scathing. "
            "“This hack could have been stopped with basic hygiene,” Harlan said.\n\n"
            "Verhoeven apologised to patients. Asked how many were affected, she said the files could cover "
            "“maybe a third” of them. “I can’t give you a precise number yet,” she added.")
    assert last_speaker(text, gaz) == "Nadia Verhoeven"


@pytest.mark.parametrize("introduction", [
    "Its deputy director, Paul Ambrose, said the bureau had worked the case for two years.",
    "The agency's deputy director, Paul Ambrose, said the bureau had worked the case for two years.",
    "Paul Ambrose, deputy director of the agency, said the bureau had worked the case for two years.",
])
def test_a_person_the_gazetteer_lacks_introduced_just_before_is_the_pronoun_s_antecedent(gaz, introduction):
    text = ("“We will not allow criminals to compromise the privacy of our citizens,” said Mary Hollister, "
            "the prosecutor.\n\n"
            "The federal police, which ran the inquiry, welcomed the charges. " + introduction +
            " “Criminals who hide behind foreign governments can no longer count on that protection,” he said.")
    assert last_speaker(text, gaz) == "Paul Ambrose"


def test_an_unnamed_witness_after_a_fronted_adverbial_is_not_the_person_named_before(gaz):
    text = ("“I was unaware registering the domain would stop the malware,” said Marcus Hale, a researcher.\n\n"
            "At one London hospital, a nurse described handwritten notes and cancelled scans. "
            "“We are back to pen and paper,” she said.")
    assert last_speaker(text, gaz) is None


def test_the_body_a_parenthetical_pronoun_reports_on_is_not_the_speaker(gaz):
    text = ("“We want a stable, predictable relationship,” Biden said.\n\n"
            "A White House fact sheet named the Russian foreign intelligence service as the author of the campaign. "
            "The SVR, it said, “perpetrated the broad-scope cyber espionage campaign” that exposed federal agencies.")
    assert last_speaker(text, gaz, "2021-04-15") == "White House"


def test_an_opinion_preposition_still_opens_on_its_speaker(gaz):
    text = ("Le Centre canadien pour la cybersécurité a indiqué suivre la situation.\n\n"
            "Pour le professeur Benoît Delorme, de l'Université de Montréal, il s'agit d'une opération de visibilité. "
            "« Ces groupes cherchent l'effet médiatique », a-t-il estimé.")
    assert last_speaker(text, gaz, "2023-04-13", "fr") == "Benoît Delorme"


@pytest.mark.parametrize("text, speaker", [
    ("“We had nothing to do with it,” the hackers told the BBC.", None),
    ("“We will respond at a time of our choosing,” Biden told Putin in a phone call.", "Joe Biden"),
])
def test_the_one_told_is_not_the_speaker(gaz, text, speaker):
    assert last_speaker(text, gaz, "2021-06-16") == speaker


def test_a_qualified_spokesperson_after_a_leader_is_someone_else(gaz):
    """« Le porte-parole adjoint »: no gazetteer title says it whole, but "porte-parole" is other people's title,
    never the president's quoted before."""
    text = ("Mardi, Barack Obama a annoncé de nouvelles sanctions. « Ces actes ne resteront pas sans réponse », "
            "a-t-il écrit dans un communiqué.\n\n"
            "Le porte-parole adjoint du département d'Etat a précisé que les diplomates visés avaient trois jours "
            "pour partir. « C'est une réponse mesurée à des années de pressions », a-t-il indiqué.")
    assert last_speaker(text, gaz, published="2016-12-30", language="fr") is None


@pytest.mark.parametrize("sentence", [
    "Jeudi, le porte-parole adjoint, qui connaît bien la Maison Blanche, a détaillé les mesures.",
    "Jeudi, le porte-parole adjoint a détaillé des sanctions contre le GRU et le FSB.",
])
def test_a_body_in_a_relative_clause_or_coordinated_with_a_complement_is_not_the_subject(gaz, sentence):
    """The sentence's subject is the unnamed spokesman, not the body named after him: the pronoun then has no
    antecedent, and the minister named further back is not one."""
    text = ("Sergueï Lavrov a dénoncé les sanctions.\n\n"
            f"{sentence} « Nous répondrons au moment que nous choisirons », a-t-il écrit.")
    assert last_speaker(text, gaz, published="2016-12-30", language="fr") is None


def test_an_undated_role_two_of_its_named_holders_could_hold_names_neither(gaz):
    """No date at all: today's holder of « le président américain » is no better a guess than the other one the
    article names, so the role's quote waits for review."""
    text = ("Barack Obama a décidé de sanctions, que le président Trump pourrait lever.\n\n"
            "Le président américain avait aussi ordonné la fermeture de deux consulats. « Nous répondrons au moment "
            "que nous choisirons », avait-il écrit.")
    result = extract(text, gazetteer=gaz, language="fr")
    assert result.quotes[-1].speaker is None
