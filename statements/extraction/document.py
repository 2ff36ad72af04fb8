"""One document as every extraction stage reads it (the shared per-document state).

Takes the text, the gazetteer, the publication date (if known) and the language (if known); gives the
text normalised for the rules (one kind of apostrophe, space and dash), the language's data, the
paragraphs, where sentences start, every quotation span (quotes.py) and the date roles are read at:
the publication date, else the one the text tells (dating.py). Read-only once built.
"""

from __future__ import annotations

import bisect
import re

from statements.dates import PartialDate

from .dating import infer_date
from .gazetteer import Gazetteer
from .intervals import Intervals
from .languages import LanguageData, detect_language, language_data
from .quotes import find_quote_spans, paragraphs
from .text import DATELINE, Folded, fold

_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ",
                            "\u2009": " ", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
QUOTE_MARKS = "«»“”\"‘„"
_SENTENCE_END = re.compile(r"[.!?…]")


class Document:
    def __init__(self, text: str, gazetteer: Gazetteer, published: PartialDate | None, language: str | None,
                 folded: Folded):
        self.text = text or ""
        self.norm = self.text.translate(_NORMALISE)  # same length as text: positions are shared
        self.norm_lower = self.norm.lower()
        self.folded = folded
        self.gaz = gazetteer
        self.published = published
        self.lang = language if language in ("fr", "en") else detect_language(self.text)
        self.data: LanguageData = language_data(self.lang)
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.datelines = Intervals(m.span() for start in self.para_starts if (m := DATELINE.match(self.text, start)))
        self._sentence_ends = frozenset(m.start() for m in _SENTENCE_END.finditer(self.text)
                                        if self._ends_sentence(m.start()))
        self.sentence_starts = sorted({*self.para_starts, *(i + 1 for i in self._sentence_ends)})
        self.spans = find_quote_spans(self.text)  # every quotation span, statements or not
        self.quote_marks = Intervals((s.open, s.close) for s in self.spans)
        self.when, self.when_source = published, "published" if published else ""  # the date roles are read at
        if self.when is None:  # roles are read at the date the text tells (dating.py)
            self.when, self.when_source = infer_date(folded, gazetteer, self.data, self.quote_marks)

    def para(self, pos: int) -> int:
        """The index of the paragraph holding pos."""
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def boundary(self, i: int) -> bool:
        """text[i] (i a position in the text) ends a sentence: looked up, since the stages ask it of every
        character they scan back or forward over (see _ends_sentence)."""
        return i in self._sentence_ends

    def _ends_sentence(self, i: int) -> bool:
        """text[i] ends a sentence: a stop followed by a capital, a quote mark, a digit or a line end, and not
        the stop of an abbreviation ("M.", "Rep."), of an initial ("J. Biden") or a decimal point ("$1.5 billion")."""
        text = self.text
        char = text[i]
        if char not in ".!?…":
            return False
        if char == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            return False
        j = i + 1
        while j < len(text) and text[j] in " \t" + "\u00a0\u202f":
            j += 1
        if j < len(text) and not (text[j].isupper() or text[j] in QUOTE_MARKS + "\n" or text[j].isdigit()):
            return False
        if char == ".":
            head = text[max(0, i - 12):i + 1]
            for abbr in self.data.abbreviations:
                if head.endswith(abbr) and (len(head) == len(abbr) or not head[-len(abbr) - 1].isalnum()):
                    return False
            if i >= 1 and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalnum()):
                return False
        return True

    def preposition_before(self, pos: int) -> bool:
        """A preposition (perhaps with its determiners) governs the word at pos, within its clause."""
        before = re.split(r"[,;:.!?()\"«»“”]", self.norm[max(0, pos - 40):pos])[-1]  # within the clause
        words = re.findall(r"[\w]+'?|'", before)
        words = [fold(w) for w in words][-3:]
        while words and words[-1].rstrip("'") in self.data.determiners:
            words.pop()
        return bool(words) and words[-1].rstrip("'") in self.data.prepositions
