"""The gazetteer as the extractor uses it: names, aliases, dated role descriptors, patterns.

Built from plain dicts (docs/gazetteer-format.md) so that it works without a database:
`Gazetteer.from_entries(...)` or `Gazetteer.from_directory(path)`.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from actors.names import ascii_spelling
from statements.dates import PartialDate

from .languages import all_languages, language_data
from .text import Folded, fold, tokens

ANY = "*"


@dataclass
class ActorInfo:
    name: str
    kind: str = "other"
    country: str = ""
    gender: str = ""


@dataclass
class HappeningInfo:
    """An incident or an event as linking needs it: when, what kind, who took part, what it was about."""

    name: str
    kind: str = "other"
    start: PartialDate | None = None
    end: PartialDate | None = None
    participants: frozenset[str] = frozenset()  # events: participants; incidents: victims and attributed actors
    incidents: frozenset[str] = frozenset()  # events: the incidents they concern
    victims: frozenset[str] = frozenset()  # incidents
    culprits: frozenset[str] = frozenset()  # incidents: the actors they are attributed to
    location: str = ""  # events: where they took place


@dataclass(frozen=True)
class Attribution:
    """One claimant's public attribution of an incident, on the day it made it."""

    incident: str
    claimant: str
    culprit: str
    date: PartialDate | None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    value: str  # canonical name (actor, incident, event)
    how: str  # alias | descriptor
    written: str
    inner: tuple[str, ...] = ()  # actors named inside ("le porte-parole du Kremlin" → Kremlin)
    holders: tuple[str, ...] = ()  # a dated descriptor: everyone who ever held a role it names


@dataclass
class _Entry:
    tokens: tuple[str, ...]
    value: str | None  # None: a dated descriptor, whose actor is the holder of one of `dated` at the date
    how: str
    alias: str
    case: str  # exact | cap | any
    language: str
    dated: list = field(default_factory=list)  # roles with this descriptor (for a name: roles that clash)

    def value_at(self, when: PartialDate | None) -> str | None:
        """The actor this entry names at `when`, None when no one or more than one holds it then."""
        holders = {role.actor for role in self.dated if role.valid_at(when)}
        if self.value is not None:
            return None if holders - {self.value} else self.value
        return holders.pop() if len(holders) == 1 else None


TITLE_CASE_ACRONYM = 4  # letters from which an acronym is also written as a word: Anssi, Otan, Nato, Cnil


