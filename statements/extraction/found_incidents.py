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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from statements.dates import DatePrecision, PartialDate

from .gazetteer import Gazetteer
from .languages import _alternation, language_data
from .model import NewIncident
from .text import Folded, fold
from .when import find_date

SENTENCE_REACH = 300  # characters either side of a mention in which its sentence's date is looked for
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K.": one word, never the victim "U"
_NAME_WORD = rf"(?-i:{_ABBREVIATION.pattern}|[A-ZÀ-Ý][\w&-]*)"
_SPACE = r"[^\S\n]"  # within a line: a name ending a title never runs into the next line's first word


@dataclass
class FoundMention:
    start: int
    end: int
    name: str  # the incident's name: its first mention as written (its key groups the others)


@cache
def _patterns(language: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    data = language_data(language)
    heads = getattr(data, "INCIDENT_HEADS", {})
    if not heads:
        return None, None, None
    determiners = _alternation(data.DETERMINERS)
    nouns, victim_links = _alternation(data.VICTIM_NOUNS), _alternation(data.VICTIM_LINKS)
    name_links = _alternation(getattr(data, "NAME_LINKS", data.VICTIM_LINKS))
    indefinite = _alternation(data.INDEFINITE_ARTICLES)
    name = rf"{_NAME_WORD}(?:{_SPACE}+(?:(?:{name_links}){_SPACE}*)?{_NAME_WORD}){{0,3}}"
    # "the attack on the hospital of X", "an attack on a hospital in X" (never "an attack on a X": whose?)
    victim = (rf"(?:(?:{determiners}){_SPACE}*|(?:{indefinite}){_SPACE}+(?=(?:{nouns}){_SPACE}))?"
              rf"(?P<victim>(?:(?P<noun>{nouns}){_SPACE}+(?:(?:{victim_links}){_SPACE}*)?"
              rf"(?:(?:{determiners}){_SPACE}*)?)?(?P<name>{name}))")
    before = re.compile(rf"(?<![\w-])(?P<head>{_alternation(heads)})\s+(?:{_alternation(data.INCIDENT_LINKS)})\s*"
                        rf"{victim}", re.IGNORECASE)
    after = None
    if tails := getattr(data, "INCIDENT_TAILS", {}):
        after = re.compile(rf"(?<![\w-])(?:{determiners})\s+(?P<victim>(?P<name>{name})(?:\s+(?P<noun>{nouns}))?)"
                           rf"\s+(?P<head>{_alternation(tails)})(?![\w-])", re.IGNORECASE)
    suffered = None
    if suffering := getattr(data, "VICTIM_SUFFERED", ()):
        # the victim opens its clause ("Acme Corp was hit by", "La mairie de Cannes a été victime d'"), never the
        # tail of a longer phrase ("the ministry of Justice was hit": not "Justice")
        tail_noun = rf"(?:\s+(?P<tail_noun>{nouns}))?" if tails else ""
        suffered = re.compile(
            rf"(?:^|(?<=[.!?:;,«“\"(\n])\s*)(?:(?:{determiners})\s*)?(?P<victim>(?:(?P<noun>{nouns})\s+"
            rf"(?:(?:{victim_links})\s*)?(?:(?:{determiners})\s*)?)?(?P<name>{name}){tail_noun})\s*,?\s+"
            rf"(?:{_alternation(suffering)})\s*(?:(?:{_alternation(data.INDEFINITE_ARTICLES)})\s+)?"
            rf"(?:(?-i:[a-zà-ÿ][\w-]*)\s+)??(?P<head>{_alternation(heads)})(?![\w-])", re.IGNORECASE | re.MULTILINE)
    return before, after, suffered


def find_new_incidents(document: str, language: str, gazetteer: Gazetteer, known: list[tuple[int, int]],
                       published: PartialDate | None, named: Iterable[str] = (),
                       pick: Callable[[list[str]], str | None] = lambda names: None,
                       ) -> tuple[list[FoundMention], list[NewIncident]]:
    """The mentions of incidents the gazetteer lacks (positions in `document`), and the incidents, each once.

    A victim that an alias or a victim of an incident the article names, or whose parties it names (`named`),
    holds is that incident's ("l'hôpital Simone-Veil paralysé par une cyberattaque" beside "l'hôpital Simone-Veil de
    Cannes"), not a new one. A victim named by its kind and place (« un hôpital de Düsseldorf ») whose kind and
    place are those of gazetteer incidents' victims is one of them: `pick` chooses which (by the article's date),
    and the mention is that incident's."""
    data = language_data(language)
    named_aliases = [f" {fold(alias)} " for incident in named
                     for alias in (*gazetteer.incident_names_of(incident), *_victims(gazetteer, incident))]
    before, after, suffered = _patterns(language)
    not_victims = {fold(word) for word in getattr(data, "NOT_VICTIMS", ())}
    not_names = {fold(word) for word in (*data.WEEKDAYS, *data.MONTHS, *data.PRONOUNS)} | not_victims
    known = sorted(known)
    known_starts = [known_start for known_start, _ in known]
    mentions: list[FoundMention] = []
    incidents: dict[str, NewIncident] = {}
    kinds_of_nouns = {fold(noun): kind for noun, kind in data.VICTIM_NOUNS.items()}
    demonym = re.compile(rf"\w+(?:{_alternation(getattr(data, 'NOT_VICTIM_ENDINGS', ()))})", re.IGNORECASE)
    for pattern, kinds in ((before, data.INCIDENT_HEADS), (after, getattr(data, "INCIDENT_TAILS", {})),
                           (suffered, data.INCIDENT_HEADS)):
        if pattern is None:
            continue
        for match in pattern.finditer(document):
            start, end = match.start(), match.end()
            name = re.sub(r"['’]s$", "", match.group("name"))
            if _overlaps(known, known_starts, start, end):
                continue
            if fold(name) in not_names or not_names & {fold(word) for word in name.split()}:
                continue  # "the attack on Monday", "the attack on the Irish State", "It was hit by a cyberattack"
            if (" " not in name and (_ABBREVIATION.fullmatch(name) or (getattr(data, "NOT_VICTIM_ENDINGS", ())
                                                                     and demonym.fullmatch(name)))
                    and re.match(r"\s+(?-i:[a-z])", document[match.end("name"):])):
                continue  # "the cyberattack on Georgian websites", "a breach of U.S. government computers": whose
            groups = match.groupdict()
            noun = groups.get("noun") or groups.get("tail_noun")
            if noun is None and _is_actor(gazetteer, language, name):
                continue
            key = f"{fold(noun)} {fold(name)}" if noun else fold(name)
            victim_end = match.end("victim") if groups.get("tail_noun") else match.start("name") + len(name)
            victim = re.sub(r"\s+", " ", document[match.start("victim"):victim_end])
            if any(f" {fold(victim)} " in alias for alias in named_aliases):
                continue
            if noun and (known_incident := _incident_of_victim(gazetteer, kinds_of_nouns[fold(noun)], name, pick)):
                mentions.append(FoundMention(start, end, known_incident))
                continue
            if key not in incidents:
                # "the attack on the hospital in X" is named from its attack word; "the X hospital attack" from
                # its victim to its attack word, without the determiner ("X hospital attack", never "The X").
                if pattern is suffered:
                    # named from its attack word to its victim, with the victim's determiner as written
                    victim_written = document[match.start():victim_end].strip()
                    written = re.sub(r"\s+", " ", f"{match.group('head')} {data.INCIDENT_NAME_LINK} "
                                                   f"{victim_written[:1].lower()}{victim_written[1:]}"
                                     if victim_written[:1] != name[:1] else
                                     f"{match.group('head')} {data.INCIDENT_NAME_LINK} {victim_written}")
                else:
                    written = re.sub(r"\s+", " ", document[start:match.start("name") + len(name)]
                                     if pattern is before else document[match.start("victim"):end])
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


def _incident_of_victim(gazetteer: Gazetteer, kind: str, name: str, pick: Callable[[list[str]], str | None],
                        ) -> str | None:
    """The gazetteer's incident whose victim is of this kind and holds every word of the name, if `pick` finds one
    among them."""
    candidates = [incident for incident, _ in _of_kind_and_place(gazetteer, kind, name)]
    return pick(list(dict.fromkeys(candidates))) if candidates else None


def victims_named_by_kind(document: str, language: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """The gazetteer's victims the text names by what they are and where (« le CHU de Düsseldorf » for
    "Düsseldorf University Hospital"), where one victim only is of that kind there: (start, end, victim)."""
    pattern = _kind_and_place(language)
    if pattern is None:
        return
    kinds_of_nouns = {fold(noun): kind for noun, kind in language_data(language).VICTIM_NOUNS.items()}
    for match in pattern.finditer(document):
        victims = {victim for _, victim in _of_kind_and_place(gazetteer, kinds_of_nouns[fold(match.group("noun"))],
                                                              match.group("name"))}
        if len(victims) == 1 and (victim := victims.pop()) is not None:
            yield match.start(), match.end(), victim


def _of_kind_and_place(gazetteer: Gazetteer, kind: str, name: str) -> list[tuple[str, str | None]]:
    """(incident, victim) of the gazetteer whose victim is of this kind and whose name holds every word of `name`."""
    words = set(re.findall(r"\w+", fold(name)))
    return [(incident, victim) for victim_words, incident, victim in gazetteer.incidents_by_victim_kind().get(kind, ())
            if words <= victim_words]


@cache
def _kind_and_place(language: str) -> re.Pattern | None:
    """A victim noun, its link and a capitalised name: « CHU de Düsseldorf », "hospital in Düsseldorf"."""
    data = language_data(language)
    if not getattr(data, "VICTIM_NOUNS", None):
        return None
    name = rf"{_NAME_WORD}(?:{_SPACE}+{_NAME_WORD}){{0,2}}"
    return re.compile(rf"(?<![\w-])(?P<noun>{_alternation(data.VICTIM_NOUNS)}){_SPACE}+"
                      rf"(?:{_alternation(data.VICTIM_LINKS)}){_SPACE}*(?:(?:{_alternation(data.DETERMINERS)}){_SPACE}*)?"
                      rf"(?P<name>{name})(?![\w-])", re.IGNORECASE)


def _victims(gazetteer: Gazetteer, incident: str) -> tuple[str, ...]:
    info = gazetteer.incident_info.get(incident)
    return tuple(info.victims) if info else ()


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
