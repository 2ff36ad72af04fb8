"""Who is in the text: the document's model of the people and bodies it names, before any quote is read.

Takes a Document and the incidents and events the gazetteer found in it; gives its mentions, sorted by
position: the gazetteer's actors (aliases and dated role descriptors), the names spaCy finds
(ner.py), the full names a title or a speech verb marks as a person's, the institutions the gazetteer
lacks ("the Russian embassy in The Hague") and the acronyms that speak ("The HSE said"); with each
one's kind and gender, the surnames that resolve a later bare "Wang" or "M. Peskov", and the actors
new to the gazetteer. Attribution (attribution.py) still adds the names it finds in a subject.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from actors.names import ascii_spelling

from . import ner
from .document import QUOTE_MARKS, Document
from .found_incidents import find_new_incidents, victims_named_by_kind
from .intervals import Intervals
from .model import NewActor
from .quotes import STRIP
from .text import Folded, fold

# Central European letters too ("Radosław Sikorski", "Łukasz", "Maroš Šefčovič"): Latin Extended-A; Arabic family
# names with their article ("Ali bin Fetais al-Marri")
# An initial is "K." or, in the house style of many English-language papers, a bare capital before a name ("K
# Shanmugam", "George W Bush"); never "A" or "I", which open sentences ("A Russian official").
_INITIAL = r"(?:(?:[A-Z]\.)+|(?-i:[B-HJ-Z])(?=\s+[A-ZÀ-Ý][a-zà-ÿ]{2}))"
NAME = re.compile(rf"(?<![\w'-])(?:[A-ZÀ-ÝĆČĎŁŃŘŚŠŹŻŽ][a-zà-ÿ\u0100-\u017f'\-]+(?:-[A-ZÀ-Ý][a-zà-ÿ\u0100-\u017f']+)*"
                  rf"|{_INITIAL})"
                  r"(?:\s+(?:(?:de|van|von|al|bin|da|del|le|la|di|du|ben)\s+)?"
                  rf"(?:[A-ZÀ-ÝĆČĎŁŃŘŚŠŹŻŽ][\w'\-]+|{_INITIAL}|(?:al|el|ad|ash|ul)-[A-Z][\w'\-]+)){{1,5}}(?![\w-])")
SURNAME_PARTICLES = {"de", "di", "da", "du", "del", "della", "van", "von", "le", "la", "al", "el", "bin", "ben", "ter"}
_ACRONYM = re.compile(r"[A-Z]{3,6}")  # "ARS", "CSA": a body's initials
_BRACKETED_ACRONYM_THEN_NAME = re.compile(r"[ \u00a0]?\([A-Z]{2,6}\)[ \u00a0]+(?P<rest>(?-i:[A-ZÀ-Ý])[\w-]+)")
_BARE_INITIAL = re.compile(r"(?<![\w.'-])([A-NP-Z])(?=\s+[A-ZÀ-Ý][a-zà-ÿ])")
_MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+(?:[A-Z]\.\s*)+(?=[A-ZÀ-Ý][a-zà-ÿ])")  # "Eric H. Holder": "H."
_GENERATION_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?$|,?\s+(?:II|III|IV)$")
FAMILY_NAME_FIRST = {"CN", "TW", "KP", "KR", "VN"}  # countries whose names are written family name first
_APPOSITION_END = re.compile(r"\s*(?:[,.;:!?()«»\"“”]|$)")  # a name set off by commas ends its apposition
CAPITALISED = re.compile(r"(?<![\w'-])[A-ZÀ-Ý][\w&'-]*(?:\s+[A-ZÀ-Ý][\w&'-]*){0,2}(?![\w-])")
_NAME_LEAD = STRIP + QUOTE_MARKS + "'’("  # what clean_name takes off a name's start...
_NAME_TRAIL = STRIP + QUOTE_MARKS + "'’),."  # ...and its end
_SPACE_RUN = re.compile(r"\s+")
_WORD = re.compile(r"[\w-]+")
MEDIUM_BEFORE = re.compile(r"(\w+)\s+$")  # the word right before a name
MEDIUM_AFTER = re.compile(r"\s+(\w+)")  # the word right after it
_HYPHENED_ACRONYM = re.compile(r"-[A-Z]{2,6}(?![\w-])")  # "US-CERT": the state's name is part of the body's
_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'.-])(?P<given>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)[^\S\n]$")
_CAPITALISED_WORDS = re.compile(r"(?:[^\S\n]+(?-i:[A-Z][\w&-]*)){1,5}")
_WORD_BEFORE = re.compile(r"([\w.-]+)[^\S\n]+$")  # the word right before a position, on its line
STATE_OPENED_WORDS = 2  # capitalised words after a state's name that may make a body's name of it ("France Travail")
NEXT_WORD = re.compile(r"[^\S\n](\w+)")  # the word right after a name, on its line
MEDIUM_REACH = 30  # characters read either side of a company's name for the noun of a medium
PORTFOLIO_REACH = 60  # characters before a body's name in which the role whose portfolio it may be is looked for
PORTFOLIO_CONTENT_WORDS = 2  # words other than articles between them: « ministre de l'Europe et des », « ministère
# géorgien des »
ROLE_APPOSITION_REACH = 80  # characters before a name in which the role it is set off from is looked for
BODIES_LOOKBACK = 40  # how many mentions back "the foreign ministry" or "the leaders" look for the body named before
PERSONS_LOOKBACK = 40  # how many persons back a pronoun or a role noun may reach (bounds the work per quote)


_POSSESSED_NAME: dict[str, re.Pattern | None] = {}  # per language: a name after a possessive ("Kaspersky's Ivan")


def _possessed_name(data) -> re.Pattern | None:
    if data.CODE not in _POSSESSED_NAME:
        markers = "|".join(map(re.escape, data.POSSESSIVE_MARKERS))
        _POSSESSED_NAME[data.CODE] = re.compile(rf"\w(?:{markers})\s+(?P<name>{NAME.pattern})") if markers else None
    return _POSSESSED_NAME[data.CODE]


def outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions not lying inside a longer one: "Georgia" in "Georgia's Foreign Ministry" is part of it."""
    return [m for m in mentions if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                                           for o in mentions)]


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("Information Commissioner's Office": ICO)."""
    return "".join(word[0] for word in re.findall(r"[A-Z][\w-]*", name))


def _linked_initials(name: str, links: set[str]) -> str:
    """The initials of a name's words with its short link words in lower case ("Transport for London": TfL,
    "Ministry of Defence": MoD, "Bundesamt für Verfassungsschutz": BfV)."""
    words = re.findall(r"[\w-]+", name)
    return "".join(word[0] for word in words if word[0].isupper() or fold(word) in links)


@dataclass
class Mention:
    start: int
    end: int
    name: str
    kind: str
    gender: str
    how: str  # alias | descriptor | ner | name
    written: str
    is_new: bool = False
    holders: tuple[str, ...] = ()  # a dated role descriptor: everyone the gazetteer says ever held the role

    @property
    def person(self) -> bool:
        return self.kind == "person"



def find_entities(doc: Document, incidents=(), events=()) -> Entities:
    """The document's mentions; the incidents' and events' names are never taken for people or bodies."""
    entities = Entities(doc)
    for mention in entities._gazetteer_mentions():
        entities.add_mention(mention)
    named_spans = [(m.start, m.end) for m in (*incidents, *events)]
    entities._state_named_body_mentions()
    entities._index_narrated_states()
    entities._victim_mentions(named_spans)
    entities._national_body_mentions(named_spans)
    entities._ner_mentions(named_spans)
    entities._name_candidates()
    entities._possessed_names()
    entities._possessed_bodies()
    entities._surname_mentions()
    entities._institution_candidates()
    entities._company_candidates(named_spans)
    entities._new_incident_victims(named_spans, {m.value for m in incidents})
    entities._acronyms_of_named_bodies()
    entities._acronym_candidates()
    entities._roles_to_named_holders()
    return entities


