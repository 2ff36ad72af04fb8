"""Incidents the gazetteer lacks, found in the article: "la cyberattaque contre l'hôpital de Versailles".

An attack word, a link and a victim named by a capitalised name ("the ransomware attack on Düsseldorf
University Hospital", « le piratage d'En Marche »), or by what it is and where (« l'hôpital de Versailles »,
"the hospital in Düsseldorf"); in English also the name before the attack word ("the Düsseldorf hospital
attack"). The words are data per language (INCIDENT_HEADS, INCIDENT_LINKS, INCIDENT_TAILS, VICTIM_NOUNS,
VICTIM_LINKS, NAME_LINKS, NOT_VICTIMS in statements/extraction/languages/).

Never from a bare word ("the attack"), from a victim that is a known actor ("the attack on Costa Rica": the
gazetteer's victims name their incidents, statements/extraction/about.py), nor over an incident the
gazetteer names. The date is the one the mention's sentence states ("l'attaque du 3 décembre"), else the
article's at month precision ("lundi", "last week" say when it was reported, not exactly when it happened).
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from functools import cache

from statements.dates import DatePrecision, PartialDate

from .gazetteer import Gazetteer
from .languages import _alternation, language_data
from .model import NewIncident
from .text import Folded, fold
from .when import find_date

SENTENCE_REACH = 300  # characters either side of a mention in which its sentence's date is looked for
_NAME_WORD = r"(?-i:[A-ZÀ-Ý][\w&-]*)"


@dataclass
class FoundMention:
    start: int
    end: int
    name: str  # the incident's name: its first mention as written (its key groups the others)


@cache
def _patterns(language: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    data = language_data(language)
    heads = getattr(data, "INCIDENT_HEADS", {})
    if not heads:
        return None, None
    determiners = _alternation(data.DETERMINERS)
    nouns, victim_links = _alternation(data.VICTIM_NOUNS), _alternation(data.VICTIM_LINKS)
    name_links = _alternation(getattr(data, "NAME_LINKS", data.VICTIM_LINKS))
    name = rf"{_NAME_WORD}(?:\s+(?:(?:{name_links})\s*)?{_NAME_WORD}){{0,3}}"
    victim = (rf"(?:(?:{determiners})\s*)?(?P<victim>(?:(?P<noun>{nouns})\s+(?:(?:{victim_links})\s*)?"
              rf"(?:(?:{determiners})\s*)?)?(?P<name>{name}))")
    before = re.compile(rf"(?<![\w-])(?P<head>{_alternation(heads)})\s+(?:{_alternation(data.INCIDENT_LINKS)})\s*"
                        rf"{victim}", re.IGNORECASE)
    after = None
    if tails := getattr(data, "INCIDENT_TAILS", {}):
        after = re.compile(rf"(?<![\w-])(?:{determiners})\s+(?P<victim>(?P<name>{name})(?:\s+(?P<noun>{nouns}))?)"
                           rf"\s+(?P<head>{_alternation(tails)})(?![\w-])", re.IGNORECASE)
    return before, after


def find_new_incidents(document: str, language: str, gazetteer: Gazetteer, known: list[tuple[int, int]],
                       published: PartialDate | None) -> tuple[list[FoundMention], list[NewIncident]]:
    """The mentions of incidents the gazetteer lacks (positions in `document`), and the incidents, each once."""
    data = language_data(language)
    before, after = _patterns(language)
    not_victims = {fold(word) for word in getattr(data, "NOT_VICTIMS", ())}
    not_names = {fold(word) for word in (*data.WEEKDAYS, *data.MONTHS)} | not_victims
    known = sorted(known)
    known_starts = [known_start for known_start, _ in known]
    mentions: list[FoundMention] = []
    incidents: dict[str, NewIncident] = {}
    for pattern, kinds in ((before, data.INCIDENT_HEADS), (after, getattr(data, "INCIDENT_TAILS", {}))):
        if pattern is None:
            continue
        for match in pattern.finditer(document):
            start, end = match.start(), match.end()
            name = re.sub(r"['’]s$", "", match.group("name"))
            if _overlaps(known, known_starts, start, end):
                continue
            if fold(name) in not_names or not_names & {fold(word) for word in name.split()}:
                continue  # "the attack on Monday", "the attack on the Irish State"
            noun = match.group("noun")
            if noun is None and _is_actor(gazetteer, language, name):
                continue
            key = f"{fold(noun)} {fold(name)}" if noun else fold(name)
            if key not in incidents:
                # "the attack on the hospital in X" is named from its attack word; "the X hospital attack" from
                # its victim to its attack word, without the determiner ("X hospital attack", never "The X").
                written = re.sub(r"\s+", " ", document[start:match.start("name") + len(name)] if pattern is before
                                 else document[match.start("victim"):end])
                victim = re.sub(r"\s+", " ", document[match.start("victim"):match.start("name") + len(name)])
                incidents[key] = NewIncident(
                    name=written[:1].upper() + written[1:], victim=victim, key=key, language=language,
                    kind=kinds.get(match.group("head").lower(), "other"),
                    date=_stated_date(document, start, end, data, published))
            mentions.append(FoundMention(start, end, incidents[key].name))
    mentions.sort(key=lambda mention: mention.start)
    return mentions, list(incidents.values())


def _overlaps(known: list[tuple[int, int]], known_starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a known span (sorted; the gazetteer's names do not nest, so the one starting
    last before `end` and the one before it are the only ones to look at)."""
    last = bisect.bisect_left(known_starts, end)
    return any(known_end > start for _, known_end in known[max(0, last - 2):last])


def _is_actor(gazetteer: Gazetteer, language: str, name: str) -> bool:
    """Whether the whole name is a known actor's ("Costa Rica", "Kaseya")."""
    return any(match.start == 0 and match.end == len(name)
               for match in Folded(name).find(gazetteer.actor_matcher(language, None)))


def _stated_date(document: str, start: int, end: int, data, published: PartialDate | None) -> PartialDate | None:
    """The date the mention's sentence states, else the article's at month precision."""
    reach = max(0, start - SENTENCE_REACH)
    opening = max(reach, *(document.rfind(mark, reach, start) + 1 for mark in ".!?\n"))
    closing = [found for mark in ".!?\n" if (found := document.find(mark, end, end + SENTENCE_REACH)) >= 0]
    sentence = document[opening:min(closing, default=min(len(document), end + SENTENCE_REACH))]
    stated = find_date(sentence, data, published, stated_only=True)
    if stated is not None:
        return stated
    if published is None:
        return None
    return PartialDate(datetime.date(published.date.year, published.date.month, 1), DatePrecision.MONTH)
