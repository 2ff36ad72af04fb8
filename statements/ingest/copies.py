"""Syndicated copies: the same agency story reprinted by several outlets with small differences.

Each article keeps fingerprints of its longer sentences (indexed, so candidates are found with
one array-overlap query). A candidate sharing a sentence is compared on word 5-shingles; when
most of the shorter text is contained in the longer one (a removed link, a changed headline,
one paragraph less), the new document is a copy: its outlet is kept as a source of the
existing article, and its quotes are not extracted twice.
"""

from __future__ import annotations

import hashlib
import re

from actors.names import fold

MIN_SENTENCE_WORDS = 8
MAX_FINGERPRINTS = 200
SHINGLE_WORDS = 5
CONTAINMENT_THRESHOLD = 0.7
SENTENCE_PREFILTER = 0.4

_SENTENCES = re.compile(r"(?<=[.!?…»”\"])\s+|\n+")
_WORDS = re.compile(r"\w+")


def _hash(value: str) -> int:
    """A signed 64-bit hash (fits PostgreSQL bigint)."""
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big", signed=True)


def sentence_fingerprints(text: str) -> list[int]:
    found = set()
    for sentence in _SENTENCES.split(text):
        words = _WORDS.findall(fold(sentence))
        if len(words) >= MIN_SENTENCE_WORDS:
            found.add(_hash(" ".join(words)))
    return sorted(found)[:MAX_FINGERPRINTS]


def shingles(text: str) -> set[int]:
    words = _WORDS.findall(fold(text))
    if len(words) < SHINGLE_WORDS:
        return {_hash(" ".join(words))} if words else set()
    return {_hash(" ".join(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def original_of(text: str, fingerprints: list[int]):
    """The stored article this text is a syndicated copy of, or None."""
    from statements.models import Article

    if not fingerprints:
        return None
    mine = set(fingerprints)
    candidates = (Article.objects.filter(fingerprints__overlap=fingerprints)
                  .values_list("pk", "fingerprints").order_by("pk")[:50])
    # Sharing a sentence or two is common (a quoted statement); a copy shares most of them.
    likely = [pk for pk, theirs in candidates if containment(mine, set(theirs)) >= SENTENCE_PREFILTER]
    own = shingles(text)
    for candidate in Article.objects.filter(pk__in=likely).only("pk", "text").order_by("pk"):
        if containment(own, shingles(candidate.text)) >= CONTAINMENT_THRESHOLD:
            return candidate
    return None
