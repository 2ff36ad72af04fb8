"""Who speaks each quote: the rules that read the quote's sentence around it.

Takes a Document, its Entities and its Statements; fills each quote's `who` (a Who: the speaker's
name, or ANON for an unnamed one, the words written, the rule that found it, a confidence) in text
order, so that a sentence made of a quote already attributed passes its speaker on. In turn: a speech
verb right after the quote (", a déclaré X", ", X said"), "selon X" / "according to X", an
introduction before it ("X a déclaré : «"), then further away in the sentence. A subject is resolved
(`_resolve`) to a person or body named there, a pronoun (the subject of the sentences before,
`salient_subject`), a definite description ("the embassy", "le chef de l'Etat"), a document's author
("le communiqué de la Maison Blanche") or an anonymous official. Also the sentence subjects that
continuations.py and output.py read.
"""

from __future__ import annotations

import bisect
import itertools
import re

from . import candidates
from .document import Document
from .entities import NAME, Entities, Mention, outermost
from .intervals import Intervals
from .model import Who
from .spans import SENTENCE_REACH, QuoteInContext, Statements
from .text import DATELINE, fold

ANON = "anonymous"  # the name of a speaker the text leaves unnamed ("un haut responsable")
SALIENCE_SENTENCES = 4  # sentences back in which a pronoun or a bare quote looks for its subject
DOCUMENT_PRONOUN_PARAGRAPHS = 2  # paragraphs back in which "it added" looks for the document it stands for
INSTITUTIONS_LOOKBACK = 40  # mentions back in which "the embassy" looks for its institution
ADVERBIAL_WORDS = 2  # words of a time or manner adverbial between a speech verb and its subject ("mercredi soir")
ROLE_OPENING_WORDS = 6  # words of a sentence's opening read as its subject's role ("Le directeur général de X")
COMPANY_SENTENCES = 6  # sentences back in which "the company" looks for a company only its place names
ANY_SPEAKER = "any"  # the gender asked of a subject that no pronoun names: any person or body that speaks
GOVERNED_ROLE_WORDS = 4  # words from a preposition to the role it governs ("by the committee's chair")
STEM_LETTERS = 4  # first letters a country's name and its adjective share ("Russie" / "russe", "Chine" / "chinois")
OWN_REPORT_REACH = 5  # words between a speech verb and the "that" of its own report ("said in a statement that")
ANONYMOUS_SUBJECT = object()  # what a pronoun refers to when the sentence before is about an unnamed official
AMBIGUOUS_SUBJECT = object()  # ... when the sentence before introduces a second person it may as well refer to
_WORD = re.compile(r"\w")
DOCUMENT_REACH_PARAGRAPHS = 2  # "the statement said" names a document mentioned no further back than this, unnamed
_COMPOUND_MODIFIER = re.compile(r"-[a-zà-ÿ]")  # right after a name: "-based", "-linked", "-backed"
_CONJUNCTION_END: dict[str, re.Pattern] = {}  # per language: a subject that names no one ("un responsable et")


def attribute_quotes(doc: Document, entities: Entities, statements: Statements) -> Attribution:
    """Each statement's speaker, in text order; the rules are returned for the stages after."""
    rules = Attribution(doc, entities, statements)
    rules.find_documents()
    after_previous = 0
    for q in statements.quotes:
        q.who = rules.attribute(q)
        if q.who is not None and q.who.name and q.who.name is not ANON:
            # the quote's own sentence, and the narration since the quote before in this paragraph and the last
            since = max(after_previous, doc.para_starts[max(0, doc.para(q.span.open) - 1)])
            rules.own_documents(since, q.tail_end, q.who.name)
        after_previous = q.tail_end
    return rules


def _conjunction_end(data) -> re.Pattern:
    if data.CODE not in _CONJUNCTION_END:
        _CONJUNCTION_END[data.CODE] = re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, data.CONJUNCTIONS))})\s*$", re.I)
    return _CONJUNCTION_END[data.CODE]


