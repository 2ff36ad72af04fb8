"""Finding quotation spans: « », “ ”, straight "..." and ‘ ’, nested and multi-paragraph.

Every pass is linear in the text's length: positions already inside a span are marked in one
byte array (`_Taken`), and a single opening ‘ finds its closer through a precomputed "next closer"
table instead of scanning the rest of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from .text import SPACES

STRIP = " \t\r\n" + SPACES
_LINE_END = re.compile("\n")
MAX_SPANS = 20_000  # quotation spans read per document: a hundred times an article's, a bound for hostile input
_STRAIGHT = re.compile('"')


@dataclass
class QuoteSpan:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or of the paragraph end for an unclosed segment)
    start: int  # inner text, stripped
    end: int
    mark: str
    chain: int = -1  # segments of one multi-paragraph quotation share a chain number
    closed: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line_end in _LINE_END.finditer(text):
        i = line_end.start()
        if text[start:i].strip(STRIP):
            out.append((start, i))
        start = i + 1
    if text[start:].strip(STRIP):
        out.append((start, len(text)))
    return out or [(0, len(text))]


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in STRIP:
        a += 1
    while b > a and text[b - 1] in STRIP:
        b -= 1
    return a, b


def _next_paragraph_opens(text: str, paras, index: int, marks: str) -> bool:
    if index + 1 >= len(paras):
        return False
    start, end = paras[index + 1]
    rest = text[start:end].lstrip(STRIP)
    return bool(rest) and rest[0] in marks


class _Taken:
    """Positions covered by the spans found so far (marks of one kind inside another kind's quote)."""

    def __init__(self, size: int):
        self.covered = bytearray(size)

    def __contains__(self, i: int) -> bool:
        return bool(self.covered[i])

    def add(self, spans) -> None:
        for s in spans:
            self.covered[s.open:s.close + 1] = b"\x01" * (s.close + 1 - s.open)


def _paired(text, paras, taken: _Taken, opener: str, closer: str, chain_counter, limit: int):
    """Balanced pairs of distinct opening/closing marks, paragraph by paragraph (at most `limit`)."""
    found = []
    marks = re.compile(f"[{re.escape(opener + closer)}]")
    closed_chains: set[int] = set()
    pending_chain = -1
    for index, (pstart, pend) in enumerate(paras):
        if len(found) >= limit:
            break
        depth, open_at = 0, -1
        for mark in marks.finditer(text, pstart, pend):
            i, char = mark.start(), mark.group()
            if i in taken:
                continue
            if char == opener:
                if depth == 0:
                    open_at = i
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0:
                    a, b = _inner(text, open_at + 1, i)
                    found.append(QuoteSpan(open_at, i, a, b, opener, pending_chain))
                    closed_chains.add(pending_chain)
                    pending_chain = -1
        if depth > 0 and _next_paragraph_opens(text, paras, index, opener):
            chain = pending_chain if pending_chain >= 0 else next(chain_counter)
            a, b = _inner(text, open_at + 1, pend)
            found.append(QuoteSpan(open_at, pend, a, b, opener, chain, closed=False))
            pending_chain = chain
        elif pending_chain >= 0 and pending_chain not in closed_chains:
            pending_chain = -1 if depth == 0 else pending_chain
    _link_chains(found)
    return found


def _link_chains(found):
    """A closed segment right after an open one of the same chain gets its chain number."""
    for previous, current in zip(found, found[1:], strict=False):
        if not previous.closed and previous.chain >= 0 and current.chain < 0:
            current.chain = previous.chain


def _straight(text, paras, taken: _Taken, chain_counter, limit: int):
    found = []
    pending_chain = -1
    for index, (pstart, pend) in enumerate(paras):
        if len(found) >= limit:
            break
        marks = [m.start() for m in _STRAIGHT.finditer(text, pstart, pend) if m.start() not in taken]
        pairs = list(zip(marks[0::2], marks[1::2], strict=False))
        for a_mark, b_mark in pairs:
            a, b = _inner(text, a_mark + 1, b_mark)
            found.append(QuoteSpan(a_mark, b_mark, a, b, '"', pending_chain))
            pending_chain = -1
        if len(marks) % 2:
            last = marks[-1]
            opener_like = last == pstart or text[last - 1] in STRIP + "(['’—–-:"
            if opener_like and _next_paragraph_opens(text, paras, index, '"'):
                chain = pending_chain if pending_chain >= 0 else next(chain_counter)
                a, b = _inner(text, last + 1, pend)
                found.append(QuoteSpan(last, pend, a, b, '"', chain, closed=False))
                pending_chain = chain
    _link_chains(found)
    return found


def _closers(text: str, pstart: int, pend: int) -> list[int]:
    """For each position of a paragraph, the first closing ’ at or after it (pend when none):
    a ’ after a non-space and not followed by a letter (so not the apostrophe of "don’t")."""
    following = [pend] * (pend - pstart + 1)
    for j in range(pend - 1, pstart - 1, -1):
        is_closer = (text[j] == "\u2019" and j > pstart and text[j - 1] not in STRIP
                     and (j + 1 >= pend or not text[j + 1].isalnum()))
        following[j - pstart] = j if is_closer else following[j + 1 - pstart]
    return following


def _single(text, paras, taken: _Taken, limit: int):
    found = []
    for pstart, pend in paras:
        if len(found) >= limit:
            break
        if "\u2018" not in text[pstart:pend]:
            continue
        following = _closers(text, pstart, pend)
        i = pstart
        while i < pend:
            if text[i] == "\u2018" and i not in taken and (i == pstart or text[i - 1] in STRIP + "([—–-\"“«"):
                j = following[i + 1 - pstart]
                if j < pend:
                    a, b = _inner(text, i + 1, j)
                    found.append(QuoteSpan(i, j, a, b, "\u2018"))
                    i = j
            i += 1
    return found


def find_quote_spans(text: str, limit: int = MAX_SPANS) -> list[QuoteSpan]:
    """The quotation spans in text order; a pass stops (at a paragraph's end) once `limit` spans are found."""
    paras = paragraphs(text)
    counter = iter(range(1, 10**9))
    spans: list[QuoteSpan] = []
    taken = _Taken(len(text))
    passes = (partial(_paired, text, paras, taken, "\u00ab", "\u00bb", counter),
              partial(_paired, text, paras, taken, "\u201c", "\u201d", counter),
              partial(_straight, text, paras, taken, counter),
              partial(_single, text, paras, taken))
    for one_pass in passes:  # each kind of mark in turn, skipping the marks inside the quotes found before
        new = one_pass(max(0, limit - len(spans)))
        taken.add(new)
        spans += new
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: s.open)
    return spans
