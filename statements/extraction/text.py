"""Folding and tokenising with offsets back into the original text."""

from __future__ import annotations

import re

from actors.names import fold, fold_char

__all__ = ["SPACES", "Folded", "fold", "fold_char", "fold_with_map", "tokens"]

SPACES = "\u00a0\u202f\u2009\u2007\u200a\u2002\u2003"


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the index of its original character.

    Folded once per distinct character; when every character folds to one (most texts), the folded
    text is one `str.translate` and the map the identity."""
    table = {char: fold_char(char) for char in set(text)}
    if all(len(folded) == 1 for folded in table.values()):
        return text.translate(str.maketrans(table)), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        folded = table[char]
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


TOKEN = re.compile(r"\w+|[^\w\s]")
# a wire's dateline opening a paragraph: "ROUEN (AFP) - ", "WASHINGTON, July 9 — ", "KYIV -- ": a place, never a speaker
DATELINE = re.compile(r"[^\S\n]*[A-ZÀ-Ý][A-ZÀ-Ý .'-]+(?:,[^\n,—–]{0,40},?)?[^\S\n]*(?:\([\w ]+\)[^\S\n]*)?"
                      r"(?:--|[-–—])[^\S\n]")


def tokens(folded: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]


class Folded:
    """A text with its folded form, tokens and offset map."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self._map = fold_with_map(text)
        self.tokens = tokens(self.folded)
        self.words = [token for token, _, _ in self.tokens]
        self._found: dict[int, tuple] = {}

    def find(self, matcher) -> list:
        """matcher.find(self), computed once per matcher: the passes of one extraction share it."""
        key = id(matcher)
        if key not in self._found:
            self._found[key] = (matcher, matcher.find(self))  # the matcher is kept so that its id stays its own
        return self._found[key][1]

    def original_span(self, fstart: int, fend: int) -> tuple[int, int]:
        return self._map[fstart], self._map[fend - 1] + 1
