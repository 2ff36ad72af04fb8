"""Cross-language equivalents (statements/glossary.json): "ransomware" also finds "rançongiciel".

Matching folds case and accents (actors.names.fold) and a final plural s/x, word by word, so
"Cyberattaques", "cyberattaque" and "CYBERATTAQUE" are one key. Multi-word entries
("critical infrastructure") are recognised as phrases or as adjacent query words.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from actors.names import fold

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "glossary.json"
LONGEST = 4  # words in the longest entry considered when joining adjacent query words


def key(text: str) -> str:
    words = fold(text).replace("-", " ").replace("'", " ").split()
    return " ".join(word[:-1] if len(word) > 3 and word[-1] in "sx" else word for word in words)


@cache
def load(path: Path = GLOSSARY_FILE) -> dict[str, tuple[str, ...]]:
    """key -> every form of its entry (in all languages), the forms as written in the file."""
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    index: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        forms = tuple(dict.fromkeys(form for language in sorted(entry) for form in entry[language]))
        for form in forms:
            index.setdefault(key(form), forms)
    return index


def equivalents(text: str) -> tuple[str, ...]:
    """The other forms of `text` in the glossary, or () when it is not there."""
    forms = load().get(key(text), ())
    own = key(text)
    return tuple(form for form in forms if key(form) != own)
