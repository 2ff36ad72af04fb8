"""continuations.py: the speaker carried over to quotes no rule of their own sentence attributed."""

from statements.extraction.continuations import continue_speakers
from statements.tests.extraction_stages import attributed


def _before_and_after(text, language="fr", published="2021-07-09"):
    rules, statements = attributed(text, language, published)
    before = [(q.who.name, q.who.how) if q.who else None for q in statements.quotes]
    continue_speakers(rules, statements.quotes)
    return before, [(q.who.name, q.who.how) if q.who else None for q in statements.quotes]


def test_a_bare_quote_in_the_next_paragraph_continues_the_previous_speaker():
    text = ("« Nous ne laisserons pas ces attaques impunies », a déclaré Jean-Yves Le Drian mardi.\n\n"
            "« La France répondra au moment de son choix. »")
    before, after = _before_and_after(text)
    assert before == [("Jean-Yves Le Drian", "alias"), None]
    assert after == [("Jean-Yves Le Drian", "alias"), ("Jean-Yves Le Drian", "continuation")]


def test_the_segments_of_a_quote_over_two_paragraphs_share_its_speaker():
    text = "Joe Biden said: “We will hold them accountable for this attack.\n\n“Nobody should doubt that we will act.”"
    before, after = _before_and_after(text, "en")
    assert before[1] is None
    assert after == [("Joe Biden", "alias"), ("Joe Biden", "multi-paragraph")]


def test_a_quote_alone_in_its_paragraph_is_the_last_narrated_subjects():
    text = ("Interrogé sur l'identité des auteurs, Bernard Cazeneuve est resté prudent.\n\n"
            "« Nous devons d'abord établir les faits, et nous le ferons ».")
    before, after = _before_and_after(text, published="2015-04-09")
    assert before == [None]
    assert after == [("Bernard Cazeneuve", "paragraph-subject")]


def test_no_speaker_is_carried_over_a_paragraph_that_lies_between():
    text = ("« Nous ne laisserons pas ces attaques impunies », a déclaré Jean-Yves Le Drian mardi.\n\n"
            "La séance a été levée à midi, sans vote.\n\n"
            "« La France répondra au moment de son choix. »")
    _, after = _before_and_after(text)
    assert after == [("Jean-Yves Le Drian", "alias"), None]
