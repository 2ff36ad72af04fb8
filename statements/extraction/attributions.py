"""Attribution claims the text makes: "the FBI attributes the JBS attack to REvil", "Moscou dément".

A sentence makes a claim when it holds an attribution cue ("attributed ... to", "blamed", "accuse",
"a imputé", "named the GRU") or a denial cue ("denied", "categorically reject", "dément", "n'a rien à
voir"). The claimant is the actor named before the cue (or after "by"/"par" in the passive), or the
speaker when the cue stands in a quote; the accused, the first other actor after the cue (for a
denial, the claimant itself). The incident is the one the sentence names, else the one the quote is
about, else the article's story. The confidence wording ("highly likely", "almost certainly") is kept
in the claimant's words. Linear: one pass over the sentences, each looked at once.

The cues are data per language (CUES).
"""

from __future__ import annotations

import bisect
import re

from .about import Story
from .gazetteer import Gazetteer
from .model import ExtractedClaim, Extraction
from .text import DATELINE, Folded, fold

CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "attribution": ("attributed", "attributes", "attributing", "attribute", "blamed", "blames", "blaming",
                        "accused", "accuses", "accusing", "held responsible", "holds responsible",
                        "named the", "pointed the finger"),
        # The accused stands before these: "REvil was behind the attack", "Russia was responsible for".
        "attribution_after_accused": ("is responsible for", "was responsible for", "were responsible for",
                                      "are responsible for", "was behind", "were behind", "is behind", "are behind"),
        "denial": ("denied", "denies", "deny", "denying", "dismissed", "dismisses", "rejected", "rejects",
                   "categorically reject", "has nothing to do with", "had nothing to do with", "not involved",
                   "baseless", "groundless", "unfounded", "fabricated"),
        "passive_by": ("by",),
        "confidence": ("almost certainly", "highly likely", "very likely", "with high confidence",
                       "with moderate confidence", "likely", "probably"),
    },
    "fr": {
        "attribution": ("attribue", "attribué", "a attribué", "attribuent", "impute", "imputé", "imputent",
                        "accuse", "accusé", "accusent", "tient pour responsable", "tiennent pour responsable",
                        "désigne", "pointe du doigt"),
        "attribution_after_accused": ("est derrière", "serait derrière", "sont derrière", "seraient derrière",
                                      "est responsable de", "serait responsable de", "sont responsables de"),
        "denial": ("dément", "démenti", "démentent", "nie", "nié", "nient", "rejette", "rejeté", "rejettent",
                   "rejeté les accusations", "n'a rien à voir", "n'ont rien à voir", "pas impliqué",
                   "infondé", "infondées", "sans fondement", "dénué de fondement", "fabriqué"),
        "passive_by": ("par",),
        "confidence": ("presque certainement", "très probablement", "hautement probable", "avec un haut degré de "
                       "confiance", "probablement", "vraisemblablement"),
    },
}
CLAIMANT_KINDS = {"state", "agency", "person", "igo", "company", "group", "other"}
ACCUSED_KINDS = {"state", "agency", "group", "person"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[»”\"]?\s+|\n\s*\n")


def _cue_patterns() -> dict[str, dict[str, re.Pattern]]:
    patterns = {}
    for language, cues in CUES.items():
        patterns[language] = {kind: re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(fold(word)) for word in sorted(words, key=len, reverse=True)) + r")(?!\w)")
            for kind, words in cues.items()}
    return patterns


_PATTERNS = _cue_patterns()


