"""The speakers the extractor weighed for a quote, for the reviewer (`ExtractedQuote.candidates`).

The winner comes first with the cue of the rule that chose it; then the other people and bodies the
quote's sentence names, and the subject of the sentence before it, each with a lower score: the
choices a reviewer most often picks instead. Gathering them reads only the quote's own sentence and
the one before (bounded by SENTENCE_REACH), so extraction stays linear.
"""

from __future__ import annotations

from .model import SpeakerCandidate

# what proposed the winner, by its rule (`Who.how`); a verb subject says so whatever its mention kind
CUES = {
    "alias": "named beside the quote",
    "ner": "named beside the quote",
    "name": "named beside the quote",
    "descriptor": "descriptor resolved",
    "definite-anaphora": "descriptor resolved",
    "definite-institution": "descriptor resolved",
    "definite-institution-subject": "previous sentence",
    "org-role-anaphora": "descriptor resolved",
    "pronoun": "pronoun resolved",
    "pronoun-subject": "previous sentence",
    "continuation": "previous quote",
    "multi-paragraph": "quote continued",
    "document": "document's author",
    "document-anaphora": "document's author",
    "document-anaphora-speaker": "document's author",
    "source-unknown": "according to (not an actor yet)",
}
SENTENCE_CUE = "named in the sentence"
PREVIOUS_SENTENCE_CUE = "previous sentence"
SENTENCE_SHARE = 0.5  # an other name of the sentence weighs half the winner's score
PREVIOUS_SHARE = 0.4
MAX_CANDIDATES = 5
SPEAKING_KINDS = frozenset({"person", "agency", "state", "igo", "group", "company"})


def winner_cue(how: str, verb: str) -> str:
    if verb and how in ("alias", "ner", "name"):
        return "said-verb subject"
    return CUES.get(how, how or "unattributed")


def weighed(winner: SpeakerCandidate | None, in_sentence: list[tuple[str, str]],
            previous_subject: tuple[str, str] | None) -> list[SpeakerCandidate]:
    """Best first, one per name (its best score), at most MAX_CANDIDATES. `in_sentence` and
    `previous_subject` are (name, kind) pairs; only kinds that can speak are kept."""
    top = winner.score if winner else 0.3
    weighed = [winner] if winner else []
    weighed += [SpeakerCandidate(name, top * SENTENCE_SHARE, SENTENCE_CUE)
                for name, kind in in_sentence if kind in SPEAKING_KINDS]
    if previous_subject and previous_subject[1] in SPEAKING_KINDS:
        weighed.append(SpeakerCandidate(previous_subject[0], top * PREVIOUS_SHARE, PREVIOUS_SENTENCE_CUE))
    best: dict[str, SpeakerCandidate] = {}
    for candidate in weighed:  # the winner comes first: kept first among equal scores by the stable sort
        if candidate.name not in best or best[candidate.name].score < candidate.score:
            best[candidate.name] = candidate
    return sorted(best.values(), key=lambda c: -c.score)[:MAX_CANDIDATES]