def _case_mode(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    if not letters:
        return "any"
    if all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    if any(c.isupper() for c in letters):
        return "cap" if letters[0].isupper() else "any"
    return "any"


class Matcher:
    """Longest, left-to-right, non-overlapping matching of token sequences."""

    def __init__(self, blockers: set[str] | None = None):
        self.first: dict[str, list[_Entry]] = {}
        self.blockers = blockers or set()
        self._seen: dict[tuple, _Entry] = {}
        self.ambiguous: set[tuple] = set()

    def add(self, alias: str, value: str | None, how: str = "alias", language: str = ANY, strip: tuple = (),
            role: _Role | None = None) -> None:
        """An alias or a descriptor of an actor, or (with `role`) a descriptor of whoever holds the role."""
        if " & " in alias:  # "Marks & Spencer" is written "Marks and Spencer" as often
            for word in _coordinators(language):
                self.add(alias.replace(" & ", f" {word} "), value, how, language, strip, role)
        toks = tuple(t for t, _, _ in tokens(fold(alias)))
        for det in strip:
            dt = tuple(t for t, _, _ in tokens(fold(det)))
            if dt and toks[: len(dt)] == dt and len(toks) > len(dt):
                toks = toks[len(dt):]
                break
        if not toks:
            return
        previous = self._seen.get(toks)
        if previous is not None:
            if role is not None:
                if previous.value != role.actor:
                    previous.dated.append(role)
            elif previous.value != value and how == "descriptor":
                self.ambiguous.add(toks)
            return
        entry = _Entry(toks, value, how, alias, _case_mode(alias) if how == "alias" else "any", language,
                       [role] if role is not None else [])
        self._seen[toks] = entry
        self.first.setdefault(toks[0], []).append(entry)

    def finalize(self) -> Matcher:
        for entries in self.first.values():
            entries.sort(key=lambda e: -len(e.tokens))
        self.lengths = {first: sorted({len(e.tokens) for e in entries}, reverse=True)
                        for first, entries in self.first.items()}
        return self

    def find(self, doc: Folded, when: PartialDate | None = None) -> list[Match]:
        """Left to right, the longest entry starting at each token: one dictionary look-up per
        length of entry that starts with this token (a handful), so linear in the text's tokens.
        Dated descriptors name their holder at `when`."""
        toks = doc.tokens
        words = doc.words
        lengths = self.lengths
        found: list[Match] = []
        n = len(toks)
        free = 0  # the first token not inside the last match
        for i in [i for i, word in enumerate(words) if word in lengths]:  # tokens that may start an entry
            if i < free:
                continue
            best = None
            for k in self.lengths.get(words[i], ()):
                entry = self._seen.get(tuple(words[i:i + k])) if i + k <= n else None
                if entry is None or entry.tokens in self.ambiguous:
                    continue
                value = entry.value_at(when) if entry.dated else entry.value
                if value is None:
                    continue
                start, end = doc.original_span(toks[i][1], toks[i + k - 1][2])
                written = doc.text[start:end]
                if not _case_ok(entry, written):
                    continue
                if entry.how == "descriptor" and i > 0 and toks[i - 1][0] in self.blockers:
                    continue
                best = (entry, value, k, start, end, written)
                break
            if best:
                entry, value, k, start, end, written = best
                inner = self._aliases_within(doc, i + 1, i + k) if k > 1 else ()
                holders = tuple(sorted({role.actor for role in entry.dated})) if entry.value is None else ()
                found.append(Match(start, end, value, entry.how, written, inner, holders))
                free = i + k
        return found


    def _aliases_within(self, doc: Folded, first: int, stop: int) -> tuple[str, ...]:
        """Names (not descriptors) lying wholly inside tokens first..stop-1."""
        toks, names, i = doc.tokens, [], first
        while i < stop:
            for entry in self.first.get(toks[i][0], ()):
                k = len(entry.tokens)
                if entry.how != "alias" or entry.dated or i + k > stop or entry.tokens in self.ambiguous:
                    continue
                if any(toks[i + j][0] != entry.tokens[j] for j in range(1, k)):
                    continue
                start, end = doc.original_span(toks[i][1], toks[i + k - 1][2])
                if _case_ok(entry, doc.text[start:end]):
                    names.append(entry.value)
                    i += k - 1
                    break
            i += 1
        return tuple(names)


@dataclass(frozen=True)
class DatedMatcher:
    """A matcher seen at a date (what `Folded.find` caches per date)."""

    matcher: Matcher
    when: PartialDate | None

    def find(self, doc: Folded) -> list[Match]:
        return self.matcher.find(doc, self.when)


def _case_ok(entry: _Entry, written: str) -> bool:
    if entry.case == "any":
        return True
    if entry.case == "exact":
        if _strip(written) == _strip(entry.alias):
            return True  # an acronym as written, or (four letters or more) as French papers write it: « l'Anssi »
        return len(_strip(written)) >= TITLE_CASE_ACRONYM and _strip(written) == _strip(entry.alias).capitalize()
    first = next((c for c in written if c.isalpha()), "")
    return first.isupper()


def _strip(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _date(value) -> PartialDate | None:
    if not value:
        return None
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.date):
        return PartialDate(value, "day")
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        return None


def _period_end(value: PartialDate) -> datetime.date:
    d = value.date
    if value.precision == "year":
        return datetime.date(d.year, 12, 31)
    if value.precision == "month":
        nxt = datetime.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return d


@dataclass
class _Role:
    actor: str
    title: str
    organisation: str | None
    start: PartialDate | None
    end: PartialDate | None
    descriptors: dict[str, list[str]] = field(default_factory=dict)

    def valid_at(self, when: PartialDate | None) -> bool:
        if when is None:
            return self.end is None
        if self.start and self.start.date > _period_end(when):
            return False
        return not (self.end and _period_end(self.end) < when.date)


class Gazetteer:
    def __init__(self):
        self.actors: dict[str, ActorInfo] = {}
        self._actor_aliases: list[tuple[str, str, str]] = []  # (alias, canonical, language)
        self._descriptors: list[tuple[str, str, str]] = []  # undated (descriptor, canonical, language)
        self._roles: list[_Role] = []
        self._incidents: list[tuple[str, str, str]] = []
        self._events: list[tuple[str, str, str]] = []
        self.incident_names: set[str] = set()
        self.incident_parties: list[tuple[str, set[str], set[str]]] = []  # (name, victims, attributed to)
        self.attributions: list[Attribution] = []
        self.event_names: set[str] = set()
        self.incident_info: dict[str, HappeningInfo] = {}
        self.event_info: dict[str, HappeningInfo] = {}
        self.topics: list[tuple[str, dict[str, list[str]]]] = []
        self._cache: dict = {}

    # ------------------------------------------------------------------ building
    @classmethod
    def from_entries(cls, actors=(), incidents=(), events=(), topics=()) -> Gazetteer:
        gaz = cls()
        for entry in actors or ():
            name = entry["name"]
            gaz.actors[name] = ActorInfo(name, entry.get("kind") or "other", entry.get("country") or "",
                                         entry.get("gender") or "")
            gaz._actor_aliases.append((name, name, ANY))
            for language, names in (entry.get("aliases") or {}).items():
                for alias in names or ():
                    gaz._actor_aliases.append((alias, name, language or ANY))
            for language, names in (entry.get("descriptors") or {}).items():
                for descriptor in names or ():
                    gaz._descriptors.append((descriptor, name, language or ANY))
            for role in entry.get("roles") or ():
                gaz._roles.append(_Role(name, role.get("title") or "", role.get("organisation"),
                                        _date(role.get("start")), _date(role.get("end")),
                                        role.get("descriptors") or {}))
        for entry in incidents or ():
            gaz.incident_names.add(entry["name"])
            victims = set(entry.get("victims") or ())
            culprits = {a.get("attributed_to") for a in entry.get("attributions") or () if a.get("attributed_to")}
            if victims and culprits:
                gaz.incident_parties.append((entry["name"], victims, culprits))
            gaz.attributions += [Attribution(entry["name"], claim["claimant"], claim["attributed_to"],
                                             _date(claim.get("date")))
                                 for claim in entry.get("attributions") or ()
                                 if claim.get("claimant") and claim.get("attributed_to")]
            gaz.incident_info[entry["name"]] = HappeningInfo(
                entry["name"], entry.get("kind") or "other", _date(entry.get("start")), _date(entry.get("end")),
                frozenset(victims | culprits), victims=frozenset(victims), culprits=frozenset(culprits))
            gaz._incidents.append((entry["name"], entry["name"], ANY))
            for key in ("aliases", "patterns"):
                for language, names in (entry.get(key) or {}).items():
                    for alias in names or ():
                        gaz._incidents.append((alias, entry["name"], language or ANY))
        for entry in events or ():
            gaz.event_names.add(entry["name"])
            gaz.event_info[entry["name"]] = HappeningInfo(
                entry["name"], entry.get("kind") or "other", _date(entry.get("start")), _date(entry.get("end")),
                frozenset(entry.get("participants") or ()), frozenset(entry.get("incidents") or ()),
                location=entry.get("location") or "")
            gaz._events.append((entry["name"], entry["name"], ANY))
            for language, names in (entry.get("aliases") or {}).items():
                for alias in names or ():
                    gaz._events.append((alias, entry["name"], language or ANY))
        for entry in topics or ():
            gaz.topics.append((entry["slug"], entry.get("keywords") or {}))
        return gaz

    @classmethod
    def from_directory(cls, directory) -> Gazetteer:
        directory = Path(directory)
        data = {}
        for name in ("actors", "incidents", "events", "topics"):
            path = directory / f"{name}.json"
            data[name] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        return cls.from_entries(**data)

    # ------------------------------------------------------------------ lookups
    def actor(self, name: str | None) -> ActorInfo | None:
        return self.actors.get(name) if name else None

    def aliases_of(self, name: str, language: str) -> list[str]:
        """An actor's aliases of the language (or of any)."""
        return self._names_by_canonical("aliases", self._actor_aliases, language).get(name, [])

    def _names_by_canonical(self, kind: str, entries, language: str) -> dict[str, list[str]]:
        """`entries` (alias, canonical name, language) grouped by canonical name, for one language (or any):
        built once per gazetteer and language."""
        key = (kind, language)
        if key not in self._cache:
            names: dict[str, list[str]] = {}
            for alias, canonical, alias_language in entries:
                if alias_language in (language, ANY):
                    names.setdefault(canonical, []).append(alias)
            self._cache[key] = names
        return self._cache[key]

    def national_bodies(self, language: str) -> dict[str, list[tuple[str, str, str]]]:
        """A state's bodies by their alias less its country's word (« ministère tchèque des Affaires étrangères »:
        "ministere des affaires etrangeres" -> (the Czech ministry, CZ, "tcheque")), so that a text naming one
        without its country, or with the country's word after it, finds the one of the state it speaks of. The
        word left out is the first, the second or the last (« Agence nationale de la police japonaise »).
        Two words may be left ("foreign ministry", of "Finnish foreign ministry") only when the word left out is
        one of its country's words (_country_words): not "intelligence agency", of "Central Intelligence
        Agency"."""
        key = ("national", language)
        if key not in self._cache:
            bodies: dict[str, list[tuple[str, str, str]]] = {}
            stopwords = language_data(language).stopwords
            country_words = self._country_words(language)
            for name, aliases in self._national_aliases(language):
                country = self.actors[name].country
                for alias in aliases:
                    words = [fold(word) for word in re.findall(r"[\w-]+", alias)]
                    for k in sorted({0, 1, len(words) - 1}):
                        rest = words[:k] + words[k + 1:]
                        if len(words) <= k or len(rest) < 2:
                            continue
                        if len(rest) == 2 and (country_words.get(words[k]) != country or set(rest) & stopwords
                                               or self.actors[name].kind != "agency" or min(map(len, rest)) < 2):
                            continue
                        if (name, country, words[k]) not in bodies.get(" ".join(rest), ()):
                            bodies.setdefault(" ".join(rest), []).append((name, country, words[k]))
            self._cache[key] = bodies
        return self._cache[key]

    def _national_aliases(self, language: str):
        """(name, aliases) of every body of the gazetteer that belongs to a state."""
        for name, aliases in self._names_by_canonical("aliases", self._actor_aliases, language).items():
            info = self.actors.get(name)
            if info is not None and info.country and info.kind not in ("person", "state"):
                yield name, aliases

    def _country_words(self, language: str) -> dict[str, str]:
        """The words that stand for one country in its bodies' aliases ("finnish", "tcheque"): a word that opens,
        or comes second in, the aliases of two of that country's agencies and of no other country's, and is no
        function word or institution noun ("department")."""
        data = language_data(language)
        bodies_by_word: dict[str, set[tuple[str, str]]] = {}
        for name, aliases in self._national_aliases(language):
            if self.actors[name].kind != "agency":
                continue
            for alias in aliases:
                for word in [fold(word) for word in re.findall(r"[\w-]+", alias)][:2]:
                    if len(word) > 2 and word not in data.stopwords and word not in data.institution_nouns:
                        bodies_by_word.setdefault(word, set()).add((name, self.actors[name].country))
        words = {}
        for word, bodies in bodies_by_word.items():
            countries = {country for _, country in bodies}
            if len(bodies) >= 2 and len(countries) == 1:
                words[word] = countries.pop()
        return words

    def national_body_matcher(self, language: str) -> Matcher:
        """The keys of national_bodies, in any case: « l'agence nationale de la police » as much as « l'Agence
        nationale de la police »."""
        keys = [(key, key, language) for key in self.national_bodies(language)]
        return self._simple("national-names", keys, language)

    def roles_at(self, when: PartialDate | None) -> list[_Role]:
        return [role for role in self._roles if role.valid_at(when)]

    def actor_matcher(self, language: str, when: PartialDate | None) -> DatedMatcher:
        """Names, and descriptors naming their holder at `when`: one matcher per language (built once,
        whatever the date), seen at the date."""
        view_key = ("actors-at", language, when)
        if view_key not in self._cache:
            self._cache[view_key] = DatedMatcher(self._actor_matcher(language), when)
        return self._cache[view_key]

    def _actor_matcher(self, language: str) -> Matcher:
        key = ("actors", language)
        if key not in self._cache:
            data = language_data(language)
            matcher = Matcher(set(data.DESCRIPTOR_BLOCKERS))
            for alias, name, lang in self._actor_aliases:
                if _usable(alias, lang, language):
                    matcher.add(alias, name, "alias", lang)
                    if (spelt := ascii_spelling(alias)) != alias:  # "Arne Schoenbohm" in English copy
                        matcher.add(spelt, name, "alias", lang)
            determiners = _determiners(language)
            for descriptor, name, lang in self._descriptors:
                if lang in (language, ANY):
                    matcher.add(descriptor, name, "descriptor", lang, determiners)
            for role in self._roles:
                for lang, names in role.descriptors.items():
                    if lang in (language, ANY):
                        for descriptor in names or ():
                            matcher.add(descriptor, None, "descriptor", lang, determiners, role)
            self._cache[key] = matcher.finalize()
        return self._cache[key]

    def event_names_of(self, event: str, language: str) -> list[str]:
        """An event's name and its aliases of the language (or of any)."""
        return self._names_by_canonical("event_names", self._events, language).get(event, [event])

    def incident_names_of(self, incident: str) -> list[str]:
        """An incident's name, aliases and patterns, in every language."""
        if "incident_names" not in self._cache:
            names: dict[str, list[str]] = {}
            for alias, name, _ in self._incidents:
                names.setdefault(name, []).append(alias)
            self._cache["incident_names"] = names
        return self._cache["incident_names"].get(incident, [])

    def incidents_by_victim_kind(self) -> dict[str, list[tuple[frozenset[str], str, str | None]]]:
        """Per kind of victim (VICTIM_NOUNS of every language: "hospital", "city"...), the incidents whose victim
        or name says it was one, with the folded words of that name and the victim (None where the incident has
        several): "Düsseldorf University Hospital" is a hospital's, with "dusseldorf", so that « une cyberattaque
        contre un hôpital de Düsseldorf » finds its incident and « le CHU de Düsseldorf » its victim."""
        if "victim_kinds" not in self._cache:
            nouns = {fold(noun): kind for data in all_languages() for noun, kind in data.VICTIM_NOUNS.items()}
            noun_pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(nouns, key=len, reverse=True)))})\b")
            by_kind: dict[str, list[tuple[frozenset[str], str, str | None]]] = {}
            for name, info in self.incident_info.items():
                only_victim = next(iter(info.victims)) if len(info.victims) == 1 else None
                for written, victim in (*((v, v) for v in sorted(info.victims)),
                                        *((alias, only_victim) for alias in self.incident_names_of(name))):
                    folded = fold(written)
                    words = frozenset(re.findall(r"\w+", folded))
                    for kind in dict.fromkeys(nouns[m.group()] for m in noun_pattern.finditer(folded)):
                        by_kind.setdefault(kind, []).append((words, name, victim))
            self._cache["victim_kinds"] = by_kind
        return self._cache["victim_kinds"]

    def incident_matcher(self, language: str) -> Matcher:
        return self._simple("incidents", self._incidents, language)

    def event_matcher(self, language: str) -> Matcher:
        return self._simple("events", self._events, language)

    def victim_matcher(self, language: str) -> Matcher:
        """The incidents' victims that are no actor of the gazetteer, by the names the incidents give them
        ("Saint-Gobain", "Hydro-Québec"); victims that are actors are found by their aliases (actor_matcher)."""
        victims = {victim for info in self.incident_info.values() for victim in info.victims} - self.actors.keys()
        return self._simple("victims", [(victim, victim, ANY) for victim in sorted(victims)], language)

    def _simple(self, kind, items, language) -> Matcher:
        key = (kind, language)
        if key not in self._cache:
            matcher = Matcher()
            for alias, name, lang in items:
                if _usable(alias, lang, language):
                    matcher.add(alias, name, "alias", lang)
            self._cache[key] = matcher.finalize()
        return self._cache[key]

    def topic_keywords(self, language: str) -> list[tuple[str, list[str]]]:
        out = []
        for slug, keywords in self.topics:
            words = [*keywords.get(language, []), *keywords.get(ANY, [])]
            out.append((slug, [fold(w) for w in words if w]))
        return out

    def topic_patterns(self, language: str) -> list[tuple[str, KeywordPattern]]:
        """One pattern per topic: any of its keywords at a word start (folded text). The topics of one
        language share one scan of each text (KeywordScan)."""
        cache = self.__dict__.setdefault("_topic_patterns", {})
        if language not in cache:
            topics = [(slug, words) for slug, words in self.topic_keywords(language) if words]
            scan = KeywordScan([words for _, words in topics])
            cache[language] = [(slug, KeywordPattern(words, scan, i)) for i, (slug, words) in enumerate(topics)]
        return cache[language]