def find_claims(result: Extraction, text: str, *, gazetteer: Gazetteer, story: Story,
                doc: Folded | None = None) -> list[ExtractedClaim]:
    """The attribution claims and denials the article's sentences make (see the module's docstring)."""
    patterns = _PATTERNS.get(result.language)
    if patterns is None:
        return []
    doc = doc or Folded(text)
    actors = [m for m in doc.find(gazetteer.actor_matcher(result.language, result.published))
              if gazetteer.actor(m.value)]
    actor_starts = [m.start for m in actors]
    incident_starts = [start for start, _ in story.incident_mentions]
    quotes = sorted(enumerate(result.quotes), key=lambda pair: pair[1].start)
    quote_starts = [quote.start for _, quote in quotes]
    claims, seen = [], set()
    for start, end in _sentences(text):
        folded = fold(text[start:end])
        stance, cue = _cue(patterns, folded)
        if cue is None:
            continue
        cue_at = start + cue.start()  # folding keeps lengths but for rare characters: near enough to order
        dateline = DATELINE.match(text, start, end)
        first = dateline.end() if dateline else start
        within = actors[bisect.bisect_left(actor_starts, first):bisect.bisect_left(actor_starts, end)]
        quote_index, quote = _quote_around(quotes, quote_starts, cue_at)
        claimant, accused = _parties(within, cue_at, quote.speaker if quote else None, stance, gazetteer,
                                     patterns["passive_by"], text)
        named = [name for at, name in story.incident_mentions[
            bisect.bisect_left(incident_starts, start):bisect.bisect_left(incident_starts, end)]]
        incident = (named or (quote.incidents if quote else []) or [story.main_incident])[0]
        stance = "denial" if stance == "denial" else "attribution"
        info = gazetteer.incident_info.get(incident)
        if not (claimant and accused and info) or accused in info.victims or (
                stance == "attribution" and (claimant == accused or claimant in info.culprits)):
            continue  # no incident, or parties that cannot be (a victim accused, a culprit accusing)
        key = (claimant, accused, incident, stance)
        if key in seen:
            continue
        seen.add(key)
        wording = patterns["confidence"].search(folded)
        claims.append(ExtractedClaim(claimant, accused, incident, stance, text[start:end].strip()[:1000],
                                     wording.group() if wording else "", quote_index))
    return claims


def _sentences(text: str):
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start() + 1
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _cue(patterns: dict[str, re.Pattern], folded: str) -> tuple[str, re.Match | None]:
    """The sentence's first cue, and what it says: a denial, an attribution (accused after the cue) or an
    attribution with the accused named before it."""
    found = [(match.start(), stance, match) for stance in ("denial", "attribution", "attribution_after_accused")
             if (match := patterns[stance].search(folded))]
    if not found:
        return "attribution", None
    _, stance, match = min(found, key=lambda item: item[0])
    return stance, match


def _quote_around(quotes, quote_starts: list[int], position: int):
    index = bisect.bisect_right(quote_starts, position) - 1
    if index >= 0 and quotes[index][1].start <= position < quotes[index][1].end:
        return quotes[index]
    return None, None


def _parties(mentions, cue_at: int, speaker: str | None, stance: str, gazetteer: Gazetteer,
             passive_by: re.Pattern, text: str) -> tuple[str | None, str | None]:
    """(claimant, accused): the speaker of the quote the cue stands in, else the sentence's subject (its
    first actor that can claim), or the actor after "by"/"par" in the passive; the accused, the first actor
    after the cue that can be accused (before it, for "was behind"); for a denial, the denier's state."""
    kind = {m.value: gazetteer.actor(m.value).kind for m in mentions}
    before = [m.value for m in mentions if m.end <= cue_at]
    after = [m.value for m in mentions if m.start >= cue_at]
    subject = next((name for name in before if kind[name] in CLAIMANT_KINDS - {"company"}),
                   next((name for name in before if kind[name] == "company"), None))  # "à l'agence Reuters"
    claimant = speaker or subject
    if stance == "denial":  # the denier speaks for its state: "Peskov denied" clears Russia
        return claimant, _state_of(gazetteer, claimant) or claimant
    if stance == "attribution_after_accused":
        accused = next((name for name in reversed(before) if kind[name] in ACCUSED_KINDS and name != speaker), None)
        claimant = speaker or next((name for name in before if name != accused and kind[name] in CLAIMANT_KINDS),
                                   None)
        return claimant, accused
    for m in mentions:  # the passive: "was attributed to the GRU by the NCSC"
        if m.start >= cue_at and kind[m.value] in CLAIMANT_KINDS and passive_by.search(
                fold(text[max(cue_at, m.start - 9):m.start])):
            claimant = m.value
            break
    accused = next((name for name in after if name != claimant and kind[name] in ACCUSED_KINDS), None)
    return claimant, accused


def _state_of(gazetteer: Gazetteer, name: str | None) -> str | None:
    actor = gazetteer.actor(name)
    if actor is None or not actor.country or actor.kind == "state":
        return None
    states = gazetteer.__dict__.setdefault("_states_by_country", {
        info.country: info.name for info in gazetteer.actors.values() if info.kind == "state" and info.country})
    return states.get(actor.country)
