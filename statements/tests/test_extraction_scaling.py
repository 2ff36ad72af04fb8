"""Extraction work grows linearly with the document, for prose and for each hostile shape.

Work is counted, not timed: the Python and builtin calls the extractor makes (sys.setprofile) on
a document and on one eight times longer. A quadratic pass (every quote mark checked against every
span found so far, every quote scanning all the text before it) makes the count grow about 64
times; a linear one about 8 times. Timings against size, up to 5 MB, are in bench/extraction.py.
"""

import sys
from pathlib import Path

import pytest

from statements.extraction import Gazetteer, extract

GAZETTEER = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")
PROSE = ("Le ministre des Affaires étrangères, Jean-Yves Le Drian, a déclaré mardi : « La France ne laissera "
         "pas ces attaques impunies », selon un communiqué du Quai d'Orsay. Le ministre a ajouté que « la "
         "réponse sera ferme ». Il a répondu : « Nous verrons. » \"We will respond,\" the minister said.\n\n")
SHAPES = {
    "prose": PROSE,
    "one_long_paragraph": PROSE.replace("\n\n", " "),
    "quote_marks": "« » “ ” \" ‘ ’ ",
    "unbalanced": "« a “ b \" c ‘ d ",
    "single_openers": "‘ a ’b ",
    "brackets": "[",
}
SMALL, FACTOR = 10_000, 8
SLACK = 1.25  # a linear count grows FACTOR times, give or take what is done once per document


def _work(text: str) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        extract(text, gazetteer=GAZETTEER, language="fr")
    finally:
        sys.setprofile(None)
    return calls


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_extraction_work_grows_linearly(shape):
    extract(PROSE, gazetteer=GAZETTEER, language="fr")  # models and matchers built once, outside the count
    small = _work(_text(SHAPES[shape], SMALL))
    large = _work(_text(SHAPES[shape], SMALL * FACTOR))
    assert large <= FACTOR * SLACK * small, f"{shape}: {small} calls, then {large} for {FACTOR} times the text"
