"""One construction per test, each through the extractor's public interface (no gazetteer tuning)."""

from pathlib import Path

from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract
from statements.extraction.intervals import Intervals
from statements.extraction.quotes import find_quote_spans

GAZETTEER = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")


def _speakers(text, language):
    result = extract(text, gazetteer=GAZETTEER, published=PartialDate.parse("2021-07-09"), language=language)
    return [(q.text, q.speaker) for q in result.quotes]


def test_intervals_answer_inside_and_overlap():
    spans = Intervals([(10, 20), (12, 14), (30, 40)])
    assert spans.contains(15) and spans.contains(10) and not spans.contains(20) and not spans.contains(25)
    assert spans.overlaps(18, 31) and not spans.overlaps(20, 30)


def test_a_single_quote_closes_at_the_first_closer_not_an_apostrophe():
    text = "He said ‘we don’t pay ransoms’ and left."
    assert [(s.mark, text[s.start:s.end]) for s in find_quote_spans(text)] == [("‘", "we don’t pay ransoms")]


def test_english_quote_text_drops_the_comma_that_leads_to_the_attribution():
    [(text, _)] = _speakers("“We will respond to this attack,” the minister said.", "en")
    assert text == "We will respond to this attack"


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before_not_to_its_object():
    text = ("Senate leader Chuck Schumer called on Joe Biden to cancel the summit. "
            "“It would be an insult to our democracy,” he said.")
    assert _speakers(text, "en")[0][1] == "Chuck Schumer"


def test_the_embassy_said_is_the_embassy_named_before():
    text = ("The Russian embassy in Washington said in a statement that the accusations were baseless. "
            "“Russia has never conducted malicious operations in cyberspace,” the embassy said.")
    assert _speakers(text, "en")[0][1] == "Russian embassy in Washington"


def test_an_opinion_introduced_by_pour_goes_to_its_holder():
    text = ("Pour Julien Nocetti, chercheur à l'Ifri, le sommet n'a rien réglé. "
            "« Chacun est reparti avec son récit », résume-t-il.")
    assert _speakers(text, "fr")[0][1] == "Julien Nocetti"