class KeywordScan:
    """Where each of several keyword lists (the topics of a language) has a keyword at a word start, found in
    one pass over a text for all of them: a regular expression per list tries every position of the text with
    every keyword, and the callers ask every topic of the same text (a quote's context, the article's lead).

    The pass visits the word starts whose character begins some keyword and looks the keywords beginning
    with it up there; the answers for the last few texts are kept for the next lists asking about them (a
    caller may alternate between two texts, the lead and the article)."""

    KEPT = 4

    def __init__(self, keyword_lists: list[list[str]]):
        self.by_first: dict[str, tuple[str, ...]] = {}  # first character -> every keyword starting with it
        self.of_list: dict[str, list[tuple[int, tuple[str, ...]]]] = {}  # ... -> (list, its keywords, longest first)
        for index, words in enumerate(keyword_lists):
            by_first: dict[str, list[str]] = {}
            for word in sorted({word for word in words if word}, key=len, reverse=True):
                by_first.setdefault(word[0], []).append(word)
            for first, starting in by_first.items():
                self.by_first[first] = (*self.by_first.get(first, ()), *starting)
                self.of_list.setdefault(first, []).append((index, tuple(starting)))
        firsts = "".join(map(re.escape, sorted(self.by_first)))
        self.starts = re.compile(rf"(?<!\w)[{firsts}]") if firsts else None
        self._kept: tuple[tuple[str, dict[int, list[tuple[int, int]]]], ...] = ()  # (text, its spans), latest first

    def spans(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Per keyword list, in order, each word start where one of its keywords begins, with the end of the
        longest such keyword (what the list's regular expression would match there)."""
        kept = self._kept
        for kept_text, spans in kept:
            if kept_text is text:
                return spans
        found: dict[int, list[tuple[int, int]]] = {}
        for m in self.starts.finditer(text) if self.starts else ():
            start = m.start()
            first = text[start]
            if not text.startswith(self.by_first[first], start):
                continue
            for index, words in self.of_list[first]:
                word = next((word for word in words if text.startswith(word, start)), None)
                if word is not None:
                    found.setdefault(index, []).append((start, start + len(word)))
        self._kept = ((text, found), *kept[:self.KEPT - 1])
        return found


class KeywordPattern:
    """Any of some keywords at a word start, longest first (folded text): `search` and `findall` answer as
    the regular expression `pattern` would, from the scan the topics of a language share."""

    def __init__(self, words: list[str], scan: KeywordScan, index: int):
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")")
        self._scan, self._index = scan, index
        self._empty = "" in words  # an empty keyword matches at every word start: only the expression says where

    def search(self, text: str) -> re.Match | None:
        if self._empty:
            return self.pattern.search(text)
        spans = self._scan.spans(text).get(self._index)
        return self.pattern.match(text, spans[0][0]) if spans else None

    def findall(self, text: str) -> list[str]:
        if self._empty:
            return self.pattern.findall(text)
        out, end = [], 0
        for start, stop in self._scan.spans(text).get(self._index, ()):
            if start >= end:  # matches do not overlap: the next one starts after the last one's end
                out.append(text[start:stop])
                end = stop
        return out


@cache
def _coordinators(language: str) -> tuple[str, ...]:
    """The words for "and" of the language (of every language for a name of any language)."""
    languages = all_languages() if language == ANY else [language_data(language)]
    return tuple(dict.fromkeys(word for data in languages for word in data.COORDINATORS))


def _usable(alias: str, alias_language: str, language: str) -> bool:
    """Proper names work across languages; lowercase phrases only in their own language."""
    if alias_language in (language, ANY):
        return True
    return any(c.isupper() for c in alias)


def _determiners(language: str) -> tuple:
    if language == ANY:
        return tuple(d for data in all_languages() for d in data.DETERMINERS)
    return tuple(language_data(language).DETERMINERS)
