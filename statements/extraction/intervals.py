"""Which positions lie inside a set of spans, answered in O(log n) per question.

Spans may overlap or nest; they are sorted once by start, with the running maximum of their ends,
so "is position p inside one?" and "does [a, b) overlap one?" are one bisection each, which keeps
the passes that ask it for every name or quote linear (n log n) in the document's size.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []  # reach[i]: the largest end among the first i + 1 spans
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def contains(self, pos: int) -> bool:
        """pos lies in some [a, b) span."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos

    def overlaps(self, a: int, b: int) -> bool:
        """[a, b) shares a position with some span."""
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.reach[i] > a

    def reach_before(self, b: int) -> int:
        """The furthest end of the spans that start before b (-1 when none does)."""
        i = bisect.bisect_left(self.starts, b) - 1
        return self.reach[i] if i >= 0 else -1
