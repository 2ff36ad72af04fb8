"""The extraction pipeline: quotes, speakers, actors, incidents, events, topics, dates, claims.

All language knowledge comes from `languages/<code>.py`; this module holds only logic.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from statements.dates import PartialDate

from . import candidates, ner
from .claims import claim_type
from .dating import infer_date
from .gazetteer import Gazetteer
from .intervals import Intervals
from .languages import LanguageData, detect_language, language_data
from .model import ExtractedQuote, Extraction, NewActor, SpeakerCandidate, StatedRole
from .quotes import STRIP, QuoteSpan, find_quote_spans, paragraphs
from .text import SPACES, Folded, fold
from .when import find_date

_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ",
                            "\u2009": " ", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
QUOTE_MARKS = "«»“”\"‘„"
NAME = re.compile(r"(?<![\w'-])(?:[A-ZÀ-Ý][a-zà-ÿ'\-]+|[A-Z]\.)"
                  r"(?:\s+(?:(?:de|van|von|al|bin|da|del|le|la|di|du|ben)\s+)?"
                  r"(?:[A-ZÀ-Ý][\w'\-]+|[A-Z]\.)){1,5}(?![\w-])")
FAMILY_NAME_FIRST = {"CN", "TW", "KP", "KR", "VN"}  # countries whose names are written family name first
ORG_KINDS = ("agency", "igo", "state", "group", "company", "media", "other")

_WORD = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.!?…]")
SALIENCE_SENTENCES = 4  # sentences back in which a pronoun or a bare quote looks for its subject
ANON = "anonymous"
TOPIC_REACH = 100_000  # characters from the start read for the document's topics
SENTENCE_REACH = 1000  # characters before and after a quote read for its attribution, whatever the sentence's length
MAX_QUOTES = 1500  # quotations read per document: far above any article, a bound for hostile input
CONTINUATION_REACH = 1500  # characters between two quotes in which the next quote's speaker may be named
INSTITUTIONS_LOOKBACK = 40  # mentions back in which "the embassy" looks for its institution
PERSONS_LOOKBACK = 40  # how many persons back a pronoun or a role noun may reach (bounds the work per quote)
_CONJ = {}  # a subject that names no one ("un responsable", "des experts")
NARRATION_SUBJECT_WORDS = 8  # words before a narration's subject, at most (an introductory "Plus tôt dans la journée,")
ANY_SPEAKER = "any"  # the gender asked of a subject that no pronoun names: any person or body that speaks
_ANONYMOUS_SUBJECT = object()  # what a pronoun refers to when the sentence before is about an unnamed official


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

    @property
    def person(self) -> bool:
        return self.kind == "person"


@dataclass
class Who:
    name: str | None
    written: str = ""
    is_new: bool = False
    confidence: float = 0.0
    how: str = ""
    kind: str = "direct"
    verb: str = ""


@dataclass
class _Quote:
    span: QuoteSpan
    para: int
    prefix_start: int
    tail_end: int
    tail_new_sentence: bool
    who: Who | None = None


def extract_quotes(text: str, gazetteer: Gazetteer | None = None, published: PartialDate | None = None,
                   language: str | None = None, doc: Folded | None = None) -> Extraction:
    return _Run(text, gazetteer or Gazetteer(), published, language).run(doc or Folded(text or ""))


class _Run:
    def __init__(self, text, gazetteer, published, language):
        data = language_data(language if language in ("fr", "en") else detect_language(text or ""))
        if data.CODE not in _CONJ:
            _CONJ[data.CODE] = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, data.CONJUNCTIONS))})\s*$", re.I)
        self.text = text or ""
        self.norm = self.text.translate(_NORMALISE)
        self.norm_lower = self.norm.lower()
        self._anonymous_roles: dict[str, list[tuple[int, int]]] = {}
        self.gaz = gazetteer
        self.published = published
        self.when, self.when_source = published, "published" if published else ""  # the date roles are read at
        self.lang = language if language in ("fr", "en") else detect_language(self.text)
        self.data: LanguageData = language_data(self.lang)
        self.new_actors: dict[str, NewActor] = {}
        self.surnames: dict[str, str] = {}
        self.new_gender: dict[str, str] = {}
        self.documents: list[tuple[int, str, str]] = []  # (position, author, how found) of "communiqué de X"
        self.document_starts: list[int] = []
        self._role_titles: dict[str, list[str]] | None = None  # gazetteer role titles at self.when, per actor
        self.named_within: list[str] = []  # actors named inside descriptors, mentioned but never speakers

    # ------------------------------------------------------------------ pipeline
    def run(self, doc: Folded) -> Extraction:
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.sentence_starts = sorted({*self.para_starts, *(m.start() + 1 for m in _SENTENCE_END.finditer(self.text)
                                                            if self._boundary(m.start()))})
        self.mentions: list[Mention] = []
        self.mention_starts: list[int] = []
        self.persons: list[Mention] = []
        self.person_starts: list[int] = []
        all_spans = find_quote_spans(self.text)
        self._quote_marks = Intervals((s.open, s.close) for s in all_spans)
        if self.when is None:  # roles are read at the date the text tells (dating.py)
            self.when, self.when_source = infer_date(doc, self.gaz, self.data, self._quote_marks)
        for mention in self._gazetteer_mentions(doc):
            self._add_mention(mention)
        incidents = doc.find(self.gaz.incident_matcher(self.lang))
        events = doc.find(self.gaz.event_matcher(self.lang))
        self._ner_mentions([(m.start, m.end) for m in (*incidents, *events)])
        self._name_candidates()
        self._institution_candidates()
        self._acronym_candidates()
        spans = list(itertools.islice((s for s in all_spans if self._is_statement(s)), MAX_QUOTES))
        self.kept = spans
        self.kept_opens = [s.open for s in spans]
        self.kept_closes = sorted(s.close for s in spans)
        self.inside = Intervals((s.open, s.close + 1) for s in spans)
        self._documents()
        quotes = [self._context(s) for s in spans]
        self.quotes = quotes  # attributed in order: a sentence that is a quote already attributed has its speaker
        for q in quotes:
            q.who = self._attribute(q)
        self._chains(quotes)
        self._continuations(quotes)
        self._narration(quotes)
        topics = self._topics(doc.folded, 0, min(len(doc.folded), TOPIC_REACH), doc)
        result = Extraction(language=self.lang, published=self.published, roles_date=self.when,
                            roles_date_source=self.when_source)
        result.quotes = [self._output(q, incidents, events, doc) for q in quotes]
        result.actors = _unique([*(m.name for m in self.mentions if not m.is_new or m.name in self.new_actors),
                                 *self.named_within])
        for q in result.quotes:
            if q.speaker and q.speaker not in result.actors:
                result.actors.append(q.speaker)
        result.incidents = _unique(m.value for m in incidents)
        named = {m.name for m in self.mentions}
        for name, victims, culprits in self.gaz.incident_parties:
            # a victim and its attacker named together denote the incident ("Conti" + "Costa Rica")
            if name not in result.incidents and named & victims and named & culprits:
                result.incidents.append(name)
        result.events = _unique(m.value for m in events)
        result.topics = topics
        result.new_actors = list(self.new_actors.values())
        result.roles = self._roles()
        return result

    # ------------------------------------------------------------------ mentions
    def _gazetteer_mentions(self, doc: Folded) -> list[Mention]:
        out = []
        for m in doc.find(self.gaz.actor_matcher(self.lang, self.when)):
            info = self.gaz.actor(m.value)
            out.append(Mention(m.start, m.end, m.value, info.kind if info else "other",
                               info.gender if info else "", m.how, m.written))
            self.named_within.extend(m.inner)
            words = m.written.split()
            if info and info.kind == "person" and m.how == "alias" and len(words) >= 2:
                # a later "M. Wang" is the Wang named in full; Chinese and Korean names put the family name first
                surname = words[0] if info.country in FAMILY_NAME_FIRST else words[-1]
                self.surnames.setdefault(surname, m.value)
        return out

    def _ner_mentions(self, other_spans=()):
        taken = Intervals([*((m.start, m.end) for m in self.mentions), *other_spans])
        found = []
        for start, end, label in ner.entities(self.text, self.data.SPACY_MODEL, taken):
            if label not in ("PER", "PERSON", "ORG"):
                continue
            start, end, name = self._clean_name(start, end)
            if not name or taken.overlaps(start, end):
                continue
            if not label.startswith("PER") and self._quote_marks.contains(start):
                continue
            found.append((start, end, name, "person" if label.startswith("PER") else self._org_kind(name)))
        persons = {n for _, _, n, k in found if k == "person" and len(n.split()) >= 2}
        for full in persons:
            self.surnames.setdefault(full.split()[-1], full)
        for start, end, name, kind in found:
            words = name.split()
            if kind == "person" and len(words) == 1:
                if name not in self.surnames:
                    continue
                name = self.surnames[name]
            elif kind != "person" and len(words) == 1 and not (name.isupper() and len(name) >= 3):
                continue
            self._mention_new(start, end, name, kind)

    def _name_candidates(self):
        """Full names written somewhere in the text, so that a later bare surname resolves to them."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        for m in NAME.finditer(self.text):
            start, end, name = self._clean_name(m.start(), m.end())
            words = name.split()
            if not (2 <= len(words) <= 3) or self._org_kind(name) != "other":
                continue
            if taken.overlaps(start, end):
                continue
            self.surnames.setdefault(words[-1], name)
            if self._person_context(start, end) and not self._quote_marks.contains(start):
                self._mention_new(start, end, name, "person")

    def _acronym_candidates(self):
        """An acronym the gazetteer lacks that speaks ("The HSE said in a statement"): a body, so that a later
        "it said" finds it."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        for m in re.finditer(r"(?<![\w'-])[A-Z]{2,6}(?![\w'-])", self.text):
            if taken.overlaps(m.start(), m.end()) or self._quote_marks.contains(m.start()) \
                    or m.group() in self.data.not_names:
                continue
            verb = self.data.verb.match(self.norm, m.end() + 1)
            if verb and self.norm[m.end()] == " ":
                self._mention_new(m.start(), m.end(), m.group(), self._org_kind(m.group()) if
                                  self._org_kind(m.group()) != "other" else "agency")

    def _institution_candidates(self):
        """Institutions the gazetteer lacks, named by their noun and what the text adds ("the Russian embassy in
        The Hague", « l'ambassade de Chine à Londres »), so that a later "the embassy" or « elle » finds them."""
        taken = Intervals((m.start, m.end) for m in self.mentions)
        for m in self.data.new_institution.finditer(self.norm):
            if not (m.group("before").strip() or m.group("after").strip()) or taken.contains(m.start("noun")):
                continue  # a bare "the ministry" names nothing new; "Justice Department" is the gazetteer's
            start, end = m.start("name"), m.end("name")
            if self._quote_marks.contains(start) or self._preposition_before(m.start()):
                continue
            kind = next(iter(sorted(self.data.institution_nouns.get(fold(m.group("noun")), ()))), "agency")
            self._mention_new(start, end, re.sub(r"\s+", " ", self.text[start:end]), kind)

    def _person_context(self, start: int, end: int) -> bool:
        """A name written as a person's: after a title ("Rep.", "le ministre"), or before an apposition
        or a speech verb ("Ossian Smyth, the Minister of State", "Paul Reid said")."""
        before = self.norm[max(0, start - 30):start].rstrip()
        return bool(self.data.person_title_before.search(before)
                    or self.data.person_after.match(self.norm[end:end + 20]))

    def _clean_name(self, start, end):
        text = self.text
        while start < end and (text[start] in STRIP + QUOTE_MARKS + "'’(" or not text[start].isalnum()):
            start += 1
        while end > start and (text[end - 1] in STRIP + QUOTE_MARKS + "'’)," or text[end - 1] == "."):
            end -= 1
        name = re.sub(r"\s+", " ", text[start:end])
        words = name.split()
        while words and (words[0] in self.data.not_names or words[0] in self.data.NAME_TITLES
                         or fold(words[0]) in self.data.stopwords
                         or fold(words[0]).rstrip("'") in self.data.determiners):
            start = text.find(words[1], start) if len(words) > 1 else end
            words = words[1:]
        titles = [i for i, word in enumerate(words[:-1]) if word in self.data.NAME_TITLES]
        if titles:  # "Dutch Defence Minister Ank Bijleveld": the words up to the title describe the name
            words = words[titles[-1] + 1:]
        words = words[-4:]
        if words and len(words) < len(name.split()):
            start = text.find(words[0], start)
        name = " ".join(words)
        if not name or not name[0].isupper() or len(name) < 3 or any(c.isdigit() for c in name):
            return start, end, ""
        if "\n" in text[start:end] or any(c in name for c in QUOTE_MARKS):
            return start, end, ""
        return start, end, name

    def _org_kind(self, name: str) -> str:
        words = set(re.findall(r"\w+", fold(name)))
        for kind, markers in self.data.org_words.items():
            if words & markers:
                return kind
        return "other"

    def _mention_new(self, start, end, name, kind) -> Mention:
        gender = self._guess_gender(start, end) if kind == "person" else ""
        if gender:
            self.new_gender.setdefault(name, gender)
        mention = Mention(start, end, name, kind, self.new_gender.get(name, ""), "ner", self.text[start:end], True)
        self._add_mention(mention)
        if name not in self.new_actors:
            self.new_actors[name] = NewActor(name, kind, self.lang)
        if kind == "person" and len(name.split()) >= 2:
            self.surnames.setdefault(name.split()[-1], name)
        return mention

    def _guess_gender(self, start, end) -> str:
        before = fold(self.norm[max(0, start - 40):start])
        after = fold(self.norm[end:end + 40])
        for markers, gender in ((self.data.female_markers, "female"), (self.data.male_markers, "male")):
            for marker in markers:
                if re.search(r"(?<!\w)" + re.escape(marker) + r"\W*$", before) or \
                        re.match(r"^\s*,\s*(?:la |le |l')?" + re.escape(marker) + r"(?!\w)", after):
                    return gender
        return ""

    def _add_mention(self, mention: Mention) -> None:
        """Mentions stay sorted by position (persons also on their own), each insertion a bisection."""
        i = bisect.bisect_right(self.mention_starts, mention.start)
        self.mentions.insert(i, mention)
        self.mention_starts.insert(i, mention.start)
        if mention.person:
            j = bisect.bisect_right(self.person_starts, mention.start)
            self.persons.insert(j, mention)
            self.person_starts.insert(j, mention.start)

    def _persons_before(self, pos: int):
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

    def _in_quote(self, pos: int) -> bool:
        return self.inside.contains(pos)

    def _preposition_before(self, pos: int) -> bool:
        before = re.split(r"[,;:.!?()\"«»“”]", self.norm[max(0, pos - 40):pos])[-1]  # within the clause
        words = re.findall(r"[\w]+'?|'", before)
        words = [fold(w) for w in words][-3:]
        while words and words[-1].rstrip("'") in self.data.determiners:
            words.pop()
        return bool(words) and words[-1].rstrip("'") in self.data.prepositions

    # ------------------------------------------------------------------ quotes
    def _is_statement(self, span: QuoteSpan) -> bool:
        inner = self.text[span.start:span.end]
        if not _WORD.search(inner):
            return False
        words = inner.split()
        if len(words) <= 3 and span.closed:
            return False
        before = self.norm[max(0, span.open - 40):span.open]
        if len(words) <= 8 and self.data.naming_cue_end.search(before):
            return False
        if len(words) <= 8 and not re.search(r"[.!?;:,]", inner.rstrip(".")):
            content = [w for w in words if fold(w).rstrip("'") not in self.data.title_function_words]
            capitals = [w for w in content if w[:1].isupper() or w[:1].isdigit()]
            if content and len(capitals) >= 0.6 * len(content) and len(capitals) >= 2:
                return False
        return True

    def _para(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def _boundary(self, i: int) -> bool:
        text = self.text
        char = text[i]
        if char not in ".!?…":
            return False
        j = i + 1
        while j < len(text) and text[j] in " \t" + "\u00a0\u202f":
            j += 1
        if j < len(text) and not (text[j].isupper() or text[j] in QUOTE_MARKS + "\n" or text[j].isdigit()):
            return False
        if char == ".":
            head = text[max(0, i - 12):i + 1]
            for abbr in self.data.abbreviations:
                if head.endswith(abbr) and (len(head) == len(abbr) or not head[-len(abbr) - 1].isalnum()):
                    return False
            if i >= 1 and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalnum()):
                return False
        return True

    def _context(self, span: QuoteSpan) -> _Quote:
        para = self._para(span.open)
        pstart, pend = self.paras[para]
        before = bisect.bisect_left(self.kept_closes, span.open)
        lower = max(pstart, (self.kept_closes[before - 1] + 1) if before else 0, span.open - SENTENCE_REACH)
        start = lower
        for i in range(span.open - 1, lower - 1, -1):
            if self._boundary(i):
                start = i + 1
                break
        after = bisect.bisect_right(self.kept_opens, span.close)
        upper = min(pend, self.kept_opens[after] if after < len(self.kept_opens) else len(self.text),
                    span.close + 1 + SENTENCE_REACH)
        end = upper
        if span.closed:
            for i in range(span.close + 1, upper):
                if self._boundary(i):
                    end = i
                    break
        else:
            end = span.close
        inner = self.text[span.start:span.end].rstrip(" " + QUOTE_MARKS)
        tail = self.text[span.close + 1:end].lstrip(STRIP)
        new_sentence = bool(inner) and inner[-1] in ".!?…" and bool(tail) and (tail[0].isupper() or tail[0] in "«“\"")
        return _Quote(span, para, start, max(end, span.close + 1), new_sentence)

    # ------------------------------------------------------------------ attribution
    def _attribute(self, q: _Quote) -> Who | None:
        s = q.span
        tail_a, tail_b = s.close + 1, q.tail_end
        pre_a, pre_b = q.prefix_start, s.open
        tail = self.norm[tail_a:tail_b]
        prefix = self.norm[pre_a:pre_b]
        if q.tail_new_sentence:
            m = self.data.verb.search(tail)
            if m and m.start() < 45 and len(tail.strip()) < 90:
                who = self._verb_subject(m, tail_a, tail_b, tail_a, strict_before=True)
                if who:
                    return who
            tail_b = tail_a
            tail = ""
        # 1. attribution right after the quote: ", a déclaré X" / ", X said" / ", selon X"
        src = self.data.source.search(tail)
        if src and not re.search(r"\w", tail[:src.start()]):
            return self._source(tail_a + src.end(), tail_b)
        m = self.data.verb.search(tail)
        if m and m.start() < 60 and len(re.findall(r"\w+", tail[:m.start()])) <= 6:
            who = self._verb_subject(m, tail_a, tail_b, tail_a)
            if who:
                return who
        # 2. attribution introducing the quote: "X a déclaré : «", "Selon X, «", "X : «"
        who = self._prefix_immediate(prefix, pre_a, pre_b)
        if who:
            return who
        # 3. anywhere after the quote in its sentence
        if src:
            return self._source(tail_a + src.end(), tail_b)
        if m:
            who = self._verb_subject(m, tail_a, tail_b, tail_a)
            if who:
                return who
        # 4. anywhere before it
        verbs = list(self.data.verb.finditer(prefix))
        if verbs:
            who = self._verb_subject(verbs[-1], pre_a, pre_b, pre_a, prefix_mode=True)
            if who:
                return who
        src = list(self.data.source.finditer(prefix))
        if src:
            return self._source(pre_a + src[-1].end(), pre_b)
        return None

    def _prefix_immediate(self, prefix: str, a: int, b: int) -> Who | None:
        src = self.data.prefix_source.search(prefix)
        verbs = list(self.data.verb.finditer(prefix))
        if verbs:
            v = verbs[-1]
            rest = prefix[v.end():]
            if len(re.findall(r"\w+", rest)) <= 5 or re.search(r"[:]\s*$", rest):
                who = self._verb_subject(v, a, b, a, prefix_mode=True)
                if who:
                    return who
        sources = list(self.data.source.finditer(prefix))
        if sources:
            last = sources[-1]
            if re.search(r",\s*$", prefix) and not re.search(r"[,;]", prefix[last.end():].rstrip().rstrip(",")):
                return self._source(a + last.end(), b)
        if src and not verbs:
            who = self._resolve(a + src.start("np"), a + src.end("np"), "after")
            if who and who.name and who.name is not ANON:
                return who
        colon = re.search(r"(?:^|[.;,]\s*)([^.;,:]{2,80}?)\s*:\s*$", prefix)
        if colon and not verbs:
            who = self._resolve(a + colon.start(1), a + colon.end(1), "before", require_mention=True)
            if who:
                return who
        return None

    def _source(self, a: int, b: int) -> Who:
        end = self._clause_end(a, b, ",")
        who = self._resolve(a, end, "after")
        if who is None:
            return Who(None, self.text[a:end].strip(), how="source-unknown")
        who.confidence = min(who.confidence, 0.85)
        return who

    def _clause_end(self, a: int, b: int, extra: str = "") -> int:
        for i in range(a, b):
            char = self.norm[i]
            if char in ";:!?\n()" + extra or (char == "." and self._boundary(i)):
                return i
            if char == "-" and self.norm[i - 1:i + 2] == " - ":
                return i
        return b

    def _verb_subject(self, m, base, limit, region_start, strict_before=False, prefix_mode=False) -> Who | None:
        """The subject of a speech verb matched in norm[base:...] (region from region_start to limit)."""
        verb_a, verb_b = base + m.start(), base + m.end()
        pron = m.groupdict().get("pron") or m.groupdict().get("pron2")
        if pron:
            return self._pronoun(pron, verb_a, m.group())
        before = self.norm[region_start:verb_a]
        conj = _CONJ.get(self.data.CODE)
        if conj and conj.search(before):
            earlier = [v for v in self.data.verb.finditer(self.norm, region_start, verb_a - 1)]
            if earlier:
                return self._verb_subject(self._shift(earlier[-1], base), base, limit, region_start,
                                          strict_before, prefix_mode)
        has_words = re.search(r"\w", before.replace("-", ""))
        if has_words:
            who = self._resolve(region_start, verb_a, "before")
            if who:
                who.verb = m.group()
                return who
            if strict_before or prefix_mode:
                return None
        if prefix_mode and has_words:
            return None
        end = self._clause_end(verb_b, limit)
        if has_words and self._opens_with_preposition(verb_b, end):
            return None  # "the ministry added in a statement": the subject was before the verb, unresolved
        who = self._resolve(verb_b, end, "after")
        if who:
            who.verb = m.group()
        return who

    def _opens_with_preposition(self, a: int, b: int) -> bool:
        first = re.match(r"\s*(\w+'?)", self.norm[a:b])
        return bool(first) and fold(first.group(1)).rstrip("'") in self.data.prepositions

    def _pronoun(self, pron: str, pos: int, verb: str = "") -> Who | None:
        gender = self.data.PRONOUNS.get(pron.lower())
        if gender in (None, "plural"):
            return Who(ANON, pron, how="pronoun-plural")
        subject, chain = self._salient_subject(pos, gender, pron.lower() in self.data.institution_pronouns)
        if subject is _ANONYMOUS_SUBJECT:
            return Who(ANON, pron, how="anonymous-anaphora")
        if subject is not None:
            return Who(subject.name, pron, subject.is_new, 0.75, "pronoun-subject", verb=verb)
        if gender == "neuter":
            return None
        fallback = None
        for mention in self._persons_before(pos):
            if self._in_quote(mention.start) or mention.start >= chain:
                continue  # "Il s'en est pris à son prédécesseur, X": X is what "il" speaks of, not "il"
            if mention.gender and mention.gender != gender:
                continue
            if self._preposition_before(mention.start):
                fallback = fallback or mention
                continue
            return Who(mention.name, pron, mention.is_new, 0.7, "pronoun", verb=verb)
        if fallback:
            return Who(fallback.name, pron, fallback.is_new, 0.55, "pronoun", verb=verb)
        return None

    def _salient_subject(self, pos: int, gender: str, institution_too: bool) -> tuple[object | None, int]:
        """The subject of the nearest sentences before pos that fits the pronoun: a sentence whose subject
        is itself a pronoun passes the question on to the sentence before ("Il s'en est pris à X"). Also
        where that chain of pronoun sentences starts: the persons named in it are not the pronoun's."""
        i = bisect.bisect_left(self.sentence_starts, pos) - 1
        end = chain = pos
        read = 0
        while read < SALIENCE_SENTENCES:
            if i < 0:
                return None, chain
            start = self.sentence_starts[i]
            if not _WORD.search(self.norm, start, end):  # the blank between a sentence's end and a paragraph
                end, i = start, i - 1
                continue
            read += 1
            first = _WORD.search(self.norm, start, end)
            opening = [] if first is None or self._in_quote(first.start()) else \
                [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", self.norm[start:min(end, start + 60)])[:3]]
            if opening and self.data.document.fullmatch(opening[1] if opening[0] in self.data.determiners and
                                                        len(opening) > 1 else opening[0]):
                return None, chain  # "The statement says...": a document speaks, not the last body named
            subject, pronoun = self._sentence_subject(start, end)
            if subject is not None:
                fits = (subject.gender in ("", gender) if subject.person
                        else institution_too or gender == "neuter")
                if subject.person and gender == "neuter":
                    fits = False
                if gender == ANY_SPEAKER:
                    fits = subject.kind in candidates.SPEAKING_KINDS
                if fits:
                    return subject, chain
                return None, chain  # the sentence before speaks of someone else: no guess
            if pronoun is not None:
                chain = start
            elif first is not None and not opening and (said := self._quoted_speaker(first.start())) is not None:
                if said.person and gender not in (ANY_SPEAKER, "neuter") and said.gender not in ("", gender):
                    return None, chain
                return said, chain  # "“It's having a severe impact.” [...] he was categorical. « ... »"
            elif self._anonymous_subject(start, end):
                return _ANONYMOUS_SUBJECT, chain  # "Un haut responsable, qui [...], a expliqué. « ... », a-t-il dit"
            elif opening and opening[0] in self.data.determiners:
                return None, chain  # "L'ambassade de Chine à Londres avait réagi": a subject no mention names
            elif self._para(start) != self._para(pos):
                return None, chain
            end, i = start, i - 1
        return None, chain

    def _quoted_speaker(self, pos: int) -> Mention | None:
        """The speaker already attributed to the quote around pos, as a mention."""
        i = bisect.bisect_right(self.kept_opens, pos) - 1
        if i < 0 or not getattr(self, "quotes", None) or i >= len(self.quotes) or self.kept[i].close < pos:
            return None
        who = self.quotes[i].who
        if who is None or not who.name or who.name is ANON:
            return None
        info = self.gaz.actor(who.name)
        new = self.new_actors.get(who.name)
        kind = info.kind if info else (new.kind if new else "person")
        gender = info.gender if info else self.new_gender.get(who.name, "")
        return Mention(self.kept[i].open, self.kept[i].close, who.name, kind, gender, "quote", who.written, who.is_new)

    def _anonymous_subject(self, start: int, end: int) -> bool:
        """The sentence opens on an unnamed person: "Un haut responsable de l'administration", "A senior official"."""
        words = re.findall(r"[\w-]+'?", self.norm[start:min(end, start + 80)])[:4]
        if not words or fold(words[0]) not in self.data.anonymous:
            return False
        return any(self.data.role.fullmatch(w) or self.data.spokes.fullmatch(w) for w in words[1:])

    def _sentence_subject(self, start: int, end: int) -> tuple[Mention | None, str | None]:
        """The sentence's subject: its first mention outside quotes and not governed by a preposition
        (an opinion's "Pour X," counts), unless a subject pronoun comes first (then that pronoun)."""
        first_pronoun = None
        for m in self.data.pronoun.finditer(self.norm, start, end):
            if not self._in_quote(m.start()) and len(re.findall(r"\w+", self.norm[start:m.start()])) <= 12:
                first_pronoun = m
                break
        for mention in self.mentions_in(start, end):
            if self._in_quote(mention.start):
                continue
            if first_pronoun is not None and first_pronoun.start() < mention.start:
                return None, first_pronoun.group()
            lead = fold(self.norm[start:mention.start]).strip(" ,")
            if self._preposition_before(mention.start) and lead not in self.data.opinion_prepositions:
                continue
            if lead.endswith("("):
                continue  # "(ONUDC)": an abbreviation in brackets restates the name before it
            lead_words = re.findall(r"[\w-]+'?", lead)
            while lead_words and lead_words[-1].rstrip("'") in self.data.determiners:
                lead_words.pop()
            if lead_words and lead_words[-1].rstrip("'") in self.data.genitive:
                continue  # "la ministre des Sciences", "la directrice de l'ONUDC": a complement, not the subject
            if not mention.person:
                person = next((p for p in self.mentions_in(mention.end, min(end, mention.end + 40)) if p.person), None)
                if person is not None and not re.search(r"[,;:]", self.norm[mention.end:person.start]):
                    return person, None
            return mention, None
        return None, first_pronoun.group() if first_pronoun else None

    def _definite_institution(self, a: int, b: int) -> Who | None:
        """'the embassy', 'le bureau fédéral': the latest institution named before that the noun fits, one
        whose name holds the noun first."""
        m = self.data.institution_noun.fullmatch(self.norm, a, b)
        if not m:
            return None
        noun = fold(m.group("noun"))
        kinds = self.data.institution_nouns.get(noun, set())
        i = bisect.bisect_left(self.mention_starts, a)
        for k in range(i - 1, max(-1, i - 1 - INSTITUTIONS_LOOKBACK), -1):
            mention = self.mentions[k]
            if not mention.person and not self._in_quote(mention.start) and (
                    noun in fold(mention.written) or noun in fold(mention.name)):
                return Who(mention.name, self.text[a:b].strip(), mention.is_new, 0.8, "definite-institution")
        i = bisect.bisect_left(self.sentence_starts, a) - 1
        end = a
        for _ in range(SALIENCE_SENTENCES):  # else the institution a recent sentence is about
            if i < 0:
                break
            subject, _ = self._sentence_subject(self.sentence_starts[i], end)
            if subject is not None and not subject.person and subject.kind in kinds:
                return Who(subject.name, self.text[a:b].strip(), subject.is_new, 0.65, "definite-institution-subject")
            end, i = self.sentence_starts[i], i - 1
        return None

    def _resolve(self, a: int, b: int, direction: str, require_mention: bool = False) -> Who | None:
        """Who a noun phrase norm[a:b] names: a person, an institution, a document's author, no one."""
        region = self.norm[a:b]
        if not re.search(r"\w", region):
            return None
        words = [fold(w) for w in re.findall(r"[\w-]+'?", region)]
        # a pronoun subject next to the verb
        if direction == "before" and not require_mention:
            pm = re.search(r"(?<![\w-])(\w+)((?:\s+[\w']+){0,2})\s*$", region)
            if pm and pm.group(1).lower() in self.data.PRONOUNS and all(
                    fold(c) in self.data.clitics for c in pm.group(2).split()):
                return self._pronoun(pm.group(1), a + pm.start(1))
        if direction == "after" and words and words[0] in self.data.PRONOUNS:
            return self._pronoun(words[0], a)
        mentions = [m for m in self.mentions_in(a, b)
                    if not self._preposition_before(m.start) and not self._in_quote(m.start)]
        # a document: "selon un communiqué de la Maison Blanche", "d'après ce compte-rendu"
        doc = self.data.document.search(region)
        subject_after = direction == "before" and re.search(r",\s*\w", region[doc.end():]) if doc else None
        if doc and len(re.findall(r"\w+", region[:doc.start()])) <= 2 and not subject_after:
            owners = [m for m in self.mentions_in(a + doc.end(), b)  # "diffusé par la Maison Blanche" included
                      if not m.person and not self._in_quote(m.start)]
            if owners:
                return Who(owners[0].name, self.text[a:b].strip(), owners[0].is_new, 0.8, "document", "readout")
            owner = self._last_document(b)  # this very document, when its author was found ("a readout ...")
            if owner:
                return Who(owner[0], self.text[a:b].strip(), False, 0.7, owner[1], "readout")
            return Who(ANON, self.text[a:b].strip(), how="document-unknown")
        persons = [m for m in mentions if m.person and not self._complement_of_role(a, m)]
        if persons:
            pick = persons[-1] if direction == "before" else persons[0]
            if direction == "after":
                first_segment = re.split(r",", region)[0]
                if pick.start > a + len(first_segment) and self._org_first(mentions, a + len(first_segment)):
                    org = self._org_first(mentions, a + len(first_segment))
                    if not (self.data.role.search(first_segment) or self.data.spokes.search(first_segment)):
                        return self._who(org)
            return self._who(pick)
        if direction == "before":
            segments = [(x.start(), x.end()) for x in re.finditer(r"[^,]+", region) if re.search(r"\w", x.group())]
            segments = segments[::-1]
        else:
            first = re.search(r"[^,]+", region)
            segments = [(first.start(), first.end())] if first else []
        for sa, sb in segments:
            seg_mentions = [m for m in mentions if a + sa <= m.start and m.end <= a + sb
                            and not (m.person and self._complement_of_role(a, m))]
            seg_text = region[sa:sb]
            if seg_mentions:
                org = seg_mentions[0]
                head = self.norm[a + sa:org.start]
                if self.data.role.search(head) and not self.data.spokes.search(head):
                    return Who(ANON, seg_text.strip(), how="role-of-org")
                after_org = self.norm[org.end:a + sb]
                if org.how == "alias" and self.data.role.match(after_org.lstrip()) and len(after_org.split()) <= 2:
                    holder = next(self._persons_before(org.start), None)
                    if holder is not None:
                        return Who(holder.name, seg_text.strip(), holder.is_new, 0.6, "org-role-anaphora")
                    return Who(ANON, seg_text.strip(), how="role-of-org")
                if self.data.spokes.search(head):  # "a spokesperson for the Chinese embassy": the embassy speaks
                    return Who(org.name, seg_text.strip(), org.is_new, 0.7, "spokes-org")
                if self._anonymous(head) and self._governed_by_head(head):
                    return Who(ANON, seg_text.strip(), how="anonymous")
                return self._who(org)
            spokes = self.data.spokes.search(seg_text)
            if spokes:  # "a spokesperson for the embassy": the embassy named before
                rest = re.match(r"\s*[\w']+\s*", self.norm[a + sa + spokes.end():a + sb])
                if rest and fold(rest.group().strip()).rstrip("'") in self.data.prepositions | self.data.genitive:
                    body_a = a + sa + spokes.end() + rest.end()
                    body = self._definite_institution(body_a, self._before_adjunct(body_a, a + sb))
                    if body is not None and body.name:
                        return Who(body.name, seg_text.strip(), body.is_new, 0.7, "spokes-institution")
            if self._anonymous(seg_text):
                return Who(ANON, seg_text.strip(), how="anonymous")
            if require_mention:
                return None
            cut = self._before_adjunct(a + sa, a + sb)
            anaphora = self._definite_institution(a + sa, cut) or self._definite_role(a + sa, cut)
            if anaphora:
                return anaphora
            name = self._new_name(a + sa, a + sb, direction)
            if name:
                return name
        if self._anonymous(region):
            return Who(ANON, region.strip(), how="anonymous")
        return None

    def _governed_by_head(self, head: str) -> bool:
        """The body after `head` is its complement ("un responsable du ministère", "an official at the
        agency"), not a subject of its own after an introduction ("In a call the White House said")."""
        words = [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", head)]
        while words and words[-1] in self.data.determiners:
            words.pop()
        return bool(words) and (words[-1] in self.data.genitive or words[-1] in self.data.prepositions)

    def _before_adjunct(self, a: int, b: int) -> int:
        """Where the noun phrase norm[a:b] ends before an adjunct: "le bureau fédéral | dans un communiqué",
        "le ministre des Affaires étrangères | à la sortie de la réunion" (its first two words are kept)."""
        for k, word in enumerate(re.finditer(r"[\w-]+'?", self.norm[a:b])):
            if k >= 2 and fold(word.group()).rstrip("'") in self.data.prepositions:
                return a + word.start()
        return b

    def _complement_of_role(self, a: int, mention: Mention) -> bool:
        """"le conseiller à la sécurité nationale du président américain": the person after the role's
        genitive is its complement, not the subject."""
        lead = self.norm[a:mention.start]
        words = [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", lead)]
        while words and words[-1] in self.data.determiners:
            words.pop()
        if not words or words[-1] not in self.data.genitive:
            return False
        return bool(self.data.role.search(lead) or self.data.spokes.search(lead)) and not re.search(r"[,;:]", lead)

    def _definite_role(self, a: int, b: int) -> Who | None:
        """'le chef de l'Etat', 'the minister': the last person named before, unless an anonymous one came after."""
        region = self.norm[a:b]
        definite = {fold(k) for k in self.data.DEFINITE_GENDER}
        # the determiner opens the phrase, or follows a short adverbial ("a déclaré en ouverture le conseiller")
        m = next((w for w in itertools.islice(re.finditer(r"(\w+'?)\s*", region), 3) if fold(w.group(1)) in definite),
                 None)
        if m is None:
            return None
        role = self.data.role.search(region, m.end()) or self.data.spokes.search(region, m.end())
        if not role or len(re.findall(r"\w+", region[m.end():role.start()])) > 2 or len(re.findall(r"\w+", region)) > 8:
            return None
        gender = {fold(k): v for k, v in self.data.DEFINITE_GENDER.items()}[fold(m.group(1))]
        person = holder = None
        noun = fold(role.group())
        for mention in self._persons_before(a):
            if not self._in_quote(mention.start) and (not gender or not mention.gender or mention.gender == gender):
                person = person or mention
                if self._holds_role(mention, noun):
                    holder = mention
                    break
        if holder is not None:  # the person the text (or the gazetteer, at the article's date) gives that role
            return Who(holder.name, region.strip(), holder.is_new, 0.7, "definite-role")
        named = self._next_sentence_subject(b)
        if named is not None and named.person and self._holds_role(named, noun):
            # "« ... », a déclaré le conseiller à la sécurité nationale. Jake Sullivan a décrit..."
            return Who(named.name, region.strip(), named.is_new, 0.6, "definite-role-next")
        anonymous = self._anonymous_role_mentions(role.group().lower())
        i = bisect.bisect_right(anonymous, (a, a)) - 1  # the last one ending before the subject
        if i >= 0 and (person is None or anonymous[i][1] > person.start):
            return Who(ANON, region.strip(), how="anonymous-anaphora")
        if person is None:
            return None
        return Who(person.name, region.strip(), person.is_new, 0.5, "definite-anaphora")

    def _next_sentence_subject(self, pos: int) -> Mention | None:
        """The subject of the sentence after the one around pos, in the same paragraph."""
        i = bisect.bisect_right(self.sentence_starts, pos)
        if i >= len(self.sentence_starts) or self._para(self.sentence_starts[i]) != self._para(pos):
            return None
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.norm)
        subject, _ = self._sentence_subject(start, min(end, start + SENTENCE_REACH))
        return subject

    def _holds_role(self, mention: Mention, noun: str) -> bool:
        """Whether the text gives the person that role ("Prime Minister Edi Rama", "Ghada Waly, la directrice
        exécutive") or the gazetteer does at the date roles are read at."""
        before = re.split(r"[,;:.!?()\"«»“”]", self.norm[max(0, mention.start - 80):mention.start])[-1]
        after = re.match(r"\s*,([^,;:.!?()\"«»“”]{0,100})", self.norm[mention.end:mention.end + 100])
        stated = fold(before) + " | " + (fold(after.group(1)) if after else "")
        if re.search(rf"(?<!\w){re.escape(noun)}", stated):
            return True
        if self._role_titles is None:
            self._role_titles = {}
            for held in self.gaz.roles_at(self.when):
                titles = self._role_titles.setdefault(held.actor, [])
                titles += [fold(held.title), *(fold(d) for d in held.descriptors.get(self.lang, ()))]
        return any(re.search(rf"(?<!\w){re.escape(noun)}", title) for title in self._role_titles.get(mention.name, ()))

    def _anonymous_role_mentions(self, noun: str) -> list[tuple[int, int]]:
        """(end, start) of each "un haut responsable" / "an official" naming the role noun anonymously,
        found once per noun over the whole text."""
        if noun not in self._anonymous_roles:
            pattern = re.compile(rf"(?<!\w)(\w+)(?:\s+[\w-]+){{0,2}}\s+{re.escape(noun)}")
            self._anonymous_roles[noun] = [(m.end(), m.start()) for m in pattern.finditer(self.norm_lower)
                                           if fold(m.group(1)) in self.data.anonymous]
        return self._anonymous_roles[noun]

    def _org_first(self, mentions, before):
        orgs = [m for m in mentions if not m.person and m.end <= before]
        return orgs[0] if orgs else None

    def _anonymous(self, region: str) -> bool:
        words = [fold(w) for w in re.findall(r"[\w-]+'?", region)]
        words = [w for w in words if w not in self.data.stopwords or w in self.data.anonymous][:3]
        return bool(words) and (words[0] in self.data.anonymous or words[0].rstrip("'") in self.data.anonymous)

    def _who(self, mention: Mention) -> Who:
        confidence = {"alias": 0.9, "descriptor": 0.8, "ner": 0.75, "name": 0.7}.get(mention.how, 0.7)
        return Who(mention.name, mention.written, mention.is_new, confidence, mention.how)

    def _governed(self, a: int, pos: int) -> bool:
        """A preposition inside the subject region norm[a:pos] governs the name at pos ("à la Maison Blanche",
        "in Carbis Bay"): a place or a complement, not the speaker. One that opens the region is its cue
        ("according to X")."""
        return self._preposition_before(pos) and bool(re.search(r"\w", self.norm[a:pos]))

    def _new_name(self, a: int, b: int, direction: str) -> Who | None:
        """An unknown name written in the subject: Capitalised Words, or a known surname."""
        found = []
        for m in NAME.finditer(self.text, a, b):
            start, end, name = self._clean_name(m.start(), m.end())
            if not name or self._governed(a, start) or self._in_quote(start):
                continue
            if len(name.split()) < 2 and name not in self.surnames:
                continue
            found.append((start, end, name))
        for m in re.finditer(r"(?<![\w-])[A-Z][\w'-]+(?![\w-])", self.text[a:b]):
            if m.group() in self.surnames and not self._governed(a, a + m.start()) \
                    and not re.search(r"[A-Z][\w'-]*\s+$", self.text[a:a + m.start()]):  # "Carbis Bay": not "Bay"
                found.append((a + m.start(), a + m.end(), self.surnames[m.group()]))
        how = "name"
        if not found and direction == "after":  # "a écrit Huntress sur son blog": one word right after the verb
            one = re.match(r"\s*([A-ZÀ-Ý][\w'-]{2,})(?![\w'-])", self.text[a:b])
            if one and one.group(1) not in self.data.not_names and one.group(1) not in self.data.NAME_TITLES \
                    and fold(one.group(1)) not in self.data.stopwords:
                found.append((a + one.start(1), a + one.end(1), one.group(1)))
                how = "single-name"
        if not found:
            return None
        found.sort()
        start, end, name = found[-1] if direction == "before" else found[0]
        name = self.surnames.get(name, name)
        kind = self._org_kind(name)
        kind = "person" if kind == "other" and len(name.split()) <= 4 and how == "name" else kind
        mention = self._mention_new(start, end, name, kind)
        return Who(mention.name, self.text[start:end], True, 0.65, how)

    # ------------------------------------------------------------------ documents
    def _documents(self):
        for m in self.data.document.finditer(self.norm):
            if self._in_quote(m.start()):
                continue
            window_end = min(len(self.norm), m.end() + 60)
            clause = self.norm[m.end():window_end]
            stop = re.search(r"[,;.:!?]", clause)
            window_end = m.end() + (stop.start() if stop else len(clause))
            owner, how = None, "document-anaphora"
            for mention in self.mentions_in(m.end(), window_end):
                between = fold(self.norm[m.end():mention.start])
                first = re.findall(r"[\w]+'?", between)
                if first and first[0].rstrip("'") in self.data.genitive and not mention.person:
                    owner = mention.name  # "le communiqué de la Maison Blanche"
                    break
                if any(word.rstrip("'") in self.data.agent_prepositions for word in first[:3]):
                    owner = mention.name  # "le compte rendu diffusé par la Maison Blanche"
                    break
            if owner is None:  # "In a statement, the White House said"
                owner, how = self._sentence_speaker(m.start()), "document-anaphora-speaker"
            if owner:
                self.documents.append((m.start(), owner, how))
                self.document_starts.append(m.start())

    def _sentence_speaker(self, pos: int) -> str | None:
        """Who speaks in the sentence around pos: the subject of its first speech verb outside quotes."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[i] if i >= 0 else 0
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.norm)
        end = min(end, start + SENTENCE_REACH)
        for verb in self.data.verb.finditer(self.norm, start, end):
            if self._in_quote(verb.start()):
                continue
            who = self._verb_subject(self._shift(verb, start), start, end, start, prefix_mode=True)
            if who and who.name and who.name is not ANON and who.kind != "readout":
                return who.name
            return None
        return None

    def _last_document(self, pos: int) -> tuple[str, str] | None:
        i = bisect.bisect_left(self.document_starts, pos)
        return self.documents[i - 1][1:] if i else None

    # ------------------------------------------------------------------ continuation
    def _chains(self, quotes):
        chains: dict[int, list[_Quote]] = {}
        for q in quotes:
            if q.span.chain >= 0:
                chains.setdefault(q.span.chain, []).append(q)
        for members in chains.values():
            known = [q.who for q in members if q.who and q.who.name]
            if not known:
                continue
            source = known[-1]
            for q in members:
                if not q.who or not q.who.name:
                    q.who = Who(source.name, source.written, source.is_new, min(source.confidence, 0.7),
                                "multi-paragraph", source.kind, source.verb)

    def _continuations(self, quotes):
        for index, q in enumerate(quotes):
            if q.who is not None and (q.who.name or q.who.how in ("source-unknown",)):
                continue
            if q.who is not None and q.who.name is ANON:
                continue
            if index == 0 or not self._bare(q):
                continue
            prev = quotes[index - 1]
            if q.para - prev.para > 1 or not prev.who or not prev.who.name or prev.who.name is ANON:
                continue
            between_b = q.prefix_start
            between_a = max(prev.tail_end, between_b - CONTINUATION_REACH)
            who = None
            for m in self.data.verb.finditer(self.norm, between_a, between_b):
                start = between_a
                for i in range(m.start() - 1, between_a - 1, -1):
                    if self._boundary(i):
                        start = i + 1
                        break
                candidate = self._verb_subject(self._shift(m, start), start, between_b, start, prefix_mode=True)
                if candidate and candidate.name:
                    who = candidate
            how = "continuation"
            if who is None:  # "M. Peskov a refusé de commenter. « ... »": the sentence before says who speaks
                subject = self._narration_subject(between_a, between_b)
                if subject is not None and subject.name != prev.who.name:
                    who, how = self._who(subject), "previous-sentence"
            if who is None:
                who = prev.who
            q.who = Who(who.name, who.written, who.is_new, min(who.confidence, 0.6), how, who.kind, who.verb)

    def _narration(self, quotes):
        """Quotes no rule attributed. A quote alone in its paragraph is the last narrated subject's
        ("Interrogé sur..., Bernard Cazeneuve est resté prudent." then « ... »); a quote inside narration is
        its sentence's subject's ("Le parquet de Paris a ouvert une enquête pour « ... »")."""
        for index, q in enumerate(quotes):
            if q.who is not None and (q.who.name or q.who.how == "source-unknown"):
                continue
            prefix = self.norm[q.prefix_start:q.span.open]
            prev = quotes[index - 1] if index else None
            if prev is not None and prev.who and prev.who.name and prev.who.name is not ANON \
                    and q.prefix_start == prev.span.close + 1 and self._coordinated(prev, q):
                # "Le Quai d'Orsay y évoque des « ... » et dit avoir « ... »": the same speaker goes on
                q.who = Who(prev.who.name, prev.who.written, prev.who.is_new, 0.5, "coordinated")
                continue
            if not prefix.strip():
                if not self._bare(q):
                    continue
                subject, _ = self._salient_subject(q.span.open, ANY_SPEAKER, True)
                how = "paragraph-subject"
            else:
                subject, pronoun = self._sentence_subject(q.prefix_start, q.span.open)
                how = "narration-subject"
                if subject is None and pronoun is not None:
                    at = self.norm.find(pronoun, q.prefix_start, q.span.open)
                    who = self._pronoun(pronoun, at) if at >= 0 else None
                    if who is not None and who.name and who.name is not ANON:
                        q.who = Who(who.name, who.written, who.is_new, 0.5, "narration-pronoun")
                    continue
                if subject is not None:
                    lead = self.norm[q.prefix_start:subject.start]
                    if self.data.document.search(lead):  # "The text goes on to urge Moscow to « ... »"
                        owner = self._last_document(q.span.open)
                        if owner:
                            q.who = Who(owner[0], lead.strip(), False, 0.5, "narration-document", "readout")
                        continue
                    if len(re.findall(r"\w+", lead)) > NARRATION_SUBJECT_WORDS:
                        continue  # far into its sentence: an object more often than the subject
            if subject is not None and subject is not _ANONYMOUS_SUBJECT and subject.kind in candidates.SPEAKING_KINDS:
                q.who = Who(subject.name, subject.written, subject.is_new, 0.5, how)

    def _coordinated(self, prev: _Quote, q: _Quote) -> bool:
        """Two quotes of one sentence, the second after a conjunction and a verb of the same subject."""
        between = self.norm[prev.span.close + 1:q.span.open]
        opens = fold(between.strip(" ,")) + " "
        if len(between) > 80 or not any(opens.startswith(conj + " ") for conj in self.data.CONJUNCTIONS):
            return False
        return not any(self._boundary(i) for i in range(prev.span.close + 1, q.span.open))

    def _narration_subject(self, a: int, b: int) -> Mention | None:
        """The subject of the last sentence of narration in norm[a:b], when it names a person or a body."""
        i = bisect.bisect_right(self.sentence_starts, b - 1) - 1
        while i >= 0 and self.sentence_starts[i] >= b - 1:
            i -= 1
        if i < 0 or self.sentence_starts[i] < a:
            return None
        subject, _ = self._sentence_subject(self.sentence_starts[i], b)
        return subject if subject is not None and subject.kind in candidates.SPEAKING_KINDS else None

    @staticmethod
    def _shift(m, base):
        class _M:
            def start(self_inner):
                return m.start() - base

            def end(self_inner):
                return m.end() - base

            def group(self_inner):
                return m.group()

            def groupdict(self_inner):
                return m.groupdict()

        return _M()

    def _bare(self, q: _Quote) -> bool:
        """Nothing else in the quote's sentence: no attribution and no other predicate."""
        tail = "" if q.tail_new_sentence else self.norm[q.span.close + 1:q.tail_end]
        if re.search(r"\w", tail):
            return False
        prefix = self.norm[q.prefix_start:q.span.open].strip()
        if not prefix or prefix.endswith(":"):
            return True
        return bool(self.data.complementizer_end.search(prefix))

    # ------------------------------------------------------------------ output
    def _output(self, q: _Quote, incidents, events, doc) -> ExtractedQuote:
        s = q.span
        who = q.who if q.who and q.who.name is not ANON else None
        name = who.name if who else None
        written = (q.who.written if q.who else "") or ""
        end = s.end
        while end > s.start and self.text[end - 1] in ", " + SPACES:  # "...territory," he said: the comma leads out
            end -= 1
        inner = self.text[s.start:end]
        prefix = self.norm[q.prefix_start:s.open].rstrip()
        kind = "direct"
        if inner[:1].islower() and prefix and re.search(r"[\w']$", prefix):
            kind = "partial"
        if who and who.kind == "readout":
            kind = "readout"
        context_a, context_b = q.prefix_start, q.tail_end
        outside = self.norm[context_a:s.open] + " " + self.norm[s.close + 1:context_b]
        statement_date = find_date(outside, self.data, self.published)
        quote_mentions = [m for m in self.mentions_in(s.start, s.end)]
        actors = _unique(m.name for m in quote_mentions)
        claim = claim_type(inner, who.verb if who else "", self.data)
        addressee = None
        if claim in ("demand", "warning", "accusation"):
            pool = quote_mentions + self.mentions_in(context_a, s.open) + self.mentions_in(s.close, context_b)
            for m in pool:
                if m.name != name and m.kind in ("state", "agency", "group", "person", "igo"):
                    addressee = m.name
                    break
        in_context = lambda m: m.start < context_b and context_a < m.end  # noqa: E731
        return ExtractedQuote(
            text=inner, start=s.start, end=end, kind=kind, speaker=name,
            speaker_as_written=written if name else (written if q.who else ""),
            speaker_is_new=bool(who and who.is_new), confidence=who.confidence if who else 0.3,
            statement_date=statement_date, actors=actors,
            incidents=_unique(m.value for m in incidents if in_context(m)),
            events=_unique(m.value for m in events if in_context(m)),
            topics=self._topics(doc.folded, *self._folded_range(doc, context_a, context_b), doc),
            claim_type=claim, addressee=addressee, how=q.who.how if q.who else "",
            candidates=self._candidates(q, who, context_a, context_b),
        )

    def _candidates(self, q: _Quote, who: Who | None, context_a: int, context_b: int) -> list[SpeakerCandidate]:
        """The speakers weighed for the quote, best first (statements/extraction/candidates.py); never
        changes the winner."""
        winner = None
        if who and who.name:
            winner = SpeakerCandidate(who.name, who.confidence, candidates.winner_cue(who.how, who.verb))
        elif q.who and q.who.name is None and q.who.written:  # "according to X", X not an actor yet
            winner = SpeakerCandidate(q.who.written, 0.3, candidates.winner_cue(q.who.how, ""))
        named = [m for m in self.mentions_in(context_a, context_b) if not self._in_quote(m.start)]
        previous = None
        i = bisect.bisect_right(self.sentence_starts, q.prefix_start - 1) - 1
        if i >= 0:
            previous, _ = self._sentence_subject(max(self.sentence_starts[i], q.prefix_start - SENTENCE_REACH),
                                                 q.prefix_start)
        return candidates.weighed(winner, [(m.name, m.kind) for m in named],
                                  (previous.name, previous.kind) if previous else None)

    def _folded_range(self, doc: Folded, a: int, b: int) -> tuple[int, int]:
        fa = bisect.bisect_left(doc._map, a)
        fb = bisect.bisect_left(doc._map, b)
        return fa, fb

    def _topics(self, folded: str, a: int, b: int, doc) -> list[str]:
        region = folded[a:b]
        out = []
        for slug, pattern in self.gaz.topic_patterns(self.lang):
            if pattern.search(region):
                out.append(slug)
        return out

    # ------------------------------------------------------------------ roles
    def _roles(self) -> list[StatedRole]:
        out, seen = [], set()
        role = self.data.role.pattern
        spokes = self.data.spokes.pattern
        head = rf"(?:{role}|{spokes})"
        for m in self.mentions:
            if not m.person:
                continue
            before = self.norm[max(0, m.start - 120):m.start]
            after = self.norm[m.end:m.end + 140]
            title = None
            b = re.search(rf"(?P<t>{head}[^,;.:!?()\"«»]{{0,100}}?),\s*$", before, re.IGNORECASE)
            if b:
                title = b.group("t")
                t_start = m.start - len(before) + b.start("t")
            else:
                f = re.match(rf"\s*,\s*(?:(?:le|la|l'|the|a|an)\s+)?(?P<t>{head}[^,;:!?()\"«»]{{0,100}}?)\s*,", after,
                             re.IGNORECASE)
                if f:
                    title = f.group("t")
                    t_start = m.end + f.start("t")
            if not title:
                continue
            title = re.sub(r"\s+", " ", title).strip()
            orgs = [x for x in self.mentions_in(t_start, t_start + len(title)) if not x.person]
            organisation = orgs[0].name if orgs else None
            key = (m.name, fold(title))
            if key not in seen:
                seen.add(key)
                out.append(StatedRole(m.name, self.text[t_start:t_start + len(title)], organisation))
        return out


def _unique(items) -> list:
    out, seen = [], set()
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
