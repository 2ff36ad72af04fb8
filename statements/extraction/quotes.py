"""Finding quotation spans: « », “ ”, straight "..." and ‘ ’, nested and multi-paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from .text import SPACES

STRIP = " \t\r\n" + SPACES


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
    for i, char in enumerate(text):
        if char == "\n":
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


def _taken(spans, i: int) -> bool:
    return any(s.open <= i <= s.close for s in spans)


def _paired(text, paras, spans, opener: str, closer: str, chain_counter):
    """Balanced pairs of distinct opening/closing marks, paragraph by paragraph."""
    found = []
    pending_chain = -1
    for index, (pstart, pend) in enumerate(paras):
        depth, open_at = 0, -1
        for i in range(pstart, pend):
            char = text[i]
            if char not in (opener, closer) or _taken(spans, i):
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
                    pending_chain = -1
        if depth > 0 and _next_paragraph_opens(text, paras, index, opener):
            chain = pending_chain if pending_chain >= 0 else next(chain_counter)
            a, b = _inner(text, open_at + 1, pend)
            found.append(QuoteSpan(open_at, pend, a, b, opener, chain, closed=False))
            pending_chain = chain
        elif pending_chain >= 0 and not any(s.chain == pending_chain and s.closed for s in found):
            pending_chain = -1 if depth == 0 else pending_chain
    _link_chains(found)
    return found


def _link_chains(found):
    """A closed segment right after an open one of the same chain gets its chain number."""
    for previous, current in zip(found, found[1:], strict=False):
        if not previous.closed and previous.chain >= 0 and current.chain < 0:
            current.chain = previous.chain


def _straight(text, paras, spans, chain_counter):
    found = []
    pending_chain = -1
    for index, (pstart, pend) in enumerate(paras):
        marks = [i for i in range(pstart, pend) if text[i] == '"' and not _taken(spans, i)]
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


def _single(text, paras, spans):
    found = []
    for pstart, pend in paras:
        i = pstart
        while i < pend:
            if text[i] == "\u2018" and not _taken(spans, i) and (i == pstart or text[i - 1] in STRIP + "([—–-\"“«"):
                j = i + 1
                while j < pend:
                    if (text[j] == "\u2019" and text[j - 1] not in STRIP
                            and (j + 1 >= pend or not text[j + 1].isalnum())):
                        break
                    j += 1
                if j < pend:
                    a, b = _inner(text, i + 1, j)
                    found.append(QuoteSpan(i, j, a, b, "\u2018"))
                    i = j
            i += 1
    return found


def find_quote_spans(text: str) -> list[QuoteSpan]:
    paras = paragraphs(text)
    counter = iter(range(1, 10**9))
    spans: list[QuoteSpan] = []
    spans += _paired(text, paras, spans, "\u00ab", "\u00bb", counter)
    spans += _paired(text, paras, spans, "\u201c", "\u201d", counter)
    spans += _straight(text, paras, spans, counter)
    spans += _single(text, paras, spans)
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: s.open)
    return spans
