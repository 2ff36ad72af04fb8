"""The speakers the extractor weighed for each quote (`ExtractedQuote.candidates`), shown in the review queue.

No database: runs with `pytest -p no:django` or under pytest-django.
"""

from pathlib import Path

import pytest

from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract

CASES = Path(__file__).parent / "extraction_cases"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_directory(CASES / "gazetteer")


def run(text, gaz, language=None):
    return extract(text, gazetteer=gaz, published=PartialDate.parse("2021-07-09"), language=language)


def test_winner_first_then_the_other_names_of_its_sentence(gaz):
    text = "« Nous attendons des actes », a déclaré Joe Biden après son appel avec Vladimir Poutine."
    quote = run(text, gaz).quotes[0]
    assert [(c.name, c.cue) for c in quote.candidates] == [
        ("Joe Biden", "said-verb subject"), ("Vladimir Putin", "named in the sentence")]
    assert quote.candidates[0].score > quote.candidates[1].score


def test_subject_of_the_sentence_before(gaz):
    text = ("Jen Psaki a répondu aux journalistes mardi. "
            "Selon Brad Smith, « les serveurs sont de nouveau en ligne ».")
    quote = run(text, gaz).quotes[0]
    assert quote.speaker == "Brad Smith"
    assert [(c.name, c.cue) for c in quote.candidates][1:] == [("Jen Psaki", "previous sentence")]


def test_every_case_lists_its_speaker_first_once(gaz):
    """On the annotated articles: the first candidate is the speaker the rules chose (kept even when its rule
    is too unsure to store it), no name twice, scores best first."""
    for path in sorted(CASES.glob("*.txt")):
        for quote in run(path.read_text(encoding="utf-8"), gaz).quotes:
            names = [c.name for c in quote.candidates]
            assert len(names) == len(set(names)), (path.name, quote.text)
            assert [c.score for c in quote.candidates] == sorted((c.score for c in quote.candidates), reverse=True)
            if quote.candidate_speaker:
                assert names[0] == quote.candidate_speaker, (path.name, quote.text)
