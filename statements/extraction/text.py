"""Folding and tokenising with offsets back into the original text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
SPACES = "\u00a0\u202f\u2009\u2007\u200a\u2002\u2003"


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char in SPACES or char in "\t\r":
        return " "
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (stripped or char).lower()


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive form of a string."""
    return re.sub(r"\s+", " ", "".join(fold_char(c) for c in text or "")).strip()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the index of its original character."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        folded = fold_char(char)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(folded: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]


class Folded:
    """A text with its folded form, tokens and offset map."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self._map = fold_with_map(text)
        self.tokens = tokens(self.folded)

    def original_span(self, fstart: int, fend: int) -> tuple[int, int]:
        return self._map[fstart], self._map[fend - 1] + 1