def _joined_across(segments: list[tuple[int, int]], names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Comma-separated segments, those a name runs across joined ("the Department for Science, Innovation and
    Technology")."""
    inside_a_name = Intervals(names)
    joined: list[tuple[int, int]] = []
    for start, end in segments:
        if joined and inside_a_name.contains(joined[-1][1]):  # the comma that ends the segment before
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


class ShiftedMatch:
    """A match found in the whole text, read as if found in norm[base:] (what `verb_subject` takes)."""

    def __init__(self, m, base: int):
        self.m, self.base = m, base

    def start(self):
        return self.m.start() - self.base

    def end(self):
        return self.m.end() - self.base

    def group(self):
        return self.m.group()

    def groupdict(self):
        return self.m.groupdict()


class Attribution:
    def __init__(self, doc: Document, entities: Entities, statements: Statements):
        self.doc = doc
        self.entities = entities
        self.statements = statements
        self.text, self.norm, self.data = doc.text, doc.norm, doc.data  # read by every rule
        self.documents: list[tuple[int, str, str]] = []  # (position, author, how found) of "communiqué de X"
        self.document_starts: list[int] = []
        self.unowned_documents: list[int] = []  # positions of documents whose author the narration leaves unsaid
        self._role_titles: dict[str, list[str]] | None = None  # gazetteer role titles at doc.when, per actor
        self._anonymous_roles: dict[str, list[tuple[int, int]]] = {}
        self.victims = [m for m in entities.mentions if m.how == "victim"]  # the story's victims, in text order

    def attribute(self, q: QuoteInContext) -> Who | None:
        s = q.span
        tail_a, tail_b = s.close + 1, q.tail_end
        pre_a, pre_b = q.prefix_start, s.open
        tail = self.norm[tail_a:tail_b]
        prefix = self.norm[pre_a:pre_b]
        if q.tail_new_sentence:
            m = self.data.verb.search(tail)
            if m and m.start() < 45 and len(tail.strip()) < 90 and not self._reports_its_own(tail[m.end():]):
                who = self.verb_subject(m, tail_a, tail_b, tail_a, strict_before=True)
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
            who = self.verb_subject(m, tail_a, tail_b, tail_a)
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
            who = self.verb_subject(m, tail_a, tail_b, tail_a)
            if who:
                return who
        # 4. anywhere before it
        verbs = list(self.data.verb.finditer(prefix))
        if verbs and (who := self._subject_after_question(prefix, pre_a, pre_b, verbs[-1])) is not None:
            return who
        if verbs:
            who = self.verb_subject(verbs[-1], pre_a, pre_b, pre_a, prefix_mode=True)
            if who:
                return who
            if self.data.as_opener.match(prefix):
                # « Comme l'a écrit sur son compte le porte-parole du Kremlin, Dmitri Peskov, « ... » »: the subject
                # comes after the verb
                who = self._resolve(pre_a + verbs[0].end(), pre_b, "after")
                if who and who.name:
                    return Who(who.name, who.written, who.is_new, min(who.confidence, 0.7), "as-inverted", who.kind,
                               verbs[0].group())
        src = list(self.data.source.finditer(prefix))
        if src:
            return self._source(pre_a + src[-1].end(), pre_b)
        return None

    def _subject_after_question(self, prefix: str, a: int, b: int, verb: re.Match) -> Who | None:
        """"Asked [...] whether Russia was trying to [...], Obama declined to discuss “...”": a participle of being
        asked that opens the sentence is no speech verb of its own; the subject after its clause speaks."""
        if fold(verb.group()) not in self.data.questioned_participles or re.search(r"\w", prefix[:verb.start()]):
            return None
        comma = prefix.find(",", verb.end())
        if comma < 0:
            return None
        who = self._resolve(a + comma + 1, b, "after", require_mention=True)
        return who if who is not None and who.name else None

    def _prefix_immediate(self, prefix: str, a: int, b: int) -> Who | None:
        src = self.data.prefix_source.search(prefix)
        verbs = list(self.data.verb.finditer(prefix))
        if verbs:
            v = verbs[-1]
            rest = prefix[v.end():]
            if len(re.findall(r"\w+", rest)) <= 5 or re.search(r"[:]\s*$", rest):
                who = self.verb_subject(v, a, b, a, prefix_mode=True)
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
        opinion = self.data.opening_opinion.match(prefix)
        if opinion and not verbs:
            who = self._resolve(a + opinion.start("np"), a + opinion.end("np"), "after", require_mention=True)
            if who and who.name and who.name is not ANON:
                return who
        colon = re.search(r"(?:^|[.;,]\s*)([^.;,:]{2,80}?)\s*:\s*$", prefix)
        if colon and not verbs:
            who = None if self.data.participle_opening.match(colon.group(1)) else \
                self._resolve(a + colon.start(1), a + colon.end(1), "before", require_mention=True)
            if who:
                return who
            # "Senator Mark Warner of Virginia, the top Democrat on the committee, went further: “...”": the
            # sentence's subject says what follows its colon
            start = self.doc.sentence_starts[self._sentence_of(a + colon.start(1)) - 1]
            subject, _ = self.sentence_subject(start, a + colon.start(1))
            if subject is not None and start < a + colon.start(1):
                return self.who_of(subject)
            if self._anonymous_subject(a, b):  # « Un responsable, qui a requis l'anonymat, se montrait inquiet : «
                return Who(ANON, self.text[a:b].strip(" :"), how="anonymous")
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
            if char in ";:!?\n()" + extra or (char == "." and self.doc.boundary(i)):
                return i
            if char == "-" and self.norm[i - 1:i + 2] == " - ":
                return i
        return b

    def verb_subject(self, m, base, limit, region_start, strict_before=False, prefix_mode=False) -> Who | None:
        """The subject of a speech verb matched in norm[base:...] (region from region_start to limit)."""
        verb_a, verb_b = base + m.start(), base + m.end()
        pron = m.groupdict().get("pron") or m.groupdict().get("pron2")
        if pron:
            return self.pronoun(pron, verb_a, m.group())
        agent = self.passive_agent(verb_b, limit)
        if agent is not None:
            agent.verb = m.group()
            return agent
        before = self.norm[region_start:verb_a]
        conj = _conjunction_end(self.data)
        if conj and conj.search(before):
            earlier = [v for v in self.data.verb.finditer(self.norm, region_start, verb_a - 1)]
            if earlier:
                return self.verb_subject(ShiftedMatch(earlier[-1], base), base, limit, region_start,
                                          strict_before, prefix_mode)
        has_words = re.search(r"\w", before.replace("-", ""))
        if has_words:
            who = self._resolve(region_start, verb_a, "before")
            if who and self.data.document_clitic.search(before) and self._is_state(who.name):
                who = self._document_pointed_back(verb_a, m.group()) or who
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
        if has_words and fold(m.group().split()[-1]) in self.data.addressee_verbs:
            return None  # "the hackers told the BBC": the subject was before the verb, the BBC is spoken to
        if has_words and self._opens_with_complementizer(verb_b, end):
            return None  # "« ... » et rappelle que la France": what follows "que" is said, not who says it
        who = self._resolve(verb_b, end, "after")
        if who:
            who.verb = m.group()
        return who

    def passive_agent(self, a: int, b: int) -> Who | None:
        """The agent of a speech verb in the passive, right after it ("Russia was warned by Joe Biden that",
        « La Russie a été accusée par Londres de »): the one who speaks, not the sentence's subject."""
        by = re.match(r"\s*([\w-]+)\s+", self.norm[a:b])
        if not by or fold(by.group(1)) not in self.data.passive_agents:
            return None
        start = a + by.end()
        end = self._clause_end(start, b, ",")
        if self.data.role.search(self.norm, start, end) and self.norm[end:end + 1] == ",":
            end = self._clause_end(end + 1, b, ",")  # "was asked by its chair, Darren Jones:": the role's holder
        first = next((m for m in self.entities.mentions_in(start, end)
                      if not self.statements.in_quote(m.start)), None)
        if first is None or first.kind not in candidates.SPEAKING_KINDS or \
                re.search(r"[^\w\s',-]", self.norm[start:first.start]):
            return None
        return self.who_of(first)

    def _opens_with_complementizer(self, a: int, b: int) -> bool:
        first = re.match(r"\s*(\w+'?)", self.norm[a:b])
        return bool(first) and fold(first.group(1)) in {fold(c) for c in self.data.COMPLEMENTIZERS}

    def _opens_with_preposition(self, a: int, b: int) -> bool:
        first = re.match(r"\s*(\w+'?)", self.norm[a:b])
        return bool(first) and fold(first.group(1)).rstrip("'") in self.data.prepositions

    def pronoun(self, pron: str, pos: int, verb: str = "") -> Who | None:
        gender = self.data.PRONOUNS.get(pron.lower()) or self.data.STRESSED_PRONOUNS.get(pron.lower())
        if gender in (None, "plural"):
            return Who(ANON, pron, how="pronoun-plural")
        subject, chain = self.salient_subject(pos, gender, pron.lower() in self.data.institution_pronouns)
        if subject is ANONYMOUS_SUBJECT:
            return Who(ANON, pron, how="anonymous-anaphora")
        if subject is AMBIGUOUS_SUBJECT:
            return None  # a wrong speaker is worse than none: the quote goes to review
        if subject is not None:
            return Who(subject.name, pron, subject.is_new, 0.75, "pronoun-subject", verb=verb)
        if gender == "neuter":
            return self._document_pointed_by_pronoun(pron, pos, verb)
        fallback = None
        for mention in self.entities.persons_before(pos):
            if self.statements.in_quote(mention.start) or mention.start >= chain:
                continue  # "Il s'en est pris à son prédécesseur, X": X is what "il" speaks of, not "il"
            if mention.gender and mention.gender != gender:
                continue
            if self.doc.preposition_before(mention.start):
                fallback = fallback or mention
                continue
            return Who(mention.name, pron, mention.is_new, 0.7, "pronoun", verb=verb)
        if fallback:
            return Who(fallback.name, pron, fallback.is_new, 0.55, "pronoun", verb=verb)
        return None

    def salient_subject(self, pos: int, gender: str, institution_too: bool) -> tuple[object | None, int]:
        """The subject of the nearest sentences before pos that fits the pronoun: a sentence whose subject
        is itself a pronoun passes the question on to the sentence before ("Il s'en est pris à X"). Also
        where that chain of pronoun sentences starts: the persons named in it are not the pronoun's."""
        i = bisect.bisect_left(self.doc.sentence_starts, pos) - 1
        end = chain = pos
        read = 0
        while read < SALIENCE_SENTENCES:
            if i < 0:
                return None, chain
            start = self.doc.sentence_starts[i]
            if not _WORD.search(self.norm, start, end):  # the blank between a sentence's end and a paragraph
                end, i = start, i - 1
                continue
            read += 1
            first = _WORD.search(self.norm, start, end)
            opening = [] if first is None or self.statements.in_quote(first.start()) else \
                [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", self.norm[start:min(end, start + 60)])[:3]]
            if opening and self.data.document.fullmatch(opening[1] if opening[0] in self.data.determiners and
                                                        len(opening) > 1 else opening[0]):
                return None, chain  # "The statement says...": a document speaks, not the last body named
            if gender == "neuter" and (document := self._document_quote_in(start, end)) is not None:
                return document, chain  # "Russia would not sink “...,” the statement said. “...,” it added"
            subject, pronoun = self.sentence_subject(start, end)
            anonymous = self._anonymous_subject(start, end)
            if anonymous and pronoun is None and (subject is None or not subject.person):
                spoken_for = self._spokesperson_subject(start, end)
                if spoken_for is not None:
                    return spoken_for, chain  # "A Supo spokeswoman said [...]. « ... », she wrote": Supo speaks
                return ANONYMOUS_SUBJECT, chain  # "Un diplomate européen [...] jugeait possibles des sanctions, l'UE
                # ayant déjà puni [...]. « ... », a-t-il dit": the diplomat, not the EU nor a person named before
            if subject is not None and end == pos and self._parenthetical(start, pos):
                end, i = start, i - 1  # "The SVR, it said, « ... »": the SVR is what is said, not who says it
                continue
            if pronoun is None and (subject is None or not subject.person):
                subject = self._unlisted_subject(start, end) or subject
            if pronoun is None and subject is None and gender != "neuter" and \
                    (role := self._subject_role(start, end)) is not None:
                return self._role_subject_holder(start, role, gender), chain
            if pronoun is None and subject is None:
                subject = self._definite_body_subject(start, end)
            if subject is not None:
                fits = (subject.gender in ("", gender) if subject.person
                        else institution_too or gender == "neuter")
                if subject.person and gender == "neuter":
                    fits = False
                if gender == ANY_SPEAKER:
                    fits = subject.kind in candidates.SPEAKING_KINDS
                if fits and subject.person and self._introduces_another(start, end, subject.name, gender):
                    return AMBIGUOUS_SUBJECT, chain  # "X was joined by Y, the head of Z. « ... », he said": X or Y
                if fits:
                    return subject, chain
                return None, chain  # the sentence before speaks of someone else: no guess
            if pronoun is not None and not anonymous:  # "A senior official conceded it was symbolic": not "it"
                chain = start
                if gender == ANY_SPEAKER and self.data.PRONOUNS.get(pronoun.lower()) in ("male", "female"):
                    # "But she was firm. « ... »": the quote is hers, and "she" is no state named before
                    gender, institution_too = self.data.PRONOUNS[pronoun.lower()], False
            elif self._introduces_another(start, end, None, gender):
                return AMBIGUOUS_SUBJECT, chain  # "He was joined by Y, the head of Z. « ... », he said"
            elif first is not None and not opening and (said := self._quoted_speaker(first.start())) is not None:
                if gender not in (ANY_SPEAKER, "neuter") and (said.gender not in ("", gender) if said.person
                                                              else not institution_too):
                    return None, chain  # "he" is no embassy, nor a woman
                return said, chain  # "“It's having a severe impact.” [...] he was categorical. « ... »"
            elif anonymous:
                return ANONYMOUS_SUBJECT, chain  # "Un haut responsable, qui [...], a expliqué. « ... », a-t-il dit"
            elif opening and opening[0] in self.data.determiners:
                return None, chain  # "L'ambassade de Chine à Londres avait réagi": a subject no mention names
            elif self.doc.para(start) != self.doc.para(pos):
                return None, chain
            end, i = start, i - 1
        return None, chain

    def _spokesperson_subject(self, start: int, end: int) -> Mention | None:
        """The body an unnamed spokesperson opening the sentence speaks for ("In an email, a Supo spokeswoman
        said", "un porte-parole de l'agence a indiqué"), or None."""
        verb = self.data.verb.search(self.norm, start, end)
        if verb is None or not self.data.spokes.search(self.norm, start, verb.start()):
            return None
        who = self._resolve(start, verb.start(), "before", require_mention=True)
        if who is None or not who.name or who.name is ANON or not who.how.startswith("spokes"):
            return None
        return Mention(start, verb.start(), who.name, self._kind_of(who.name, "agency"), "", who.how, who.written,
                       who.is_new)

    def _subject_role(self, start: int, end: int) -> str | None:
        """The role noun a sentence norm[start:end] has for subject, at its opening or after a fronted
        clause ("The senator was blunt", "Asked about it, the president said", « En déplacement, le Premier
        ministre a été interrogé »): someone the text names by their role only."""
        heads = [start]
        fronted = re.match(r"[^,;:.!?()«»“”\"]{3,120},\s*", self.norm[start:end])
        if fronted:
            heads.append(start + fronted.end())
        definite = {fold(k) for k in self.data.DEFINITE_GENDER}
        for head in heads:
            words = list(itertools.islice(re.finditer(r"[\w-]+'?", self.norm[head:end]), ROLE_OPENING_WORDS))
            if not words or self.statements.in_quote(head + words[0].start()) or fold(words[0].group()) not in definite:
                continue
            limit = head + words[min(3, len(words) - 1)].end()
            role = self.data.role.search(self.norm, head + words[0].end(), limit) or \
                self.data.spokes.search(self.norm, head + words[0].end(), limit)
            if role and not re.match(r"\s*,\s*[A-ZÀ-Ý]", self.norm[role.end():end]):  # "The head of X, Name,": a name
                # follows; not "le président américain, qui quittera la Maison Blanche"
                return fold(role.group())
        return None

    def _role_subject_holder(self, pos: int, noun: str, gender: str) -> object:
        """Who the role that is a sentence's subject names: the person the sentences before pos are about,
        else the last one quoted, when the text or the gazetteer gives them that role ("President Obama
        said [...]. Asked about it, the president was blunt. « ... », he said"), or when they are both and
        no other role is theirs; else no guess (AMBIGUOUS_SUBJECT), never a person merely named further back."""
        subject, _ = self.salient_subject(pos, gender, False)
        speaker = self._last_speaker(pos)
        for person in (subject, speaker):
            if not (isinstance(person, Mention) and person.person and person.gender in ("", gender)):
                continue
            if any(m.name == person.name and self._holds_role(m, noun) for m in self.entities.persons_before(pos)):
                return person
        if isinstance(subject, Mention) and subject.person and speaker is not None and \
                speaker.name == subject.name and not self._holds_other_role(subject, noun):
            return subject
        return AMBIGUOUS_SUBJECT

    def _last_speaker(self, pos: int) -> Mention | None:
        """The speaker of the last quote before pos that has one, as a mention (None when it is unnamed)."""
        i = bisect.bisect_left(self.statements.opens, pos) - 1
        while i >= 0 and self.statements.spans[i].close >= pos:
            i -= 1
        while i >= 0 and self.statements.quotes[i].who is None:
            i -= 1
        return self._quoted_speaker(self.statements.spans[i].open) if i >= 0 else None

    def _parenthetical(self, start: int, pos: int) -> bool:
        """The speech verb at pos is set off by commas after the sentence's subject and before its quote
        ("The SVR, it said, « perpetrated... »", "Russia, he added, « ... »")."""
        before = self.norm[start:pos]
        if not re.search(r"\w[^,;:]*,\s*$", before):
            return False
        k = bisect.bisect_left(self.statements.opens, start)
        return k >= len(self.statements.opens) or self.statements.opens[k] >= pos

    def _introduces_another(self, start: int, end: int, subject: str | None, gender: str) -> bool:
        """The sentence norm[start:end] introduces a person other than its subject, of the pronoun's gender,
        with a role in apposition ("Mark Hollis, the head of the agency"): the one a journalist often quotes next."""
        for mention in self.entities.mentions_in(start, end):
            if not mention.person or mention.name == subject or mention.gender not in ("", gender) \
                    or self.statements.in_quote(mention.start):
                continue
            apposition = re.match(r",\s*([^,;:.]*)", self.norm[mention.end:min(end, mention.end + 60)])
            if apposition and any(self.data.role.fullmatch(w) for w in re.findall(r"[\w-]+", apposition.group(1))[:3]):
                return True
        return False

    def _unlisted_subject(self, start: int, end: int) -> Mention | None:
        """The person the sentence norm[start:end] opens on when no mention made them its subject: a surname
        of someone named before ("Witty apologised"), or a full name, alone or after its role in apposition
        ("Its chief executive, Felicity Oswald, described", "The FBI's executive assistant director, Paul
        Abbate, said"). A pronoun after that sentence is theirs, not that of a person named further back."""
        first = _WORD.search(self.norm, start, end)
        if first is None or self.statements.in_quote(first.start()):
            return None
        heads = [first.start()]
        apposition = re.match(r"[^,;:.!?()«»“”\"]{3,80},\s*", self.norm[first.start():end])
        if apposition and (self.data.role.search(apposition.group()) or self.data.spokes.search(apposition.group())):
            heads.append(first.start() + apposition.end())
        for head in heads:
            full = NAME.match(self.text, head)
            word = re.match(r"[A-ZÀ-Ý][\w'’-]+", self.text[head:end])
            if full and full.end() <= end:
                a, b, name = self.entities.clean_name(full.start(), full.end())
                if a != head or not name:
                    continue
            elif word and word.group() in self.entities.surnames:
                a, b, name = head, head + word.end(), self.entities.surnames[word.group()]
            else:
                continue
            if not re.match(r"\s*(?:,|[a-zà-ÿ])", self.text[b:end]):
                continue  # "Witty apologised", "Felicity Oswald, described": a verb or an apposition follows
            known = next((m for m in self.entities.mentions_in(a, b) if m.person), None)
            if known is not None:
                return known
            same = next((m for m in self.entities.persons_before(a) if m.name == name), None)
            if same is not None:
                return Mention(a, b, name, same.kind, same.gender, "name", self.text[a:b], same.is_new)
            words = name.split()
            if len(words) < 2 or re.search(r"['’]", words[0]) or self.entities.org_kind(name) != "other":
                continue  # "L'ambassade de Chine": a body the gazetteer lacks, not a person
            return self.entities.mention_new(a, b, name, "person")
        return None

    def _document_quote_in(self, start: int, end: int) -> Mention | None:
        """The author of a document that speaks a quote of the sentence norm[start:end] ("the statement said"),
        as a mention: what a later "it added" stands for."""
        statements = self.statements
        for i in range(bisect.bisect_left(statements.opens, start), bisect.bisect_left(statements.opens, end)):
            who = statements.quotes[i].who
            if who is not None and who.how.startswith("document") and who.name and who.name is not ANON:
                return self._quoted_speaker(statements.spans[i].open)
        return None

    def _quoted_speaker(self, pos: int) -> Mention | None:
        """The speaker already attributed to the quote around pos, as a mention."""
        statements = self.statements
        i = bisect.bisect_right(statements.opens, pos) - 1
        if i < 0 or i >= len(statements.quotes) or statements.spans[i].close < pos:
            return None
        who = statements.quotes[i].who
        if who is None or not who.name or who.name is ANON:
            return None
        info = self.doc.gaz.actor(who.name)
        kind = self._kind_of(who.name, "person")
        gender = info.gender if info else self.entities.new_gender.get(who.name, "")
        span = statements.spans[i]
        return Mention(span.open, span.close, who.name, kind, gender, "quote", who.written, who.is_new)

    def _anonymous_subject(self, start: int, end: int) -> bool:
        """The sentence opens on an unnamed person: "Un haut responsable de l'administration", "A senior official",
        "Un patient, rencontré dans le hall", also after a fronted adverbial ("At one London hospital, a nurse") or a
        clause on how they came to speak (« Interrogé sur la portée de la mesure, un responsable sud-coréen »)."""
        opening = self.norm[start:min(end, start + 80)]
        adverbial = re.match(r"\s*([\w'-]+)[^,;:.!?«»“”\"]{0,50},", opening)
        if adverbial and (fold(adverbial.group(1)).rstrip("'") in self.data.prepositions
                          or fold(adverbial.group(1)) in self.data.questioned_participles):
            opening = self.norm[start + adverbial.end():min(end, start + adverbial.end() + 80)]
        words = re.findall(r"[\w-]+'?", opening)[:4]
        if not words or fold(words[0]) not in self.data.anonymous:
            return False
        return any(self.data.role.fullmatch(w) or self.data.spokes.fullmatch(w) or self.data.witness.fullmatch(w)
                   for w in words[1:])

    def sentence_subject(self, start: int, end: int) -> tuple[Mention | None, str | None]:
        """The sentence's subject: its first mention outside quotes and not governed by a preposition
        (an opinion's "Pour X," counts), unless a subject pronoun comes first (then that pronoun)."""
        first_pronoun = None
        for m in self.data.pronoun.finditer(self.norm, start, end):
            if not self.statements.in_quote(m.start()) and len(re.findall(r"\w+", self.norm[start:m.start()])) <= 12:
                first_pronoun = m
                break
        opening = self.data.named_noun_opening.match(self.norm, start, end)
        if opening and not self.entities.mentions_in(start, opening.end()) and first_pronoun is None:
            return None, None  # « Le quotidien De Standaard [...] désigne la NSA »: a subject the gazetteer lacks
        for mention in outermost(self.entities.mentions_in(start, end)):  # "Russia's embassy", not "Russia"
            if self.statements.in_quote(mention.start) or self._compound_modifier(mention):
                continue
            if first_pronoun is not None and first_pronoun.start() < mention.start:
                return None, first_pronoun.group()
            lead = fold(self.norm[start:mention.start]).strip(" ,")
            if self._governed_possessed(mention.start) or (
                    self.doc.preposition_before(mention.start) and lead not in self.data.opinion_prepositions):
                continue
            opener = fold(re.match(r"[\w-]*'?", lead).group()).rstrip("'")
            if opener in self.data.prepositions and opener not in self.data.opinion_prepositions \
                    and "," not in self.norm[start:mention.start]:
                continue  # "At one London hospital, a nurse": a fronted adverbial, not the subject ("In Beijing,
                # Lin Jian" is)
            if lead.endswith("(") and self._restates_a_name_passed_over(start, mention.start):
                continue  # "(ONUDC)": an abbreviation in brackets restates the name before it
            if self._possessor_of_next(mention, end):
                continue  # "Finland's Security and Intelligence Service said": the service is the subject
            if self.data.relative_clause.search(self.norm, start, mention.start):
                continue  # "le président américain, qui quittera la Maison Blanche": in a relative clause
            if self._apposed_to_governed_role(start, mention.start):
                continue  # "Pressed by the committee's chair, Liam Byrne, on whether [...], Norman said"
            lead_words = re.findall(r"[\w-]+'?", lead)
            while lead_words and lead_words[-1].rstrip("'") in self.data.determiners:
                lead_words.pop()
            if lead_words and lead_words[-1].rstrip("'") in self.data.genitive:
                continue  # "la ministre des Sciences", "la directrice de l'ONUDC": a complement, not the subject
            if len(lead_words) > 1 and lead_words[-1] in self.data.COORDINATORS:
                continue  # "des sanctions contre le GRU et le FSB": coordinated with a mention passed over
            if self._reported_by_verb_before(start, mention.start):
                return None, None  # "The ministry also recalled that Moscow had proposed": Moscow is what is said
            if not mention.person:
                near = self.entities.mentions_in(mention.end, min(end, mention.end + 40))
                person = next((p for p in near if p.person), None)
                if person is not None and not re.search(r"[,;:]", self.norm[mention.end:person.start]):
                    return person, None
            return mention, None
        return None, first_pronoun.group() if first_pronoun else None

    def _restates_a_name_passed_over(self, start: int, pos: int) -> bool:
        """The bracketed abbreviation at pos restates a name the subject search has passed over: a mention (it was
        weighed already) or a name a preposition governs (« au sein de l'Office des Nations unies (ONUDC) »); not
        the subject's own name the gazetteer lacks (« la Commission nationale de contrôle (CNCCEP) a demandé »)."""
        bracket = self.norm.rfind("(", start, pos)
        if any(bracket - 2 <= m.end <= bracket for m in self.entities.mentions_in(start, bracket)):
            return True
        clause_start = max(start, *(self.norm.rfind(c, start, bracket) + 1 for c in ",;:"))
        capital = re.search(r"(?<![\w'-])[A-ZÀ-Ý]", self.norm[clause_start:bracket])
        if capital is None:
            return True
        before = re.findall(r"[\w-]+'?", self.norm[clause_start:clause_start + capital.start()])
        if not before or fold(before[-1]).rstrip("'") not in self.data.determiners:
            return True  # "HELSINKI (AP)": a dateline and its agency, no named subject
        return self.doc.preposition_before(clause_start + capital.start())

    def _compound_modifier(self, mention: Mention) -> bool:
        """The mention only qualifies the noun after it: "Moscow-based Kaspersky Lab", "Kremlin-linked hackers"."""
        return bool(_COMPOUND_MODIFIER.match(self.norm, mention.end))

    def _possessor_of_next(self, mention: Mention, end: int) -> bool:
        """The mention is the possessor of the next one ("Finland's Security and Intelligence Service",
        "Kaspersky's Ivan Petrenko", "the UAE's ambassador, Yousef Al Otaiba")."""
        for marker in self.data.POSSESSIVE_MARKERS:
            after = mention.end + len(marker)
            if self.norm.startswith(marker, mention.end):
                following = self.entities.mentions_in(after, end)
                if not following:
                    return False
                between = self.norm[after:following[0].start].strip()
                role = self.data.role.fullmatch(between.rstrip(" ,"))  # "the UAE's ambassador, Yousef Al Otaiba"
                return not between or bool(role) and following[0].person
        return False

    def _reported_by_verb_before(self, start: int, pos: int) -> bool:
        """Whether the mention at pos opens the clause a speech verb of the sentence introduces, after words of
        the narration ("The ministry also recalled that Moscow..."), so that it is what is said, not who says it."""
        if not self.data.complementizer_end.search(self._without_determiners(self.norm[start:pos])):
            return False
        verb = next((v for v in self.data.verb.finditer(self.norm, start, pos)
                     if not self.statements.in_quote(v.start())), None)
        return verb is not None and _WORD.search(self.norm, start, verb.start()) is not None \
            and not self.statements.in_quote(_WORD.search(self.norm, start, verb.start()).start())

    def _without_determiners(self, lead: str) -> str:
        words = re.findall(r"[\w-]+'?|\S", lead)
        while words and fold(words[-1]).rstrip("'") in self.data.determiners:
            words.pop()
        return " ".join(words)

    def _reports_its_own(self, after_verb: str) -> bool:
        """A sentence after a quote whose speech verb reports words of its own ("The Information Commissioner's
        Office said it had been notified.", "Psaki told reporters that ..."): not the quote's attribution
        ("Hultquist said on Monday.")."""
        first = re.match(r"\s*([\w']+)", after_verb)
        if first and first.group(1).lower() in self.data.PRONOUNS:
            return True
        lead = re.findall(r"[\w'’]+|[^\w\s]", after_verb)[:OWN_REPORT_REACH + 1]
        complementizers = {fold(c) for c in self.data.COMPLEMENTIZERS}
        for word in lead:
            if fold(word) in complementizers:
                return True
            if not re.match(r"\w", word):  # a comma or a full stop ends the verb's complements
                return False
        return False

    def _collective(self, a: int, b: int) -> Who | None:
        """'the leaders', « les ministres »: the members of the international body the article names before
        (the G7 of its communiqué), or no one when it names none ("the ministers wrote in Porto Vecchio")."""
        if not self.data.collective_subject.fullmatch(self.norm, a, b):
            return None
        body = next((m for m in self.entities.bodies_before(a)
                     if m.kind == "igo" and not self.statements.in_quote(m.start)), None)
        if body is None:
            return Who(ANON, self.text[a:b].strip(), how="collective-unknown")
        return Who(body.name, self.text[a:b].strip(), body.is_new, 0.6, "collective")

    def _apposed_to_governed_role(self, start: int, pos: int) -> bool:
        """The name at pos is set off after a role that a preposition governs ("Pressed by the committee's chair,
        Liam Byrne,", « Interrogé par le président de la commission, X, »): a complement, not the subject."""
        clause = self.norm[start:pos].rstrip()
        if not clause.endswith(","):
            return False
        phrase = clause[:-1].rsplit(",", 1)[-1]
        role = self.data.role.search(phrase)
        if role is None:
            return False
        words = [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", phrase[:role.start()])]
        governing = self.data.prepositions | self.data.agent_prepositions
        governed = [i for i, w in enumerate(words) if w in governing and w not in self.data.opinion_prepositions]
        return bool(governed) and len(words) - governed[-1] <= GOVERNED_ROLE_WORDS

    def _definite_body_subject(self, start: int, end: int) -> Mention | None:
        """The body a sentence's definite subject stands for when no mention is its subject ("In its review,
        the library said [...]": the British Library named before): the words before its first speech verb,
        after a fronted adverbial."""
        verb = next((v for v in self.data.verb.finditer(self.norm, start, end)
                     if not self.statements.in_quote(v.start())), None)
        if verb is None:
            return None
        a = start
        fronted = re.match(r"[^,;:«»“”\"]{0,60},", self.norm[start:verb.start()])
        if fronted:
            a = start + fronted.end()
        who = self._definite_institution(a, verb.start())
        if who is None or not who.name or who.name is ANON:
            return None
        return Mention(a, verb.start(), who.name, self._kind_of(who.name, "agency"), "", "definite", who.written,
                       who.is_new)

    def _kind_of(self, name: str, default: str) -> str:
        """The kind of the actor a speaker's name stands for: the gazetteer's, else the new actor's, else `default`."""
        info = self.doc.gaz.actor(name)
        new = self.entities.new_actors.get(name)
        return info.kind if info else (new.kind if new else default)

    def _governed_possessed(self, pos: int) -> bool:
        """The name at pos follows the possessive of a complement ("Speaking to the BBC's Laura Kuenssberg,
        Jeremy Hunt"): a preposition governs her too, she is no subject."""
        window = max(0, pos - 60)
        for marker in self.data.POSSESSIVE_MARKERS:
            possessor = re.search(rf"([\w.-]+){re.escape(marker)}\s+$", self.norm[window:pos])
            if possessor:
                return self.doc.preposition_before(window + possessor.start(1))
        return False

    def _definite_institution(self, a: int, b: int) -> Who | None:
        """The institution a definite noun norm[a:b] stands for (below), remembered as a mention there so that a
        later noun finds it (« avait indiqué le CHU [...] a reconnu l'établissement »: the CHU de Rennes)."""
        who = self._find_definite_institution(a, b)
        if who is not None and who.name and who.name is not ANON and \
                not any(m.start <= a < m.end for m in self.entities.mentions_in(a, b)):
            kind = self._kind_of(who.name, "agency")
            self.entities.add_mention(Mention(a, b, who.name, kind, "", who.how, who.written, who.is_new))
        return who

    def _find_definite_institution(self, a: int, b: int) -> Who | None:
        """'the embassy', 'le bureau fédéral': an institution named before that the noun fits. First one whose
        name holds the noun in this sentence or the one before, then the body a recent sentence is about
        ("Europol announced the arrests. [...] the agency said": Europol, not an agency named paragraphs
        before), then one whose name holds the noun further back. A noun that only ever refers to a body named
        with it (« la métropole », "the council": SELF_NAMING_INSTITUTION_NOUNS) skips the recent sentence's body."""
        m = self.data.institution_noun.fullmatch(self.norm, a, b)
        for word in itertools.islice(re.finditer(r"[\w-]+'?", self.norm[a:b]), ADVERBIAL_WORDS):
            if m or fold(word.group()).rstrip("'") in self.data.prepositions | self.data.genitive:
                break  # "a expliqué mercredi le groupe": a short adverbial may come first, not "à l'agence"
            m = self.data.institution_noun.fullmatch(self.norm, a + word.end(), b)
        if not m:
            return None
        noun = fold(m.group("noun"))
        kinds = self.data.institution_nouns.get(noun, set())
        sentence = bisect.bisect_left(self.doc.sentence_starts, a) - 1
        near = self.doc.sentence_starts[max(0, sentence - 1)] if sentence >= 0 else 0
        named = self._institution_named(a, noun)
        if named is not None:
            named = self._subject_holding(named, noun)
        if named is not None and named.start >= near:
            return Who(named.name, self.text[a:b].strip(), named.is_new, 0.8, "definite-institution")
        i, end = sentence, a
        for _ in range(SALIENCE_SENTENCES):  # else the institution a recent sentence is about
            if i < 0:
                break
            subject, _ = self.sentence_subject(self.doc.sentence_starts[i], end)
            if subject is not None and not subject.person and subject.kind in kinds \
                    and noun not in self.data.self_naming_nouns:
                return Who(subject.name, self.text[a:b].strip(), subject.is_new, 0.65, "definite-institution-subject")
            end, i = self.doc.sentence_starts[i], i - 1
        if named is not None:
            return Who(named.name, self.text[a:b].strip(), named.is_new, 0.8, "definite-institution")
        if noun in self.data.generic_institution_nouns:
            only = self._only_body_of_kinds(near if sentence < 1 else self.doc.sentence_starts[
                max(0, sentence - SALIENCE_SENTENCES)], a, kinds)
            if only is not None:
                return Who(only.name, self.text[a:b].strip(), only.is_new, 0.6, "definite-institution-only")
            victim = self._only_victim_before(a, kinds)
            if victim is not None:
                return Who(victim.name, self.text[a:b].strip(), victim.is_new, 0.55, "definite-institution-victim")
        if "company" in kinds and noun not in self.data.self_naming_nouns:
            company = self._opening_company(a)
            if company is not None:
                return Who(company.name, self.text[a:b].strip(), True, 0.6, "definite-institution-opening")
        return None

    def _subject_holding(self, named: Mention, noun: str) -> Mention:
        """The subject of named's sentence when its name holds the noun too ("Japan's National Police Agency said
        [...] the Japan Aerospace Exploration Agency [...]. « ... », the agency said": the agency the sentence is
        about, not one it lists), else named."""
        k = bisect.bisect_right(self.doc.sentence_starts, named.start) - 1
        start = self.doc.sentence_starts[k] if k >= 0 else 0
        start = dateline.end() if (dateline := DATELINE.match(self.norm, start, named.start)) else start
        subject, _ = self.sentence_subject(start, named.start)
        if subject is not None and not subject.person and (noun in fold(subject.written) or noun in fold(subject.name)):
            return subject
        return named

    def _only_body_of_kinds(self, start: int, end: int, kinds: set[str]) -> Mention | None:
        """The one body of these kinds the text names between start and end, outside quotes, if there is one
        ("Le site d'Hydro-Québec est resté inaccessible. [...] a assuré la société d'Etat"); None if several."""
        bodies = {m.name: m for m in self.entities.mentions_in(start, end)
                  if not m.person and m.kind in kinds and not self.statements.in_quote(m.start)}
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def _only_victim_before(self, pos: int, kinds: set[str]) -> Mention | None:
        """The one victim of the story, of these kinds, named before pos, however far back (« le CHU de Rouen
        [...] » paragraphs before « indique l'établissement »: the body the article is about); None if several."""
        victims = {m.name: m for m in self.victims
                   if m.end <= pos and m.kind in kinds and not self.statements.in_quote(m.start)}
        return next(iter(victims.values())) if len(victims) == 1 else None

    def _institution_named(self, pos: int, noun: str) -> Mention | None:
        """The latest institution before pos (within INSTITUTIONS_LOOKBACK mentions) whose name holds `noun`, or
        that the noun introduced (« au mouvement En Marche », "the company Optus")."""
        i = bisect.bisect_left(self.entities.mention_starts, pos)
        for k in range(i - 1, max(-1, i - 1 - INSTITUTIONS_LOOKBACK), -1):
            mention = self.entities.mentions[k]
            if not mention.person and not self.statements.in_quote(mention.start) and (
                    noun in fold(mention.written) or noun in fold(mention.name)
                    or fold(self.norm[max(0, mention.start - len(noun) - 1):mention.start]).strip() == noun):
                return mention
        return None

    def _opening_company(self, pos: int) -> Mention | None:
        """The company a recent sentence opens on when the gazetteer and the text's cues do not know it:
        one capitalised word that a predicate follows ("Viasat avait reconnu fin mars [...]. « ... », avait
        assuré l'entreprise"), not a fronted adverbial ("Fait rare, le groupe"). The nearest such sentence
        within COMPANY_SENTENCES before pos, a name the text never writes in lower case (or also writes
        capitalised inside a sentence); a name the text knows is no company."""
        i = bisect.bisect_left(self.doc.sentence_starts, pos) - 1
        for k in range(i, max(-1, i - COMPANY_SENTENCES), -1):
            start = self.doc.sentence_starts[k]
            head = re.match(r"\s*([A-ZÀ-Ý][\w-]+)\s+[a-zà-ÿ][\w'-]*(?![\w'-]|,)", self.text[start:start + 80])
            if head is None or self.statements.in_quote(start + head.start(1)):
                continue
            word = head.group(1)
            folded = fold(word).rstrip("'")
            if word in self.data.not_names or word in self.data.NAME_TITLES or word in self.entities.surnames \
                    or folded in self.data.stopwords or folded in self.data.determiners \
                    or folded in self.data.prepositions or folded in self.data.anonymous:
                continue
            a, b = start + head.start(1), start + head.end(1)
            if self.entities.mentions_in(a, b) or self.entities.org_kind(word) not in ("other", "company"):
                continue
            next_word = re.findall(r"[\w-]+'?", self.norm[b:b + 40])[0]
            if next_word.lower() in self.data.PREPOSITIONS:
                continue  # « Informés par la police, les pirates »: a participle's clause, not a name and its verb
            following = fold(next_word).rstrip("'")
            common = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", self.text) is not None
            if (common or following in self.data.determiners) and \
                    not re.search(rf"[\w,:] {re.escape(word)}(?![\w-])", self.text):
                continue  # a word the text writes in lower case ("Aucune", "Nos") or "Hier le ministre", not a name
            return self.entities.mention_new(a, b, word, "company")
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
                return self.pronoun(pm.group(1), a + pm.start(1))
        if direction == "after" and words and (words[0] in self.data.PRONOUNS or
                                               len(words) == 1 and words[0] in self.data.STRESSED_PRONOUNS):
            return self.pronoun(words[0], a)  # "a-t-il dit", "selon lui"
        mentions = [m for m in self.entities.mentions_in(a, b) if not self.doc.preposition_before(m.start)
                    and not self.statements.in_quote(m.start) and not self._compound_modifier(m)]
        mentions = outermost(mentions)  # "Georgia" in "Georgia's Foreign Ministry" is part of it
        mentions = [m for m in mentions if not self._possessor_of_next(m, b)]  # "Macron's En Marche! movement"
        # a document: "selon un communiqué de la Maison Blanche", "d'après ce compte-rendu"
        doc = self.data.document.search(region)
        subject_after = direction == "before" and re.search(r",\s*\w", region[doc.end():]) if doc else None
        if doc and direction == "after" and self._means_before_inverted_subject(region, doc):
            rest = re.search(r"\S", region[doc.end():])
            return self._resolve(a + doc.end() + rest.start(), b, direction)  # « a écrit dans un communiqué le
            # secrétaire d'Etat américain »: the document is the means, the subject comes after it
        if doc and (modifier := next((m for m in mentions if m.end <= a + doc.start() and not m.person
                                      and not re.search(r"[,;:]", self.norm[m.end:a + doc.start()])), None)):
            # "The Kremlin statement said", "a Foreign Office statement": the body naming the document wrote it
            return Who(modifier.name, self.text[a:b].strip(), modifier.is_new, 0.8, "document", "readout")
        if doc and len(re.findall(r"\w+", region[:doc.start()])) <= 2 and not subject_after:
            owners = [m for m in self.entities.mentions_in(a + doc.end(), b)  # "diffusé par la Maison Blanche" included
                      if (not m.person or self._document_of_person(a + doc.end(), m))
                      and not self.statements.in_quote(m.start)]
            if owners:
                return Who(owners[0].name, self.text[a:b].strip(), owners[0].is_new, 0.8, "document", "readout")
            return self._document_author(a, b)
        persons = [m for m in mentions if m.person and not self._complement_of_role(a, m)]
        if persons and direction == "before":
            nearest = re.search(r"(?<![\w-])([A-ZÀ-Ý][\w'-]+)\s*$", region)
            if nearest and a + nearest.start(1) >= persons[-1].end and nearest.group(1) in self.entities.surnames:
                # "Pressed by the committee's chair, Liam Byrne, on whether [...], Norman said": the surname
                # right before the verb, not a person named in the adjunct before it
                return self._new_name(a + nearest.start(1), b, direction)
        if persons:
            pick = self._apposed_subject(persons, b) if direction == "before" else persons[0]
            if direction == "after":
                first_segment = re.split(r",", region)[0]
                if pick.start > a + len(first_segment) and self._org_first(mentions, a + len(first_segment)):
                    org = self._org_first(mentions, a + len(first_segment))
                    if not (self.data.role.search(first_segment) or self.data.spokes.search(first_segment)):
                        return self.who_of(org)
                if pick.start > a + len(first_segment) and not self.data.role.search(first_segment) \
                        and not self.data.spokes.search(first_segment):
                    body = self._definite_institution(a, a + len(first_segment))
                    if body is not None and body.name and body.name is not ANON:
                        return body  # « écrit l'instance, présidée par [...] Jean-Marc Sauvé »: the body writes
            return self.who_of(pick)
        if direction == "before":
            segments = [(x.start(), x.end()) for x in re.finditer(r"[^,]+", region) if re.search(r"\w", x.group())]
            segments = _joined_across(segments, [(m.start - a, m.end - a) for m in mentions])[::-1]
            # "Microsoft, which tracks the group as Void Blizzard, said": a relative clause holds no subject
            segments = [(sa, sb) for sa, sb in segments if not self.data.relative_opening.match(region, sa)] \
                or segments
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
                if (role := self.data.role.search(head)) and not self.data.spokes.search(head):
                    holder = self._stated_holder(fold(role.group()), org, a)
                    if holder is not None:  # "L'ambassadeur russe à Vienne, X" before
                        return Who(holder.name, seg_text.strip(), holder.is_new, 0.6, "role-of-org-holder")
                    return Who(ANON, seg_text.strip(), how="role-of-org")
                after_org = self.norm[org.end:a + sb]
                if org.how == "alias" and self.data.role.match(after_org.lstrip()) and len(after_org.split()) <= 2:
                    if self._anonymous(head):  # "A senior Justice Department official": unnamed, not the last named
                        return Who(ANON, seg_text.strip(), how="anonymous")
                    holder = next(self.entities.persons_before(org.start), None)
                    if holder is not None:
                        return Who(holder.name, seg_text.strip(), holder.is_new, 0.6, "org-role-anaphora")
                    return Who(ANON, seg_text.strip(), how="role-of-org")
                if self.data.spokes.search(head) or not org.person and self.data.spokes.match(after_org.lstrip()) \
                        and len(after_org.split()) <= 2:  # "a spokesperson for the embassy", "a Medibank spokesperson"
                    return self._spokesperson_of(org, head, seg_text.strip(), "spokes-org")
                if self._anonymous(head) and self._governed_by_head(head):
                    return Who(ANON, seg_text.strip(), how="anonymous")
                if self._periphrasis(head):
                    return None  # « le locataire de la Maison-Blanche »: someone the body stands for, not the body
                person = self._person_of_body(a + sa, org.start)
                if person is not None:
                    return person  # "Jay Gazlay of CISA's vulnerability management office estimated"
                return self.who_of(org)
            spokes = self.data.spokes.search(seg_text)
            if spokes and (owned := self._possessed_spokes(a + sa, a + sa + spokes.start(), seg_text.strip())):
                return owned
            if spokes:  # "a spokesperson for the embassy": the embassy named before
                rest = re.match(r"\s*[\w']+\s*", self.norm[a + sa + spokes.end():a + sb])
                if rest and fold(rest.group().strip()).rstrip("'") in self.data.prepositions | self.data.genitive:
                    body_a = a + sa + spokes.end() + rest.end()
                    if rest.group().strip().lower() in self.data.CONTRACTED_ARTICLES:
                        body_a = a + sa + spokes.end()  # « du constructeur »: the article is in the preposition
                    named = next((m for m in self.entities.mentions_in(body_a, a + sb) if not m.person
                                  and not re.search(r"\w", self._without_determiners(self.norm[body_a:m.start]))),
                                 None)
                    if named is not None:  # "a spokeswoman for the National Cyber Security Centre"
                        return self._spokesperson_of(named, seg_text[:spokes.start()], seg_text.strip(), "spokes-org")
                    body = self._definite_institution(body_a, self._before_adjunct(body_a, a + sb))
                    if body is not None and body.name:
                        return Who(body.name, seg_text.strip(), body.is_new, 0.7, "spokes-institution")
            if self._anonymous(seg_text):
                return Who(ANON, seg_text.strip(), how="anonymous")
            if require_mention:
                return None
            cut = self._before_adjunct(a + sa, a + sb)
            # "the leaders" are the members of a body, never the last leader named
            anaphora = self._definite_institution(a + sa, cut) or self._collective(a + sa, cut) \
                or self._definite_role(a + sa, cut)
            if anaphora:
                return anaphora
            name = self._new_name(a + sa, a + sb, direction)
            if name:
                return name
        if self._anonymous(region):
            return Who(ANON, region.strip(), how="anonymous")
        return None

    def _possessed_spokes(self, a: int, spokes: int, written: str) -> Who | None:
        """« Le Kremlin avait démenti. « ... », avait assuré son porte-parole », "its spokesman said": the body the
        sentences before are about speaks through its spokesperson, who is the one the gazetteer gives that role at
        the date, else the body itself (as "a Medibank spokesperson")."""
        before = re.findall(r"[\w-]+", self.norm[a:spokes])
        if not before or fold(before[-1]) not in self.data.body_possessives:
            return None
        body, _ = self.salient_subject(a, "neuter", True)
        if not isinstance(body, Mention) or body.person:
            return None
        holders = {role.actor for role in self.doc.gaz.roles_at(self.doc.when)
                   if role.organisation == body.name and self._is_spokes_role(role)}
        if len(holders) == 1:
            return Who(holders.pop(), written, False, 0.7, "possessive-spokes")
        return Who(body.name, written, body.is_new, 0.7, "possessive-spokes-body")

    def _spokesperson_of(self, body: Mention, opening: str, written: str, how: str) -> Who:
        """« la porte-parole de la diplomatie russe », "the Kremlin spokesman": the one the gazetteer gives that
        role in the body at the date, if one only; "a GCHQ spokeswoman", « un porte-parole du constructeur », or
        no such holder: the body itself (`opening` is the text before the body's or the spokesperson's noun)."""
        first = re.match(r"\s*([\w-]+)", opening)
        if not (first and first.group(1).lower() in self.data.INDEFINITE_ARTICLES):
            holders = {role.actor for role in self.doc.gaz.roles_at(self.doc.when)
                       if role.organisation == body.name and self._is_spokes_role(role)}
            if len(holders) == 1:
                return Who(holders.pop(), written, False, 0.7, "spokes-holder")
        return Who(body.name, written, body.is_new, 0.7, how)

    def _is_spokes_role(self, role) -> bool:
        return bool(self.data.spokes.search(role.title)) or any(
            self.data.spokes.search(descriptor) for descriptor in role.descriptors.get(self.doc.lang, ()))

    def _person_of_body(self, a: int, body: int) -> Who | None:
        """An unknown person's name right before the genitive that opens the body's name ("Jay Gazlay of CISA"):
        the person, whom the body only places."""
        genitive = re.search(r"(?<![\w-])([\w']+)\s+$", self.norm[a:body])
        if genitive is None or fold(genitive.group(1)).rstrip("'") not in self.data.genitive:
            return None
        name_end = a + genitive.start()
        name = NAME.search(self.text, max(a, name_end - 60), name_end)
        while name is not None and name.end() < name_end - 1:
            name = NAME.search(self.text, name.end(), name_end)
        if name is None or self.text[name.end():name_end].strip():
            return None
        if self.entities.org_kind(self.text[name.start():name.end()]) not in ("person", "other"):
            return None  # "National Police Agency of Japan": a body's own name
        return self._new_name(name.start(), name_end, "before")

    def _apposed_subject(self, persons: list[Mention], verb: int) -> Mention:
        """The subject of a verb that an apposition set off by commas separates from it ("La présidente de la
        métropole, Martine Vassal, candidate à la succession de Jean-Claude Gaudin, a dénoncé", "Le ministre,
        Christophe Castaner, en visite avec le préfet Pascal Mailhos, a déclaré"): the first person followed by
        a comma, not the one the apposition names; else the nearest the verb (`_first_coordinated`)."""
        if len(persons) > 1 and self.norm[persons[-1].end:verb].rstrip().endswith(","):
            for person in persons[:-1]:
                if self.norm[person.end:person.end + 2].lstrip().startswith(","):
                    return person
        return self._first_coordinated(persons)

    def _first_coordinated(self, persons: list[Mention]) -> Mention:
        """The subject nearest its verb, or the first of the persons it is coordinated with ("Prime Minister
        Scott Morrison and Foreign Minister Marise Payne said in a joint statement": the first named)."""
        k = len(persons) - 1
        while k > 0:
            between = re.findall(r"[\w.-]+'?|[^\w\s]", self.text[persons[k - 1].end:persons[k].start])
            if not between or fold(between[0]) not in self.data.COORDINATORS \
                    or any(not w[:1].isupper() for w in between[1:]):
                break  # only "and" and the second person's capitalised title between the two
            k -= 1
        return persons[k]

    def _periphrasis(self, head: str) -> bool:
        """The body after `head` is the complement of a definite noun that is no role, office, document or
        institution (« le locataire de la Maison-Blanche », "the occupant of the Elysée"): a periphrasis for
        a person, whom the body does not name."""
        words = [fold(w).rstrip("'") for w in re.findall(r"[\w-]+'?", head)]
        while words and words[-1] in self.data.determiners:
            words.pop()
        definite = {fold(k).rstrip("'") for k in self.data.DEFINITE_GENDER}
        if not (2 <= len(words) <= 4 and words[0] in definite and words[-1] in self.data.genitive):
            return False
        nouns = " ".join(words[1:-1])
        return not (self.data.role.search(nouns) or self.data.spokes.search(nouns) or self.data.document.search(nouns)
                    or any(w in self.data.institution_nouns or w in self.data.anonymous for w in words[1:-1]))

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

    def opening_role(self, a: int, b: int) -> Who | None:
        """The person a sentence norm[a:b] opens on by their role when no mention is its subject ("Le
        directeur général de Kyivstar avait qualifié l'incident de « ... ». Oleksandr Komarov a promis"):
        its first words read as a definite role, kept only when that names someone."""
        who = self.role_opening(a, b)
        return who if who is not None and who.name and who.name is not ANON else None

    def role_opening(self, a: int, b: int) -> Who | None:
        """The definite role a sentence norm[a:b] opens on, whoever it names (ANON when the text names no one
        for it): its first ROLE_OPENING_WORDS words."""
        words = list(itertools.islice(re.finditer(r"[\w-]+'?", self.norm[a:b]), ROLE_OPENING_WORDS))
        if not words:
            return None
        end = self._before_adjunct(a, a + words[-1].end())
        who = self._definite_role(a, end)
        if who is None and self._role_phrase(a, end) is not None:
            return Who(ANON, self.text[a:end].strip(), how="role-unnamed")
        return who

    def _definite_role(self, a: int, b: int) -> Who | None:
        """'le chef de l'Etat', 'the minister': the last person named before, unless an anonymous one came after."""
        region = self.norm[a:b]
        found = self._role_phrase(a, b)
        if found is None:
            return None
        m, role = found
        gender = {fold(k): v for k, v in self.data.DEFINITE_GENDER.items()}[fold(m.group(1))]
        person = holder = None
        noun = fold(role.group())
        modifiers = [fold(word) for word in re.findall(r"(?-i:[a-z][\w-]*)", region[m.end():role.start()])]
        for mention in self.entities.persons_before(a):
            fits = not gender or not mention.gender or mention.gender == gender
            if not self.statements.in_quote(mention.start) and fits:
                person = person or mention
                if self._holds_qualified_role(mention, noun, modifiers):
                    holder = mention
                    break
        if holder is not None:  # the person the text (or the gazetteer, at the article's date) gives that role
            return Who(holder.name, region.strip(), holder.is_new, 0.7, "definite-role")
        named = self._next_sentence_subject(b)
        if named is not None and named.person and self._holds_role(named, noun):
            # "« ... », a déclaré le conseiller à la sécurité nationale. Jake Sullivan a décrit..."
            return Who(named.name, region.strip(), named.is_new, 0.6, "definite-role-next")
        if (named is not None and named.person and (not gender or not named.gender or named.gender == gender)
                and all(m.name != named.name for m in self.entities.persons_before(a))):
            # "Le ministre a dénoncé « ... ». Frédéric Valletoux a assuré": the name the next sentence
            # introduces is the role's holder, not a person named earlier
            return Who(named.name, region.strip(), named.is_new, 0.5, "definite-role-next")
        anonymous = self._anonymous_role_mentions(role.group().lower())
        i = bisect.bisect_right(anonymous, (a, a)) - 1  # the last one ending before the subject
        if i >= 0 and (person is None or anonymous[i][1] > person.start
                       or self._sentence_of(anonymous[i][0]) == self._sentence_of(person.start)):
            # "An official at En Marche [...] said the mailboxes belonged to aides, not to Macron. « ... », the
            # official said": the unnamed official the sentence is about, not a person it names after
            return Who(ANON, region.strip(), how="anonymous-anaphora")
        subject, _ = self.salient_subject(a, gender or ANY_SPEAKER, False)
        if isinstance(subject, Mention) and subject.person and subject.name != getattr(person, "name", None) \
                and not self._holds_other_role(subject, noun):
            # "The head of the committee, Konstantin Kosachev, said [...]. « ... », the senator wrote": the
            # person the sentences before are about, not the last one named
            return Who(subject.name, region.strip(), subject.is_new, 0.5, "definite-role-subject")
        if person is None or self._holds_other_role(person, noun):
            return None
        return Who(person.name, region.strip(), person.is_new, 0.5, "definite-anaphora")

    def _sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.doc.sentence_starts, pos)

    def _role_phrase(self, a: int, b: int) -> tuple[re.Match, re.Match] | None:
        """The determiner and the role noun of a definite role norm[a:b] ('le chef de l'Etat', 'the minister'):
        the determiner opens it or follows a short adverbial ("a déclaré en ouverture le conseiller")."""
        region = self.norm[a:b]
        definite = {fold(k) for k in self.data.DEFINITE_GENDER}
        m = next((w for w in itertools.islice(re.finditer(r"(\w+'?)\s*", region), 3) if fold(w.group(1)) in definite),
                 None)
        if m is None:
            return None
        role = self.data.role.search(region, m.end()) or self.data.spokes.search(region, m.end())
        if not role or len(re.findall(r"\w+", region[m.end():role.start()])) > 2 or len(re.findall(r"\w+", region)) > 8:
            return None
        return m, role

    def _next_sentence_subject(self, pos: int) -> Mention | None:
        """The subject of the sentence after the one around pos, in the same paragraph."""
        i = bisect.bisect_right(self.doc.sentence_starts, pos)
        if i >= len(self.doc.sentence_starts) or self.doc.para(self.doc.sentence_starts[i]) != self.doc.para(pos):
            return None
        start = self.doc.sentence_starts[i]
        end = self.doc.sentence_starts[i + 1] if i + 1 < len(self.doc.sentence_starts) else len(self.norm)
        subject, _ = self.sentence_subject(start, min(end, start + SENTENCE_REACH))
        return subject

    def _stated_role(self, mention: Mention) -> str:
        """The words the text puts before a person's name or in apposition after it, folded: where it states
        their role ("Prime Minister Edi Rama", "Ghada Waly, la directrice exécutive")."""
        before = re.split(r"[,;:.!?()\"«»“”]", self.norm[max(0, mention.start - 80):mention.start])[-1]
        after = re.match(r"\s*,([^,;:.!?()\"«»“”]{0,100})", self.norm[mention.end:mention.end + 100])
        return fold(before) + " | " + (fold(after.group(1)) if after else "")

    def _stated_holder(self, noun: str, body: Mention, pos: int) -> Mention | None:
        """The person named before pos whose stated role is that noun of that body, written either way ("de
        Russie" / "russe": a word of the body's name and of the role share their first letters)."""
        stems = {word[:STEM_LETTERS] for word in re.findall(r"\w+", fold(body.written or body.name))
                 if len(word) >= STEM_LETTERS}
        for mention in self.entities.persons_before(pos):
            if self.statements.in_quote(mention.start):
                continue
            stated = self._stated_role(mention) + " | " + self._apposed_before(mention)
            if re.search(rf"(?<!\w){re.escape(noun)}", stated) and any(
                    word[:STEM_LETTERS] in stems for word in re.findall(r"\w+", stated) if len(word) >= STEM_LETTERS):
                return mention
        return None

    def _apposed_before(self, mention: Mention) -> str:
        """The phrase a name is set off from by a comma before it ("L'ambassadeur russe à Vienne, X,"), folded."""
        parts = re.split(r"[;:.!?()\"«»“”]", self.norm[max(0, mention.start - 80):mention.start])[-1].split(",")
        return fold(parts[-2]) if len(parts) >= 2 and not parts[-1].strip() else ""

    def _holds_role(self, mention: Mention, noun: str) -> bool:
        """Whether the text gives the person that role (see _stated_role) or the gazetteer does at the date
        roles are read at."""
        if re.search(rf"(?<!\w){re.escape(noun)}", self._stated_role(mention)):
            return True
        if self._role_titles is None:
            self._role_titles = {}
            for held in self.doc.gaz.roles_at(self.doc.when):
                titles = self._role_titles.setdefault(held.actor, [])
                titles += [fold(held.title), *(fold(d) for d in held.descriptors.get(self.doc.lang, ()))]
        return any(re.search(rf"(?<!\w){re.escape(noun)}", title) for title in self._role_titles.get(mention.name, ()))

    def _holds_qualified_role(self, mention: Mention, noun: str, modifiers: list[str]) -> bool:
        """Whether the person holds the role a definite noun names with its modifiers: "the intelligence chief" is
        no chief of anything else; a generic head ("chief", « chef ») is whoever holds a title with the modifiers
        (the Director of National Intelligence)."""
        if not modifiers:
            return self._holds_role(mention, noun)
        if self._holds_role(mention, noun) and self._holds_role(mention, " ".join([*modifiers, noun])):
            return True
        return noun in self.data.generic_heads and all(self._holds_role(mention, word) for word in modifiers)

    def _holds_other_role(self, mention: Mention, noun: str) -> bool:
        """The text gives the person another role in apposition ("Marc Castan, directeur de l'hôpital"), so a
        later "le ministre" is someone else."""
        after = re.match(r"\s*,([^,;:.!?()\"«»“”]{0,60})", self.norm[mention.end:mention.end + 60])
        role = self.data.role.search(after.group(1)) if after else None
        if role is not None and not re.search(rf"(?<!\w){re.escape(noun)}", fold(after.group(1))):
            return True
        # the gazetteer gives them roles at the date, none of them this one, a noun its titles use ("the FBI
        # director": not the attorney general named before; "the two leaders" is no title)
        if self._holds_role(mention, noun) or not self._role_titles.get(mention.name):
            return False
        # the noun or one of its words ("porte-parole adjoint", "deputy spokesman": no title says it whole)
        words = [noun, *(word for word in noun.split() if len(word) > 3)]
        pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(word) for word in words)})")
        return any(pattern.search(title) for titles in self._role_titles.values() for title in titles)

    def _anonymous_role_mentions(self, noun: str) -> list[tuple[int, int]]:
        """(end, start) of each "un haut responsable" / "an official" naming the role noun anonymously,
        found once per noun over the whole text."""
        if noun not in self._anonymous_roles:
            # looked for at every word ("a U.S. official" after "Kremez said."): a lookahead, never consumed
            pattern = re.compile(rf"(?<!\w)(?=((\w+)(?:\s+[\w.-]+){{0,2}}\s+{re.escape(noun)}))")
            self._anonymous_roles[noun] = sorted((m.start() + len(m.group(1)), m.start())
                                                 for m in pattern.finditer(self.doc.norm_lower)
                                                 if fold(m.group(2)) in self.data.anonymous)
        return self._anonymous_roles[noun]

    def _org_first(self, mentions, before):
        orgs = [m for m in mentions if not m.person and m.end <= before]
        return orgs[0] if orgs else None

    def _anonymous(self, region: str) -> bool:
        words = [fold(w) for w in re.findall(r"[\w-]+'?", region)]
        words = [w for w in words if w not in self.data.stopwords or w in self.data.anonymous][:3]
        return bool(words) and (words[0] in self.data.anonymous or words[0].rstrip("'") in self.data.anonymous)

    def who_of(self, mention: Mention) -> Who:
        confidence = {"alias": 0.9, "descriptor": 0.8, "ner": 0.75, "name": 0.7}.get(mention.how, 0.7)
        return Who(mention.name, mention.written, mention.is_new, confidence, mention.how)

    def _governed(self, a: int, pos: int) -> bool:
        """A preposition inside the subject region norm[a:pos] governs the name at pos ("à la Maison Blanche",
        "in Carbis Bay"): a place or a complement, not the speaker. One that opens the region is its cue
        ("according to X")."""
        return self.doc.preposition_before(pos) and bool(re.search(r"\w", self.norm[a:pos]))

    def _new_name(self, a: int, b: int, direction: str) -> Who | None:
        """An unknown name written in the subject: Capitalised Words, or a known surname."""
        found = []
        for m in NAME.finditer(self.text, a, b):
            start, end, name = self.entities.clean_name(m.start(), m.end())
            if not name or self._governed(a, start) or self.statements.in_quote(start):
                continue
            if len(name.split()) < 2 and name not in self.entities.surnames:
                continue
            found.append((start, end, name))
        for m in re.finditer(r"(?<![\w-])[A-Z][\w'-]+(?![\w-])", self.text[a:b]):
            if m.group() in self.entities.surnames and not self._governed(a, a + m.start()) \
                    and not re.search(r"[A-Z][\w'-]*\s+$", self.text[a:a + m.start()]):  # "Carbis Bay": not "Bay"
                found.append((a + m.start(), a + m.end(), self.entities.surnames[m.group()]))
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
        name = self.entities.surnames.get(name, name)
        kind = self.entities.org_kind(name)
        kind = "person" if kind == "other" and len(name.split()) <= 4 and how == "name" else kind
        mention = self.entities.mention_new(start, end, name, kind)
        return Who(mention.name, self.text[start:end], True, 0.65, how)

    def find_documents(self):
        """The documents the text mentions outside quotes ("le communiqué de la Maison Blanche", "In a
        statement, the White House said") and their authors, so that a later "the statement says" or
        "selon ce compte rendu" is theirs."""
        for m in self.data.document.finditer(self.norm):
            if self.statements.in_quote(m.start()):
                continue
            window_end = min(len(self.norm), m.end() + 120)  # "publié par le Centre national [...] (CVERC)"
            clause = self.norm[m.end():window_end]
            stop = re.search(r"[,;.:!?]", clause)
            window_end = m.end() + (stop.start() if stop else len(clause))
            owner, how = None, "document-anaphora"
            for mention in self.entities.mentions_in(m.end(), window_end):
                between = fold(self.norm[m.end():mention.start])
                first = re.findall(r"[\w]+'?", between)
                if first and first[0].rstrip("'") in self.data.genitive and not mention.person:
                    owner = mention.name  # "le communiqué de la Maison Blanche"
                    break
                if any(word.rstrip("'") in self.data.agent_prepositions for word in first[:3]):
                    owner = mention.name  # "le compte rendu diffusé par la Maison Blanche"
                    break
            if owner is None and not self._document_speaks(m.start(), m.end()):  # "In a statement, X said"
                owner, how = self._sentence_speaker(m.start(), after_document=m.end()), "document-anaphora-speaker"
                if owner is None:
                    owner = self._issuer(m.start())
            if owner:
                self.documents.append((m.start(), owner, how))
                self.document_starts.append(m.start())
            elif not self._document_speaks(m.start(), m.end()):
                self.unowned_documents.append(m.start())

    def own_documents(self, start: int, end: int, speaker: str) -> None:
        """The documents of norm[start:end] (a quote's sentence and the narration before it) that the narration named
        no author for are its speaker's (« "...", a indiqué l'hôpital dans un communiqué. "...", précise le texte »;
        "in a closing communique [...]. "...," the leaders wrote")."""
        first = bisect.bisect_left(self.unowned_documents, start)  # in text order, as find_documents met them
        stop = bisect.bisect_left(self.unowned_documents, end)
        owned, self.unowned_documents[first:stop] = self.unowned_documents[first:stop], []
        for position in owned:
            k = bisect.bisect_left(self.document_starts, position)
            self.documents.insert(k, (position, speaker, "document-quote-speaker"))
            self.document_starts.insert(k, position)

    def _document_speaks(self, a: int, b: int) -> bool:
        """The document noun norm[a:b] is itself the subject of a speech verb next to it (« ajoute le texte »,
        "the statement said"): it is the earlier document spoken of again, not one the sentence's other
        subject issues ("Le démocrate « ... », ajoute le texte" is the White House's readout, not Biden's)."""
        lead = self.norm[max(0, a - 40):a]
        verbs = list(self.data.verb.finditer(lead))
        if verbs and all(fold(word).rstrip("'") in self.data.determiners
                         for word in re.findall(r"[\w-]+'?", lead[verbs[-1].end():])):
            return True
        after = self.data.verb.match(self.norm, b + 1) if self.norm[b:b + 1] == " " else None
        return after is not None and not self._opens_with_preposition(after.end(), after.end() + 20)  # "posted on"

    def _issuer(self, pos: int) -> str | None:
        """The subject of a sentence that brings out a new document ("X issued a statement", « X a publié un
        communiqué »): its author."""
        lead = re.findall(r"[\w-]+'?", self.norm[max(0, pos - 20):pos])
        if not lead or fold(lead[-1]) not in self.data.INDEFINITE_ARTICLES:
            return None
        i = bisect.bisect_right(self.doc.sentence_starts, pos) - 1
        subject, pronoun = self.sentence_subject(self.doc.sentence_starts[i] if i >= 0 else 0, pos)
        if pronoun is not None or subject is None or subject.kind not in candidates.SPEAKING_KINDS:
            return None
        return subject.name

    def _sentence_speaker(self, pos: int, after_document: int) -> str | None:
        """Who speaks in the sentence around pos: the subject of its first speech verb outside quotes, other than
        the participle right after the document noun that ends at `after_document` ("In a statement posted on its
        website, the spokesman Qin Gang called ...")."""
        i = bisect.bisect_right(self.doc.sentence_starts, pos) - 1
        start = self.doc.sentence_starts[i] if i >= 0 else 0
        end = self.doc.sentence_starts[i + 1] if i + 1 < len(self.doc.sentence_starts) else len(self.norm)
        end = min(end, start + SENTENCE_REACH)
        for verb in self.data.verb.finditer(self.norm, start, end):
            if self.statements.in_quote(verb.start()) or \
                    verb.start() >= after_document and not self.norm[after_document:verb.start()].strip():
                continue
            region = self._after_opening_quote(start, verb.start())
            who = self.verb_subject(ShiftedMatch(verb, start), start, end, region, prefix_mode=True)
            if who is not None and who.kind == "readout" and who.how != "document-speaker":
                continue  # an earlier document spoken of again is no author of this one
            if who and who.name and who.name is not ANON:
                return who.name  # "The group, Conti, claimed [...]. In a message posted on its leak site, it said"
            return None
        return None

    def _after_opening_quote(self, start: int, verb: int) -> int:
        """Where the subject of a verb may begin in the sentence from start: after the quote that opens the
        sentence, if one does (« "..." , a annoncé le ministère dans un communiqué »: the quote is no subject)."""
        for span in self.statements.spans:
            if span.open >= verb:
                break
            if span.open >= start and span.close < verb and not re.search(r"\w", self.norm[start:span.open]):
                return span.close + 1
        return start

    def _means_before_inverted_subject(self, region: str, doc: re.Match) -> bool:
        """Whether a document after the verb is what the subject spoke through, the subject following it: a
        preposition before it, a determiner after it (« dans un communiqué le ministre »), not its owner's
        genitive (« dans un communiqué du ministère »)."""
        before = re.findall(r"[\w-]+'?", region[:doc.start()])
        after = re.match(r"\s*([\w-]+'?)", region[doc.end():])
        return bool(before and after and fold(before[0]).rstrip("'") in self.data.prepositions
                    and fold(after.group(1)).rstrip("'") in self.data.determiners
                    and fold(after.group(1)).rstrip("'") not in self.data.genitive)

    def _document_pointed_by_pronoun(self, pron: str, pos: int, verb: str) -> Who | None:
        """'"...," the statement said. "...," it added': with no body before it, "it" is the document the
        last paragraphs (DOCUMENT_PRONOUN_PARAGRAPHS) spoke of, and its author speaks."""
        i = bisect.bisect_left(self.document_starts, pos)
        if not i:
            return None
        position, author, _ = self.documents[i - 1]
        if self.doc.para(pos) - self.doc.para(position) > DOCUMENT_PRONOUN_PARAGRAPHS or author is ANON:
            return None
        return Who(author, pron, False, 0.7, "document-pronoun", verb=verb)

    def _document_of_person(self, doc_end: int, person: Mention) -> bool:
        """« un communiqué de son porte-parole, Steffen Seibert », "a statement by X": the document is the person's
        (their own words, not a body's), when a genitive or an agent's preposition opens the few words between."""
        words = [fold(w).rstrip("'") for w in re.findall(r"[\w'-]+", self.norm[doc_end:person.start])]
        return bool(words) and len(words) <= 3 and words[0] in self.data.genitive | self.data.agent_prepositions

    def _document_author(self, a: int, b: int) -> Who:
        """The author of the document a subject norm[a:b] names without saying whose ("the advisory said",
        « selon ce texte »): of the last document the paragraph mentioned; else the body (a person issues
        no document) that speaks in the sentences just before it in the paragraph ("The Australian Signals
        Directorate said [...]. « ... », the advisory said"); else of the last document the text mentioned,
        unless an indefinite article makes it another one (« selon un communiqué »)."""
        written = self.text[a:b].strip()
        i = bisect.bisect_left(self.document_starts, b)
        owner = self.documents[i - 1] if i else None
        if owner is not None and self.doc.para(owner[0]) == self.doc.para(a):
            return Who(owner[1], written, False, 0.7, owner[2], "readout")
        subject, _ = self.salient_subject(a, ANY_SPEAKER, True)
        if isinstance(subject, Mention) and not subject.person and self.doc.para(subject.start) == self.doc.para(a):
            return Who(subject.name, written, subject.is_new, 0.6, "document-speaker", "readout")
        first = re.match(r"[\w']+", written)
        if first and fold(first.group()) in self.data.INDEFINITE_ARTICLES:
            return Who(ANON, written, how="document-unknown")  # « selon un communiqué »: not the earlier one
        if owner is not None and self._same_document_noun(owner[0], a, b) \
                and self.doc.para(a) - self.doc.para(owner[0]) <= DOCUMENT_REACH_PARAGRAPHS:
            return Who(owner[1], written, False, 0.7, owner[2], "readout")  # this very document ("a readout ...")
        return Who(ANON, written, how="document-unknown")

    def _same_document_noun(self, earlier: int, a: int, b: int) -> bool:
        """Whether the document noun in norm[a:b] can name the document mentioned at `earlier` in another paragraph:
        the same noun, or one that names any document ("the text"); "The message warned" after a statement
        paragraphs before is another one (the ransom screen's)."""
        current = self.data.document.search(self.norm, a, b)
        before = self.data.document.match(self.norm, earlier)
        if current is None or before is None:
            return True
        nouns = {fold(current.group()).split()[-1], fold(before.group()).split()[-1]}
        return len(nouns) == 1 or bool(nouns & self.data.generic_document_nouns)

    def _is_state(self, name) -> bool:
        info = self.doc.gaz.actor(name) if isinstance(name, str) else None
        return info is not None and info.kind == "state"

    def _document_pointed_back(self, verb: int, verb_written: str) -> Who | None:
        """« Pékin y appelle Washington à ... »: a state (or its capital) as subject, the clitic before the verb
        at verb pointing back to the document the sentence before (or this one) mentions: the document's author
        speaks for the state."""
        i = bisect.bisect_left(self.document_starts, verb)
        if not i:
            return None
        position, author, how = self.documents[i - 1]
        sentence = bisect.bisect_right(self.doc.sentence_starts, verb) - 1
        if bisect.bisect_right(self.doc.sentence_starts, position) - 1 < sentence - 1:
            return None
        return Who(author, self.text[position:verb].strip(), False, 0.7, how, "readout", verb_written)

    def last_document(self, pos: int) -> tuple[str, str] | None:
        i = bisect.bisect_left(self.document_starts, pos)
        return self.documents[i - 1][1:] if i else None
