"""Folding: the one normalisation of names and text, shared by aliases, resolution, extraction and search.

"Poutine", "POUTINE" and "Poutïne" fold to the same key; so do the typographic variants of
apostrophes, dashes and spaces that news copy is full of. Folding is defined per character
(`fold_char`), so that the extractor can fold a whole article and still map every folded
character back to its offset in the original (statements/extraction/text.py `fold_with_map`).
"""

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: lower case, no accents, one apostrophe, one dash, one space ('' for an
    accent alone)."""
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char.isspace():
        return char if char == "\n" else " "  # line ends stay: the extractor reads paragraphs from them
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict):
    """`str.translate`'s table for folding: each character folded by `fold_char` the first time it is seen,
    then looked up in C (folding is called on every name, word and paragraph an extraction reads)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive key for a name or a text."""
    return _SPACES.sub(" ", (text or "").translate(_FOLD_TABLE)).strip()


# How English-language copy writes the letters it lacks: "Søreide" is "Soereide", "Schönbohm" "Schoenbohm"
_ASCII_SPELLINGS = str.maketrans({"ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae", "å": "aa", "Å": "Aa", "ä": "ae",
                                  "Ä": "Ae", "ö": "oe", "Ö": "Oe", "ü": "ue", "Ü": "Ue", "ß": "ss"})


def ascii_spelling(name: str) -> str:
    """The name as copy without its letters spells it ("Søreide" -> "Soereide"); the name itself if it has none."""
    return name.translate(_ASCII_SPELLINGS)
