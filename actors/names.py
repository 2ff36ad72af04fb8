"""Name normalisation shared by aliases, resolution and extraction.

"Poutine", "POUTINE" and "Poutïne" fold to the same key; so do the typographic variants of
apostrophes, dashes and spaces that news copy is full of.
"""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive key for a name."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.translate(_APOSTROPHES)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip().casefold()
