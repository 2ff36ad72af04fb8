"""Which quotation spans are statements, and the sentence around each one.

Takes a Document (its quotation spans come from quotes.py); gives the spans that are statements (not a
scare-quoted word, a quoted title or a name: « rançongiciel », “Homeland Justice”), at most MAX_QUOTES,
each as a QuoteInContext: its paragraph, where its sentence starts before it and ends after it (never
past the quote before or after, nor SENTENCE_REACH characters away), and whether a new sentence
follows it. Attribution fills each one's `who`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .document import QUOTE_MARKS, Document
from .intervals import Intervals
from .model import Who
from .quotes import STRIP, QuoteSpan
from .text import fold

SENTENCE_REACH = 1000  # characters before and after a quote read for its attribution, whatever the sentence's length
MAX_QUOTES = 1500  # quotations read per document: far above any article, a bound for hostile input
_WORD = re.compile(r"\w")


@dataclass
class QuoteInContext:
    span: QuoteSpan
    para: int
    prefix_start: int  # where the quote's sentence starts before its opening mark
    tail_end: int  # where it ends after the closing mark
    tail_new_sentence: bool  # the quote ends its sentence and a new one follows
    who: Who | None = None


class Statements:
    """The statement spans of a document in text order, with their contexts (`quotes`, in the same order)."""

    def __init__(self, doc: Document):
        self.spans = list(itertools.islice((s for s in doc.spans if is_statement(doc, s)), MAX_QUOTES))
        self.opens = [s.open for s in self.spans]
        self.closes = sorted(s.close for s in self.spans)
        self.inside = Intervals((s.open, s.close + 1) for s in self.spans)
        self.quotes = [self._context(doc, s) for s in self.spans]

    def in_quote(self, pos: int) -> bool:
        """pos lies inside a statement, its marks included."""
        return self.inside.contains(pos)

    def _context(self, doc: Document, span: QuoteSpan) -> QuoteInContext:
        para = doc.para(span.open)
        pstart, pend = doc.paras[para]
        before = bisect.bisect_left(self.closes, span.open)
        lower = max(pstart, (self.closes[before - 1] + 1) if before else 0, span.open - SENTENCE_REACH)
        start = lower
        for i in range(span.open - 1, lower - 1, -1):
            if doc.boundary(i):
                start = i + 1
                break
        after = bisect.bisect_right(self.opens, span.close)
        upper = min(pend, self.opens[after] if after < len(self.opens) else len(doc.text),
                    span.close + 1 + SENTENCE_REACH)
        end = upper
        if span.closed:
            for i in range(span.close + 1, upper):
                if doc.boundary(i):
                    end = i
                    break
        else:
            end = span.close
        inner = doc.text[span.start:span.end].rstrip(" " + QUOTE_MARKS)
        tail = doc.text[span.close + 1:end].lstrip(STRIP)
        new_sentence = bool(inner) and inner[-1] in ".!?…" and bool(tail) and (tail[0].isupper() or tail[0] in "«“\"")
        return QuoteInContext(span, para, start, max(end, span.close + 1), new_sentence)


def is_statement(doc: Document, span: QuoteSpan) -> bool:
    """Not a quoted word or short name: too few words, a naming cue before ("baptisé", "dubbed"), or a
    short run of capitalised words (a title, a group's name)."""
    inner = doc.text[span.start:span.end]
    if not _WORD.search(inner):
        return False
    words = inner.split()
    if len(words) <= 3 and span.closed:
        return False
    before = doc.norm[max(0, span.open - 40):span.open]
    if len(words) <= 8 and doc.data.naming_cue_end.search(before):
        return False
    if len(words) <= 8 and not re.search(r"[.!?;:,]", inner.rstrip(".")):
        content = [w for w in words if fold(w).rstrip("'") not in doc.data.title_function_words]
        capitals = [w for w in content if w[:1].isupper() or w[:1].isdigit()]
        if content and len(capitals) >= 0.6 * len(content) and len(capitals) >= 2:
            return False
    return True
