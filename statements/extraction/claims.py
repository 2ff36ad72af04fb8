"""Claim type of a statement from cue words (language data CLAIM_CUES)."""

from __future__ import annotations

import re
from functools import cache

from .languages import LanguageData
from .text import fold

PRIORITY = ["denial", "accusation", "warning", "demand", "commitment", "assessment"]


@cache
def _cue(cue: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(cue))


@cache
def _any_cue(cues: tuple[str, ...]) -> re.Pattern:
    """Any of the cues: where none is found (most kinds, for most quotes), one search instead of one per cue."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + ")")


def _hits(folded: str, cues: list[str]) -> int:
    """How many of the cues the text holds."""
    if not cues or not _any_cue(tuple(cues)).search(folded):
        return 0
    return sum(1 for cue in cues if _cue(cue).search(folded))


def claim_type(quote: str, verb: str, data: LanguageData) -> str:
    fq, fv = fold(quote), fold(verb)
    best, best_score = "", 0
    for kind in PRIORITY:
        cues = data.claim_cues.get(kind, [])
        score = 2 * _hits(fv, cues) + _hits(fq, cues)
        if score > best_score:
            best, best_score = kind, score
    return best