class Entities:
    def __init__(self, doc: Document):
        self.doc = doc
        self.mentions: list[Mention] = []
        self.mention_starts: list[int] = []
        self.persons: list[Mention] = []
        self.person_starts: list[int] = []
        self.new_actors: dict[str, NewActor] = {}
        self.surnames: dict[str, str] = {}
        self.new_gender: dict[str, str] = {}
        self.named_within: list[str] = []  # actors named inside descriptors, mentioned but never speakers
        self.victims: dict[str, str] = {}  # the incidents' victims the gazetteer has no actor for, and their kind
        self.state_named_bodies: list[tuple[int, int]] = []  # spans of bodies a state's name opens ("US-CERT")
        self.newspaper_titles: list[tuple[int, int]] = []  # spans of titles a place's name begins ("China Daily")
        self.narrated_states: dict[str, list[int]] = {}  # country -> where the narration names its state, in order

    def _gazetteer_mentions(self) -> list[Mention]:
        out = []
        named_in_full: dict[str, Mention] = {}  # surname -> the person the text named in full so far
        matches = self.doc.folded.find(self.doc.gaz.actor_matcher(self.doc.lang, self.doc.when))
        known = Intervals((m.start, m.end) for m in matches)
        for m in matches:
            info = self.doc.gaz.actor(m.value)
            if info and info.kind == "company" and self._names_a_medium(m.start, m.end):
                continue
            if info and info.kind == "state" and (title := self._newspaper_title(m.end)):
                self.newspaper_titles.append((m.start, title))  # "Iran Daily": a newspaper, not Iran
                continue
            if info and info.kind == "state" and (body := self._state_named_body(m.start, m.end, known)):
                self.state_named_bodies.append(body)  # "the U.S. Computer Emergency Readiness Team", "US-CERT"
                continue
            words = m.written.split()
            if info and info.kind == "person" and m.how == "alias" and len(words) == 1 \
                    and self._other_given_name(m.start, info.name):
                continue  # « Oleksiï Kouleba » is not Dmytro Kuleba: the name is left to the other passes
            if info and info.kind == "person" and m.how == "alias" and len(words) == 1 \
                    and (full := named_in_full.get(words[0])) is not None and full.name != m.value:
                # a bare surname is the person the text named in full before ("Jay Carney ... Mr. Carney"), not
                # another person of the gazetteer known by it alone (Mark Carney)
                out.append(Mention(m.start, m.end, full.name, full.kind, full.gender, m.how, m.written))
                continue
            out.append(Mention(m.start, m.end, m.value, info.kind if info else "other",
                               info.gender if info else "", m.how, m.written, holders=m.holders))
            # a descriptor names who it is about (« le porte-parole du Kremlin »); a body's own name only its state
            # ("United States Department of Justice"), not a shorter name it holds ("National Security Council")
            self.named_within.extend(inner for inner in m.inner if m.how != "alias" or self._is_state(inner))
            words = m.written.split()
            if info and info.kind == "person" and m.how == "alias" and len(words) >= 2:
                # a later "M. Wang" is the Wang named in full; Chinese and Korean names put the family name first
                surname = words[0] if info.country in FAMILY_NAME_FIRST else words[-1]
                self.add_surname(surname, m.value)
                named_in_full.setdefault(surname, out[-1])
        return out

    def _state_named_body_mentions(self):
        for start, end in self.state_named_bodies:
            name = _SPACE_RUN.sub(" ", self.doc.text[start:end])
            self.mention_new(start, end, name, "agency")

    def _victim_mentions(self, other_spans=()):
        """The victims the gazetteer's incidents name without making them actors ("Medibank", "CHU de Rennes",
        "Hydro-Québec"): bodies of the story, so that "the company said" or « a reconnu l'établissement » finds
        them. Not inside a longer name of an incident ("the Medibank hack"; the bare victim's name that an
        incident also takes is the victim's); a victim of no kind the text's words tell is taken for a company,
        what most victims are. A victim is one of the text's actors only when it speaks (output.py)."""
        mentioned = Intervals((m.start, m.end) for m in self.mentions)
        matches = self.doc.folded.find(self.doc.gaz.victim_matcher(self.doc.lang))
        exact = {(m.start, m.end) for m in matches}
        longer = Intervals(span for span in other_spans if span not in exact)
        for m in matches:
            if mentioned.overlaps(m.start, m.end) or longer.overlaps(m.start, m.end) \
                    or self.doc.quote_marks.contains(m.start):
                continue
            self._add_victim(m.start, m.end, m.value, m.written)
        # ...and by what they are and where (« le CHU de Düsseldorf », « l'hôpital de Versailles »)
        taken = Intervals([*((m.start, m.end) for m in self.mentions), *other_spans])
        for start, end, victim in victims_named_by_kind(self.doc.text, self.doc.lang, self.doc.gaz):
            if not taken.overlaps(start, end) and not self.doc.quote_marks.contains(start):
                self._add_victim(start, end, victim, self.doc.text[start:end])

    def _new_incident_victims(self, named_spans, named_incidents: set[str]):
        """The victims of the incidents the gazetteer lacks ("the cyber attack on Transport for London"), each
        place the text names them outside quotes and no longer name holds them: bodies of the story, as the
        gazetteer's victims are. Never a bare institution noun (« le piratage de l'Agence nationale des revenus »
        read as the attack on "Agence")."""
        _, incidents = find_new_incidents(self.doc.text, self.doc.lang, self.doc.gaz, named_spans, self.doc.published,
                                          named_incidents)
        for victim in {incident.victim for incident in incidents if incident.victim[:1].isupper()
                       and fold(incident.victim) not in self.doc.data.institution_nouns}:
            for m in re.finditer(rf"(?<![\w-]){re.escape(victim)}(?![\w-])", self.doc.text):
                if self.doc.quote_marks.contains(m.start()):
                    continue
                inside = self.mentions_in(m.start(), m.end())  # "London" of "Transport for London" is the name's
                if self._straddled(m.start(), m.end()) or any(x.end - x.start == len(victim) for x in inside):
                    continue
                for mention in inside:
                    self.remove_mention(mention)
                self._add_victim(m.start(), m.end(), victim, victim)

    def _straddled(self, a: int, b: int) -> bool:
        """A mention crosses a or b: it begins before a and ends inside, or begins inside and ends after b."""
        i = bisect.bisect_left(self.mention_starts, a)
        if i > 0 and self.mentions[i - 1].end > a:
            return True
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end > b:
                return True
            i += 1
        return False

    def _add_victim(self, start: int, end: int, victim: str, written: str) -> None:
        kind = self.org_kind(victim)
        self.victims.setdefault(victim, kind if kind != "other" else "company")
        self.add_mention(Mention(start, end, victim, self.victims[victim], "", "victim", written, True))

    def _national_body_mentions(self, other_spans=()):
        """A state's body of the gazetteer named without its country, in whatever case (« a déclaré l'agence
        nationale de la police » in a story about Japan): the body of the state the text speaks of there, or of
        the country's word after it (see _national_body)."""
        taken = Intervals([*((m.start, m.end) for m in self.mentions), *other_spans])
        for m in self.doc.folded.find(self.doc.gaz.national_body_matcher(self.doc.lang)):
            if taken.overlaps(m.start, m.end) or self.doc.quote_marks.contains(m.start) \
                    or self.doc.preposition_before(m.start) or self._name_goes_on_before(m.start):
                continue
            national = self._national_body(m.start, m.end)
            if national is not None:
                self.add_mention(national)

    def _name_goes_on_before(self, start: int) -> bool:
        """A capitalised word other than a determiner right before start: the name began there ("Georgian Foreign
        Ministry", "UN Security Council"), not "The Foreign Ministry"."""
        before = _WORD_BEFORE.search(self.doc.text, max(0, start - 40), start)
        return before is not None and before.group(1)[0].isupper() \
            and fold(before.group(1)) not in self.doc.data.determiners

    def _is_state(self, name: str) -> bool:
        info = self.doc.gaz.actor(name)
        return info is not None and info.kind == "state"

    def _state_named_body(self, start: int, end: int, known: Intervals) -> tuple[int, int] | None:
        """The span of a body the gazetteer lacks that a state's name at start:end begins or ends, when no name the
        gazetteer knows lies in the rest of it."""
        if body := self._national_body_named(start, end):
            return body if not known.overlaps(end, body[1]) else None
        if body := self._national_body_ending(start, end):
            return body if not known.overlaps(body[0], start) else None
        if body := self._state_opened_name(start, end):
            return body if not known.overlaps(end, body[1]) else None
        return None

    def _state_opened_name(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of a name a state's name opens, followed by capitalised words that are no title, weekday,
        month or function word ("France Travail", « France Télévisions », "Israel Defense Forces"): a body of
        its own, not the state. Not "the United States Government" (the state itself) nor "US Defense Secretary
        Lloyd Austin" (a role and its holder)."""
        words = _CAPITALISED_WORDS.match(self.doc.text, end)
        if words is None or len(words.group().split()) > STATE_OPENED_WORDS:
            return None  # "U.S. Olympians Simone Biles": longer runs hold a person's name
        data = self.doc.data
        for word in words.group().split():
            folded = fold(word)
            if word in data.NAME_TITLES or word in data.PLACE_OR_EVENT_WORDS or word in data.not_names \
                    or folded in data.stopwords \
                    or folded in data.determiners or "state" in data.institution_nouns.get(folded, ()):
                return None
        return start, words.end()

    def _national_body_named(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of a body the gazetteer lacks whose name a state's name begins: capitalised words ending on a
        body's noun ("U.S. Computer Emergency Readiness Team"), or an acronym joined by a hyphen ("US-CERT")."""
        joined = _HYPHENED_ACRONYM.match(self.doc.text, end)
        if joined:
            return start, joined.end()
        words = _CAPITALISED_WORDS.match(self.doc.text, end)
        if words and fold(words.group().split()[-1]) in self.doc.data.national_body_ends:
            return start, words.end()
        return None

    def _other_given_name(self, start: int, canonical: str) -> bool:
        """A given name the person's own does not begin like is written right before a surname the gazetteer
        knows ("Hunter Biden", « Oleksiï Kouleba »): another person of that surname. Never a title, a weekday or a
        word that opens a sentence ("President Biden", "Monday Biden", « Selon Kouleba »)."""
        before = _GIVEN_NAME_BEFORE.search(self.doc.text, max(0, start - 30), start)
        if before is None:
            return False
        given, data = before.group("given"), self.doc.data
        if given in data.not_names or given in data.NAME_TITLES or fold(given) in data.stopwords \
                or fold(given) in data.determiners or fold(given) in data.prepositions:
            return False
        return fold(given)[:1] != fold(canonical)[:1]

    def _national_body_ending(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of a body the gazetteer lacks whose name a state's name ends, after a genitive: capitalised
        words ending on a body's noun ("the National Police of Ukraine"), or a body's noun and its adjectives
        (« la Police nationale d'Ukraine »)."""
        before = self.doc.data.body_before_genitive.search(self.doc.text, max(0, start - 80), start)
        if before is None:
            return None
        words = before.group("body").split()
        ends = self.doc.data.national_body_ends
        for k in range(len(words)):  # the longest run of words that is a body's name
            run = words[k:]
            if run[0][0].isupper() and (all(word[0].isupper() for word in run) and fold(run[-1]) in ends
                                        or fold(run[0]) in ends and all(word.islower() for word in run[1:])):
                return self.doc.text.index(run[0], before.start("body") + len(" ".join(words[:k]))), end
        return None

    def _newspaper_title(self, end: int) -> int:
        """The end of a newspaper's title that a place's name ending at `end` begins ("China Daily", « le quotidien
        Iran Daily »), else 0."""
        after = NEXT_WORD.match(self.doc.text, end)
        return after.end() if after and after.group(1) in self.doc.data.NEWSPAPER_TITLE_WORDS else 0

    def _names_a_medium(self, start: int, end: int) -> bool:
        """Whether a company is named as where words were written ("on her Facebook account", "sur sa page
        Facebook"): the medium, neither a speaker nor an actor of the story."""
        before = MEDIUM_BEFORE.search(self.doc.text, max(0, start - MEDIUM_REACH), start)
        after = MEDIUM_AFTER.match(self.doc.text, end, end + MEDIUM_REACH)
        return bool(before and before.group(1).lower() in self.doc.data.MEDIUM_NOUNS_BEFORE
                    or after and after.group(1).lower() in self.doc.data.MEDIUM_NOUNS_AFTER)

    def _ner_mentions(self, other_spans=()):
        taken = Intervals([*((m.start, m.end) for m in self.mentions), *other_spans, *self.newspaper_titles])
        titles = Intervals(self.newspaper_titles)
        found = []
        for start, end, label in ner.entities(self.doc.text, self.doc.data.SPACY_MODEL, taken):
            if label not in ("PER", "PERSON", "ORG"):
                continue
            if titles.contains(start) and start < (title_end := titles.reach_before(end)) < end:
                # « au quotidien Iran Daily Mahmoud Liayi » read as one name: who follows the title is its source
                start, label = title_end, "PER"
            start, end, name = self.clean_name(start, end)
            if not name or taken.overlaps(start, end) or self.doc.datelines.contains(start):
                continue
            if not label.startswith("PER") and self.doc.quote_marks.contains(start):
                continue
            if not label.startswith("PER") and self._portfolio(start, name):
                continue
            found.append((start, end, name, "person" if label.startswith("PER") else self.org_kind(name)))
        persons = {n for _, _, n, k in found if k == "person" and len(n.split()) >= 2}
        for full in persons:
            self.add_surname(full.split()[-1], full)
        for start, end, name, kind in found:
            words = name.split()
            if kind == "person" and len(words) == 1:
                if name not in self.surnames:
                    continue
                name = self.surnames[name]
            elif kind != "person" and len(words) == 1 and not (name.isupper() and len(name) >= 3):
                continue
            self.mention_new(start, end, name, kind)

    def _portfolio(self, start: int, name: str) -> bool:
        """The name is a role's portfolio or the role itself, not a body: « le ministre des Affaires étrangères »,
        « le ministre coordinateur de la Sécurité nationale », « le Premier ministre »."""
        if self.doc.data.role.fullmatch(name):
            return True
        before = self.doc.norm[max(0, start - PORTFOLIO_REACH):start]
        roles = [*self.doc.data.role.finditer(before), *self.doc.data.new_institution_noun.finditer(before)]
        if not roles:
            return False
        between = [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", before[max(r.end() for r in roles):])]
        data = self.doc.data
        content = [w for w in between if w not in data.genitive | data.determiners | set(data.COORDINATORS)]
        # « directrice adjointe de la division technologie de Human Rights Watch »: a body, after nouns of its own
        return bool(set(between[-2:]) & data.genitive) and len(content) <= PORTFOLIO_CONTENT_WORDS

    def _name_candidates(self):
        """Full names written somewhere in the text, so that a later bare surname resolves to them."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        for m in NAME.finditer(self.doc.text):
            start, end, name = self.clean_name(m.start(), m.end())
            words = name.split()
            capitalised = [word for word in words if word[0].isupper()]  # "Ali bin Fetais al-Marri": two and particles
            if not (2 <= len(capitalised) <= 3 and len(words) <= 4) or self.org_kind(name) != "other":
                continue
            if taken.overlaps(start, end):
                continue
            self.add_surname(words[-1], name)
            if self._person_context(start, end) and not self.doc.quote_marks.contains(start):
                self.mention_new(start, end, name, "person")

    def _possessed_names(self):
        """A full name after the possessive of a body the text names is a person ("Kaspersky's Ivan
        Petrenko"): the name pattern read the possessor into the name, which the body's mention overlapped.
        Not a place's name ("King's College Hospital": an institution noun)."""
        possessed = _possessed_name(self.doc.data)
        if possessed is None:
            return
        taken = Intervals((m.start, m.end) for m in self.mentions)
        ends = {m.end for m in self.mentions if not m.person}
        for m in possessed.finditer(self.doc.norm):
            start, end, name = self.clean_name(m.start("name"), m.end("name"))
            words = name.split()
            if m.start() + 1 in ends and 2 <= len(words) <= 3 and self.org_kind(name) == "other" \
                    and not any(fold(w) in self.doc.data.institution_nouns for w in words) \
                    and not taken.overlaps(start, end) and not self.doc.quote_marks.contains(start):
                self.mention_new(start, end, name, "person")

    def _surname_mentions(self):
        """A bare surname of a person the text named in full before, where no name was found ("Dan Coats [...].
        Within an hour, Coats issued a rebuttal": the gazetteer knows him by his full name only), so that "the
        intelligence chief" or "he" after it finds him. Not inside a longer capitalised name."""
        first_full = {}
        for mention in self.persons:
            if len(mention.name.split()) >= 2:
                first_full.setdefault(mention.name, mention)
        surnames = {surname: name for surname, name in self.surnames.items()
                    if " " not in surname and len(surname) >= 3 and surname[0].isupper() and surname != name}
        if not surnames:
            return
        taken = Intervals((m.start, m.end) for m in self.mentions)
        pattern = re.compile(rf"(?<![\w'’.-])(?:{'|'.join(map(re.escape, sorted(surnames, key=len, reverse=True)))})"
                             rf"(?![\w'’-])(?![^\S\n]+[A-ZÀ-Ý])")
        text = self.doc.text
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()) \
                    or re.search(r"[A-ZÀ-Ý][\w'’-]*[^\S\n]+$", text[max(0, m.start() - 30):m.start()]):
                continue
            full = first_full.get(surnames[m.group()])
            if full is None:  # "Olympians Simone Biles and [...]. Biles, who won four gold medals, said": a name
                # written once without a cue, then as a person's surname
                if self._person_context(m.start(), m.end()) and not self.doc.quote_marks.contains(m.start()):
                    self.mention_new(m.start(), m.end(), surnames[m.group()], "person")
                continue
            if m.start() < full.end:
                continue
            gender = full.gender or self._guess_gender(m.start(), m.end())  # "M. Kallevik"
            self.add_mention(Mention(m.start(), m.end(), full.name, "person", gender, full.how, m.group(), full.is_new))

    def _possessed_bodies(self):
        """A body the gazetteer lacks, named between a possessive and its kind's noun ("Macron's En Marche!
        movement", "Acme's Threat Intelligence unit"): the body is the subject there, not its possessor."""
        possessed = self.doc.data.possessed_body
        if possessed is None:
            return
        taken = Intervals((m.start, m.end) for m in self.mentions)
        ends = {m.end for m in self.mentions}
        for m in possessed.finditer(self.doc.norm):
            start, end, name = self.clean_name(m.start("name"), m.end("name"))
            if m.start() + 1 in ends and name and not taken.overlaps(start, end) \
                    and not self.doc.quote_marks.contains(start):
                kinds = self.doc.data.INSTITUTION_NOUNS.get(m.group("noun").lower(), ["other"])
                self.mention_new(start, end, name, kinds[0])

    def _acronyms_of_named_bodies(self):
        """An acronym made of the initials of the capitalised words of a body named before is that body ("The
        Information Commissioner's Office said [...]. [...] an ICO spokesperson said"), also with its link words in
        lower case ("Transport for London [...] TfL told customers")."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        bodies = [m for m in self.mentions if not m.person]  # in text order: one pass over them and the acronyms
        by_initials: dict[str, Mention] = {}
        k = 0
        links = self.doc.data.acronym_links
        for m in re.finditer(r"(?<![\w'-])[A-Z](?:[a-z]?[A-Z]){1,5}(?![\w'-])", self.doc.text):
            while k < len(bodies) and bodies[k].start < m.start():
                by_initials[_linked_initials(bodies[k].written, links)] = bodies[k]  # "TfL", "MoD"
                by_initials[_initials(bodies[k].written)] = bodies[k]  # the latest body with these initials
                k += 1
            body = by_initials.get(m.group())
            if body is None or taken.overlaps(m.start(), m.end()) or self.doc.quote_marks.contains(m.start()):
                continue
            self.add_mention(Mention(m.start(), m.end(), body.name, body.kind, body.gender, "acronym", m.group(),
                                     body.is_new))

    def _acronym_candidates(self):
        """An acronym the gazetteer lacks that speaks ("The HSE said in a statement", "NHS England said"): a
        body, so that a later "it said" finds it, not a place the rest of its sentence names."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        for m in re.finditer(r"(?<![\w'-])[A-Z]{2,6}(?:\s[A-Z][a-z]+)?(?![\w'-])", self.doc.text):
            if taken.overlaps(m.start(), m.end()) or self.doc.quote_marks.contains(m.start()) \
                    or m.group() in self.doc.data.not_names or self.doc.datelines.contains(m.start()):
                continue
            verb = self.doc.data.verb.match(self.doc.norm, m.end() + 1)
            if verb and self.doc.norm[m.end()] == " ":
                self.mention_new(m.start(), m.end(), m.group(), self.org_kind(m.group()) if
                                  self.org_kind(m.group()) != "other" else "agency")

    def _company_candidates(self, other_spans=()):
        """Companies the gazetteer lacks that the text calls companies ("Kaseya, a Miami-based software
        company", « l'éditeur américain de logiciels Kaseya »), and their later bare mentions, so that "the
        company said" or « a indiqué l'entreprise » finds them. A name an incident takes too ("the Kaseya
        attack") is the company's only when the company speaks ("Kaseya, a software company, said")."""
        mentioned = Intervals((m.start, m.end) for m in self.mentions)
        incidents = Intervals(other_spans)
        norm, data, names = self.doc.norm, self.doc.data, set()
        speaks = None
        for m in CAPITALISED.finditer(self.doc.text):
            start, end, name = self.clean_name(m.start(), m.end())
            if not name or name in data.not_names or mentioned.overlaps(start, end) \
                    or self.doc.quote_marks.contains(start) or self.org_kind(name) not in ("other", "company"):
                continue
            after = data.company_after.match(norm, end)
            if not (after or data.company_before.search(norm[max(0, start - 80):start])
                    or data.spokes_after_name.match(norm, end) and not name.isupper() and name not in self.surnames):
                continue
            if incidents.overlaps(start, end):
                if speaks is None:
                    speaks = self._company_noun_speaks()
                if not (speaks or after and data.verb.match(norm, re.match(r",?\s*", norm[after.end():]).end()
                                                            + after.end())):
                    continue
            names.add(name)
        if not names:
            return
        taken = Intervals([*((m.start, m.end) for m in self.mentions), *((a, b) for a, b in other_spans
                                                                          if self.doc.text[a:b] not in names)])
        alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        pattern = re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w-])")
        for m in pattern.finditer(self.doc.text):
            if not taken.overlaps(m.start(), m.end()) and not self.doc.quote_marks.contains(m.start()):
                self.mention_new(m.start(), m.end(), m.group(), "company")

    def _company_noun_speaks(self) -> bool:
        """A speech verb just before "the company" (« a indiqué l'entreprise »)."""
        for m in self.doc.data.company_noun.finditer(self.doc.norm):
            verb = self.doc.data.verb.search(self.doc.norm, max(0, m.start() - 40), m.start())
            if verb and not self.doc.norm[verb.end():m.start()].strip():
                return True
        return False

    def _institution_candidates(self):
        """Institutions the gazetteer lacks, named by their noun and what the text adds ("the Russian embassy in
        The Hague", « l'ambassade de Chine à Londres »), so that a later "the embassy" or « elle » finds them."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        for m in self.doc.data.new_institution.finditer(self.doc.norm):
            if not (m.group("before").strip() or m.group("after").strip()) or taken.contains(m.start("noun")):
                continue  # a bare "the ministry" names nothing new; "Justice Department" is the gazetteer's
            if re.match(r"[ \u00a0](?=\w)", m.group("after")) and taken.contains(m.start("after") + 1):
                # « l'agence officielle Chine nouvelle »: the name set beside the noun is the body's own, and the
                # noun names it too (« a précisé l'agence »)
                known = self._mention_starting_at(m.start("after") + 1)
                if known is not None and not known.person:
                    self.remove_mention(known)
                    start = m.start("name")
                    self.add_mention(replace(known, start=start, written=self.doc.text[start:known.end]))
                continue
            start, end = m.start("name"), m.end("name")
            if self.doc.quote_marks.contains(start) or self.doc.preposition_before(m.start()):
                continue
            if m.group("noun").islower() and any(marker + " " in m.group("before")
                                                 for marker in self.doc.data.POSSESSIVE_MARKERS) \
                    and not self._owned_by_a_state(start):
                continue  # after a possessive only a capitalised name: not "the FBI's executive assistant director";
                # a state's body is one ("Russia's embassy in Berlin", "China's foreign ministry")
            kinds = self.doc.data.institution_nouns.get(fold(m.group("noun")), set())
            named = self._institution_named_before(start, kinds)
            if named is not None:
                self.add_mention(named)
                continue
            if not re.search(r"(?-i:[A-ZÀ-Ý])", m.group("before") + m.group("after")):
                # "the foreign ministry", only lower-case words: the body named before so ("Iran's foreign ministry")
                written = fold(self.doc.text[start:end])
                earlier = next((b for b in self.bodies_before(start) if written in fold(b.written)), None)
                if earlier is not None:
                    self.add_mention(Mention(start, end, earlier.name, earlier.kind, earlier.gender, earlier.how,
                                             self.doc.text[start:end], earlier.is_new))
                    continue
            if m.group("after").strip():
                end = self._adjective_after(end)
            national = self._national_body(start, end)
            if national is not None:
                self.add_mention(national)
                continue
            kind = next(iter(sorted(kinds)), "agency")
            owner = self.doc.data.possessive_owner.match(self.doc.norm, start, end)
            if owner and self.mentions_in(start, owner.end()) \
                    and len(re.findall(r"(?<![\w'-])(?-i:[A-ZÀ-Ý])", self.doc.text[owner.end():end])) >= 3:
                # "Germany's Federal Criminal Police Office": a name that says what it is on its own, its owner a
                # mention of its own ("Russia's embassy in Berlin", "Georgia's Foreign Ministry" need theirs; the
                # "King's" of "King's College Hospital" is no owner)
                start = owner.end()
            self.mention_new(start, end, re.sub(r"\s+", " ", self.doc.text[start:end]), kind)

    def _national_body(self, start: int, end: int) -> Mention | None:
        """A state's body of the gazetteer written without its country's word in its place: « le ministère des
        Affaires étrangères tchèque » (the word after it), or « a annoncé le ministère des Affaires étrangères »
        in a sentence about South Korea (the state the sentence, else the one before, is about)."""
        written = " ".join(fold(word) for word in _WORD.findall(self.doc.text[start:end]))
        candidates = self.doc.gaz.national_bodies(self.doc.lang).get(written)
        if not candidates:
            return None
        after = re.match(r"[ \u00a0]([\w-]+)", self.doc.text[end:end + 40])
        fits = {name for name, _, word in candidates if after and word == fold(after.group(1))}
        if len(fits) == 1:
            end += after.end()
        elif written.rsplit(" ", 1)[-1] in self.doc.data.stopwords:
            return None  # "department of the" needs its word after it ("Treasury")
        else:
            country = self._country_spoken_of(start)
            fits = {name for name, state, _ in candidates if country and state == country}
        if len(fits) != 1:
            return None
        name = fits.pop()
        info = self.doc.gaz.actor(name)
        return Mention(start, end, name, info.kind if info else "agency", "", "alias", self.doc.text[start:end])

    def _country_spoken_of(self, pos: int) -> str:
        """The country of the first state the sentence names before pos outside quotes and prepositions, else of
        the first the sentence before names, else the country of the story (_country_of_the_story) when the
        sentence names no other state before pos."""
        k = bisect.bisect_right(self.doc.sentence_starts, pos) - 1
        elsewhere = False  # a state the sentence places things in ("In Beijing on Tuesday, ...") or quotes
        for i in (k, k - 1):
            if i < 0:
                break
            a = self.doc.sentence_starts[i]
            b = self.doc.sentence_starts[i + 1] if i + 1 < len(self.doc.sentence_starts) else len(self.doc.text)
            for mention in self.mentions_in(a, pos if i == k else b):  # not "called Albania's decision"
                if country := self._narrated_country(mention):
                    return country
                elsewhere = elsewhere or (i == k and mention.kind == "state")
        return "" if elsewhere else self._country_of_the_story(pos)

    def _index_narrated_states(self) -> None:
        """Where the narration names each country's state ("in Finland" too), once the states are known (see
        _country_of_the_story)."""
        for mention in self.mentions:
            if country := self._state_country(mention):
                self.narrated_states.setdefault(country, []).append(mention.start)

    def _country_of_the_story(self, pos: int) -> str:
        """The country the narration before pos names most, at least twice and more often than any other ("the
        foreign ministry said" in a story about Finland), else ""."""
        ranked = sorted(((bisect.bisect_left(starts, pos), country)
                         for country, starts in self.narrated_states.items()), reverse=True)
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            return ranked[0][1]
        return ""

    def _narrated_country(self, mention: Mention) -> str:
        """The country of a state the narration names, not inside quotes nor after a preposition, else ""."""
        return "" if self.doc.preposition_before(mention.start) else self._state_country(mention)

    def _state_country(self, mention: Mention) -> str:
        """The country of a state named outside quotes, else ""."""
        if mention.kind != "state" or self.doc.quote_marks.contains(mention.start):
            return ""
        info = self.doc.gaz.actor(mention.name)
        return info.country if info is not None and info.country else ""

    def _adjective_after(self, end: int) -> int:
        """Where a body's name ends that the language writes with a lower-case adjective after its capitalised
        word (« le ministère des Affaires étrangères », « l'ambassade de Chine en République tchèque »)."""
        endings = self.doc.data.NAME_ADJECTIVE_ENDINGS
        word = re.match(r"[ \u00a0]([a-zà-ÿ]+)(?![\w'-])", self.doc.text[end:end + 30])
        if endings and word and word.group(1).endswith(tuple(endings)) \
                and fold(word.group(1)) not in self.doc.data.stopwords:
            return end + word.end()
        return end

    def _owned_by_a_state(self, start: int) -> bool:
        """Whether the name at start opens on a state's possessive ("Russia's ...")."""
        mention = self._mention_starting_at(start)
        return mention is not None and mention.kind == "state"

    def _mention_starting_at(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start == pos else None

    def _institution_named_before(self, start: int, kinds: set[str]) -> Mention | None:
        """« la diplomatie chinoise [...] le ministère des Affaires étrangères »: a national institution written
        without its country is the one named before whose alias, less the country's word after the institution's
        noun (« ministère chinois des Affaires étrangères »), the text writes out from start."""
        words = [(fold(w.group()), w.end()) for w in _WORD.finditer(self.doc.text, start, start + 200)]
        for before in reversed(self.mentions[:bisect.bisect_left(self.mention_starts, start)]):
            if before.is_new or before.how != "alias" or before.kind not in kinds:
                continue
            for alias in self.doc.gaz.aliases_of(before.name, self.doc.lang):
                alias_words = [fold(w) for w in _WORD.findall(alias)]
                shorter = alias_words[:1] + alias_words[2:]
                if len(shorter) >= 3 and [w for w, _ in words[:len(shorter)]] == shorter:
                    end = words[len(shorter) - 1][1]
                    return Mention(start, end, before.name, before.kind, before.gender, "alias",
                                   self.doc.text[start:end])
        return None

    def _roles_to_named_holders(self):
        """A role descriptor names the person the text gives it to before the gazetteer's holder at the
        date: first the name in apposition ("the FBI director, James Comey", "James Comey, le directeur du
        FBI"), then, for the same role elsewhere, the person an apposition gave it to, then (when neither
        the publication nor the text gives a date, so that the holder today is a guess) a past or present
        holder the article names ("Comey [...] a ajouté le patron du FBI"); a date inferred from the text is only
        a lower bound of the article's (dating.py), so there too)."""
        roles = [m for m in self.mentions if m.how == "descriptor" and m.holders and m.person]
        if not roles:
            return
        stated: dict[tuple[str, ...], list[Mention]] = {}  # per role (its holders): the persons given it, in order
        bare = []
        for role in roles:
            person = self._apposed_person(role)
            if person is None:
                bare.append(role)
                continue
            self._name_role_after(role, person)
            stated.setdefault(role.holders, []).append(role)
        named: dict[str, list[Mention]] = {}
        for mention in self.persons:
            if mention.how == "alias":
                named.setdefault(mention.name, []).append(mention)
        undated = self.doc.when_source != "published"
        candidates: dict[tuple[tuple[str, ...], bool], tuple[list[int], list[Mention]]] = {}  # built once per role
        for role in bare:
            if self.doc.when is None and len({holder for holder in role.holders if holder in named}) > 1:
                # no date at all, and the article names two holders (« Barack Obama » and « le président Trump »):
                # the holder today is no better a guess than the other, so « le président américain » names neither
                self.remove_mention(role)
                continue
            key = (role.holders, undated and role.name not in named)
            if key not in candidates:
                given = stated.get(role.holders, [])
                if not given and key[1]:
                    given = sorted((m for holder in role.holders for m in named.get(holder, ())), key=lambda m: m.start)
                candidates[key] = ([m.start for m in given], given)
            starts, given = candidates[key]
            if given:
                i = bisect.bisect_left(starts, role.start)
                self._name_role_after(role, given[i - 1] if i else given[0])

    def _apposed_person(self, role: Mention) -> Mention | None:
        """The person a role descriptor stands in apposition with: "James Comey, the FBI director" (a
        comma) or "the FBI director(,) James Comey"."""
        i = bisect.bisect_left(self.mention_starts, role.start)
        after = next((m for m in self.mentions[i:] if m.start >= role.end), None)
        if after is not None and after.person and after.how != "descriptor" and \
                not self.doc.norm[role.end:after.start].strip():
            return after  # "Attorney General X, FBI Director Y": a title right before a name is that name's
        before = next((self.mentions[k] for k in range(i - 1, -1, -1) if self.mentions[k].end <= role.start), None)
        if before is not None and before.person and before.how != "descriptor" and \
                self._apposition(self.doc.norm[before.end:role.start], comma=True):
            return before
        if after is None or not after.person or after.how == "descriptor":
            return None
        between = self.doc.norm[role.end:after.start]
        if not self._apposition(between, comma=False):
            return None
        if "," in between and not _APPOSITION_END.match(self.doc.norm, after.end):
            return None  # "Pour le président américain, Poutine a menti": the name opens the clause
        return after

    def _apposition(self, between: str, comma: bool) -> bool:
        """Only a comma (perhaps with determiners) between a name and a role: they are one person."""
        rest = between.strip()
        if rest.startswith(","):
            rest = rest[1:]
        elif comma:
            return False
        return all(fold(w).rstrip("'") in self.doc.data.determiners for w in re.findall(r"[\w-]+'?|\S", rest))

    def _name_role_after(self, role: Mention, person: Mention) -> None:
        role.name, role.gender, role.is_new = person.name, person.gender or role.gender, person.is_new

    def _person_context(self, start: int, end: int) -> bool:
        """A name written as a person's: after a title ("Rep.", "le ministre"), or before an apposition
        or a speech verb ("Ossian Smyth, the Minister of State", "Mark Hollis, head of", "Paul Reid said")."""
        before = self.doc.norm[max(0, start - 30):start].rstrip()
        after = self.doc.norm[end:end + 40]
        return bool(self.doc.data.person_title_before.search(before)
                    or self.doc.data.person_after.match(after)
                    or self.doc.data.apposed_role.match(after)
                    or self._apposed_to_role(start))

    def _apposed_to_role(self, start: int) -> bool:
        """The name follows a role or a spokesperson's title and a comma in its clause (« le ministre coordinateur
        de la Sécurité nationale, K. Shanmugam », « le porte-parole du ministère, Lim Soo-suk », "the head of the
        district, Uwe Schulze"): the role's holder."""
        clause = re.split(r"[.;:!?()\"«»“”]", self.doc.norm[max(0, start - ROLE_APPOSITION_REACH):start])[-1]
        if not clause.rstrip().endswith(","):
            return False
        roles = [*self.doc.data.role.finditer(clause), *self.doc.data.spokes.finditer(clause)]
        return bool(roles) and "," not in clause[max(role.end() for role in roles):].rstrip()[:-1]

    def clean_name(self, start, end):
        text, data = self.doc.text, self.doc.data
        while start < end and (text[start] in _NAME_LEAD or not text[start].isalnum()):
            start += 1
        while end > start and text[end - 1] in _NAME_TRAIL:
            end -= 1
        name = _SPACE_RUN.sub(" ", text[start:end])
        words = name.split()
        while words and (words[0] in data.not_names or words[0] in data.NAME_TITLES
                         or (folded := fold(words[0])) in data.stopwords and words[0] not in data.GIVEN_NAME_STOPWORDS
                         or folded.rstrip("'") in data.determiners
                         or folded in data.prepositions and folded not in SURNAME_PARTICLES):  # « Chez Free »
            start = text.find(words[1], start) if len(words) > 1 else end
            words = words[1:]
        titles = [i for i, word in enumerate(words[:-1]) if word in self.doc.data.NAME_TITLES]
        if titles:  # "Dutch Defence Minister Ank Bijleveld": the words up to the title describe the name
            words = words[titles[-1] + 1:]
        words = words[-4:]
        if words and len(words) < len(name.split()):
            start = text.find(words[0], start)
        name = " ".join(words)
        if not name or not name[0].isupper() or len(name) < 3 or any(map(str.isdigit, name)):
            return start, end, ""
        if "\n" in text[start:end] or any(map(name.__contains__, QUOTE_MARKS)):
            return start, end, ""
        return start, end, name

    def org_kind(self, name: str) -> str:
        words = set(re.findall(r"\w+", fold(name)))
        for kind, markers in self.doc.data.org_words.items():
            if words & markers:
                return kind
        return "other"

    def mention_new(self, start, end, name, kind) -> Mention:
        if kind == "person":
            name = _BARE_INITIAL.sub(r"\1.", name)  # "K Shanmugam" is "K. Shanmugam", as other papers write him
            if len(self.surnames.get(name, name).split()) > len(name.split()):
                name = self.surnames[name]  # "Di Rupo" is the Elio Di Rupo named before
            if (known := self._known_person_by_plain_name(name)) is not None:
                mention = Mention(start, end, known.name, "person", known.gender, "alias", self.doc.text[start:end])
                self.add_mention(mention)  # "Eric H. Holder Jr." is the gazetteer's Eric Holder, not a new actor
                return mention
        elif _ACRONYM.fullmatch(name) and (body := self._body_of_acronym(name, start)) is not None:
            mention = Mention(start, end, body.name, body.kind, "", body.how, self.doc.text[start:end], body.is_new)
            self.add_mention(mention)  # « l'ARS » after « l'Agence régionale de santé », "the CSA" after its name
            return mention
        else:
            bracketed = _BRACKETED_ACRONYM_THEN_NAME.match(self.doc.text, end)
            if bracketed and fold(bracketed.group("rest")) not in self.doc.data.stopwords:
                # « l'Agence régionale de santé (ARS) Bretagne »: the name goes on after its acronym
                name = f"{name} {bracketed.group('rest')}"
        gender = self._guess_gender(start, end) if kind == "person" else ""
        if gender:
            self.new_gender.setdefault(name, gender)
        mention = Mention(start, end, name, kind, self.new_gender.get(name, ""), "ner", self.doc.text[start:end], True)
        self.add_mention(mention)
        if name not in self.new_actors:
            self.new_actors[name] = NewActor(name, kind, self.doc.lang)
        if kind == "person" and len(name.split()) >= 2:
            self.add_surname(name.split()[-1], name)
        return mention

    def _known_person_by_plain_name(self, name: str):
        """The gazetteer's person a name stands for once its middle initials and generational suffix are left
        out ("Eric H. Holder Jr." -> "Eric Holder"), or None."""
        plain = _GENERATION_SUFFIX.sub("", _MIDDLE_INITIAL.sub(" ", name)).strip()
        if plain == name or len(plain.split()) < 2:
            return None
        matches = Folded(plain).find(self.doc.gaz.actor_matcher(self.doc.lang, self.doc.when))
        info = self.doc.gaz.actor(matches[0].value) if len(matches) == 1 and matches[0].how == "alias" \
            and matches[0].start == 0 and matches[0].end == len(plain) else None
        return info if info is not None and info.kind == "person" else None

    def _guess_gender(self, start, end) -> str:
        before = fold(self.doc.norm[max(0, start - 40):start])
        after = fold(self.doc.norm[end:end + 40])
        for markers, gender in ((self.doc.data.female_markers, "female"), (self.doc.data.male_markers, "male")):
            for marker in markers:
                if re.search(r"(?<!\w)" + re.escape(marker) + r"\W*$", before) or \
                        re.match(r"^\s*,\s*(?:la |le |l')?" + re.escape(marker) + r"(?!\w)", after):
                    return gender
        return ""

    def add_surname(self, surname: str, name: str) -> None:
        """A later bare surname is the person named in full first, also as copy without its letters spells it
        ("Ine Eriksen Søreide [...] Soereide told reporters")."""
        self.surnames.setdefault(surname, name)
        self.surnames.setdefault(ascii_spelling(surname), name)
        words = name.split()
        if len(words) >= 3 and words[-1] == surname and fold(words[-2]) in SURNAME_PARTICLES:
            self.surnames.setdefault(f"{words[-2]} {surname}", name)  # "Mr. Di Rupo" after "Elio Di Rupo"

    def remove_mention(self, mention: Mention) -> None:
        i = self.mentions.index(mention)
        del self.mentions[i], self.mention_starts[i]
        if mention.person:
            j = self.persons.index(mention)
            del self.persons[j], self.person_starts[j]

    def add_mention(self, mention: Mention) -> None:
        """Mentions stay sorted by position (persons also on their own), each insertion a bisection."""
        i = bisect.bisect_right(self.mention_starts, mention.start)
        self.mentions.insert(i, mention)
        self.mention_starts.insert(i, mention.start)
        if mention.person:
            j = bisect.bisect_right(self.person_starts, mention.start)
            self.persons.insert(j, mention)
            self.person_starts.insert(j, mention.start)

    def _body_of_acronym(self, acronym: str, pos: int) -> Mention | None:
        """The body named before pos whose first words' initials the acronym spells, articles and prepositions
        left out ("Agence régionale de santé" for ARS, "Cyber Security Agency of Singapore" for CSA)."""
        letters = acronym.upper()
        for body in self.bodies_before(pos):
            words = [w for w in re.findall(r"[^\W\d_]+", body.name) if fold(w) not in self.doc.data.stopwords]
            if len(words) >= len(letters) and "".join(w[0].upper() for w in words[:len(letters)]) == letters:
                return body
        return None

    def bodies_before(self, pos: int):
        """The bodies (not persons) named before pos, nearest first, at most BODIES_LOOKBACK mentions back."""
        i = bisect.bisect_left(self.mention_starts, pos)
        for k in range(i - 1, max(-1, i - 1 - BODIES_LOOKBACK), -1):
            if not self.mentions[k].person:
                yield self.mentions[k]

    def persons_before(self, pos: int):
        """Persons mentioned before pos, nearest first, at most PERSONS_LOOKBACK of them."""
        i = bisect.bisect_left(self.person_starts, pos)
        for k in range(i - 1, max(-1, i - 1 - PERSONS_LOOKBACK), -1):
            yield self.persons[k]

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out
