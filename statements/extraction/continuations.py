"""Speakers carried from one quote to the next, for the quotes no rule of their own sentence attributed.

Takes the Attribution (the rules and the document) and the quotes in text order, each with its `who`
from attribution.py; fills the `who` of: the segments of a quotation that runs over several
paragraphs (its chain), a bare quote right after another one's ("« ... » a-t-il dit. « ... »"), or after
a sentence whose subject speaks ("M. Peskov a refusé de commenter. « ... »"), the second quote of "X
évoque des « ... » et dit avoir « ... »", and a quote inside narration (its sentence's subject).
"""

from __future__ import annotations

import bisect
import re

from . import candidates
from .attribution import AMBIGUOUS_SUBJECT, ANON, ANONYMOUS_SUBJECT, ANY_SPEAKER, Attribution, ShiftedMatch
from .entities import Mention
from .model import Who
from .spans import QuoteInContext
from .text import fold

CONTINUATION_REACH = 1500  # characters between two quotes in which the next quote's speaker may be named
NARRATION_SUBJECT_WORDS = 8  # words before a narration's subject, at most (an introductory "Plus tôt dans la journée,")


def continue_speakers(rules: Attribution, quotes: list[QuoteInContext]) -> None:
    _chains(quotes)
    _continuations(rules, quotes)
    _narration(rules, quotes)

def _chains(quotes: list[QuoteInContext]):
    chains: dict[int, list[QuoteInContext]] = {}
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

def _continuations(rules: Attribution, quotes):
    for index, q in enumerate(quotes):
        if q.who is not None and (q.who.name or q.who.how in ("source-unknown",)):
            continue
        if q.who is not None and q.who.name is ANON:
            continue
        if index == 0 or not _bare(rules, q):
            continue
        prev = quotes[index - 1]
        if q.para - prev.para > 1 or not prev.who or not prev.who.name or prev.who.name is ANON:
            continue
        between_b = q.prefix_start
        between_a = max(prev.tail_end, between_b - CONTINUATION_REACH)
        who = None
        for m in rules.data.verb.finditer(rules.norm, between_a, between_b):
            start = between_a
            for i in range(m.start() - 1, between_a - 1, -1):
                if rules.doc.boundary(i):
                    start = i + 1
                    break
            candidate = rules.verb_subject(ShiftedMatch(m, start), start, between_b, start, prefix_mode=True)
            if candidate and candidate.name:
                who = candidate
        how = "continuation"
        if who is None:  # "M. Peskov a refusé de commenter. « ... »": the sentence before says who speaks
            subject = _narration_subject(rules, between_a, between_b)
            if subject is not None and subject.name != prev.who.name:
                who, how = rules.who_of(subject), "previous-sentence"
        if who is None and _opens_on_another_role(rules, between_a, between_b, prev.who.name):
            continue  # « Le directeur délégué de l'hôpital a raconté la scène. « ... » »: someone else speaks
        if who is None and rules.text[prev.span.start:prev.span.end].rstrip(" »”\"").endswith("?"):
            # "X was asked by its chair, Y: “...?”" then a bare quote: the answer is the one asked, not the asker
            answerer = _asked(rules, prev)
            if answerer is None:
                continue
            who, how = rules.who_of(answerer), "answer"
        if who is None:
            who = prev.who
        q.who = Who(who.name, who.written, who.is_new, min(who.confidence, 0.6), how, who.kind, who.verb)

def _asked(rules: Attribution, question: QuoteInContext) -> Mention | None:
    """The person a quoted question was put to: the subject of its sentence, when it is not the asker."""
    subject, _ = rules.sentence_subject(question.prefix_start, question.span.open)
    if subject is not None and subject.person and subject.name != question.who.name:
        return subject
    return None


def _opens_on_another_role(rules: Attribution, a: int, b: int, speaker: str) -> bool:
    """Whether a sentence of the narration norm[a:b] opens on a definite role that is not `speaker`."""
    first = bisect.bisect_left(rules.doc.sentence_starts, a)
    for start in rules.doc.sentence_starts[first:bisect.bisect_left(rules.doc.sentence_starts, b)]:
        role = None if rules.statements.in_quote(start) else rules.role_opening(start, b)
        if role is not None and role.name != speaker:
            return True
    return False


def _narration(rules: Attribution, quotes):
    """Quotes no rule attributed. A quote alone in its paragraph is the last narrated subject's
    ("Interrogé sur..., Bernard Cazeneuve est resté prudent." then « ... »); a quote inside narration is
    its sentence's subject's ("Le parquet de Paris a ouvert une enquête pour « ... »")."""
    for index, q in enumerate(quotes):
        if q.who is not None and (q.who.name or q.who.how == "source-unknown"):
            continue
        prefix = rules.norm[q.prefix_start:q.span.open]
        prev = quotes[index - 1] if index else None
        if prev is not None and prev.who and prev.who.name and prev.who.name is not ANON \
                and q.prefix_start == prev.span.close + 1 and _coordinated(rules, prev, q):
            # "Le Quai d'Orsay y évoque des « ... » et dit avoir « ... »": the same speaker goes on
            q.who = Who(prev.who.name, prev.who.written, prev.who.is_new, 0.5, "coordinated")
            continue
        if not prefix.strip():
            if not _bare(rules, q):
                continue
            subject, _ = rules.salient_subject(q.span.open, ANY_SPEAKER, True)
            how = "paragraph-subject"
        else:
            agent = next((who for verb in rules.data.passive_verb.finditer(rules.norm, q.prefix_start, q.span.open)
                          if not rules.statements.in_quote(verb.start())
                          and (who := rules.passive_agent(verb.end(), q.span.open)) is not None), None)
            if agent is not None:  # « La Russie a été accusée par Londres de mener « ... » »: Londres speaks
                q.who = Who(agent.name, agent.written, agent.is_new, 0.5, "narration-agent")
                continue
            subject, pronoun = rules.sentence_subject(q.prefix_start, q.span.open)
            how = "narration-subject"
            if subject is None and pronoun is not None:
                at = rules.norm.find(pronoun, q.prefix_start, q.span.open)
                who = rules.pronoun(pronoun, at) if at >= 0 else None
                if who is not None and who.name and who.name is not ANON:
                    q.who = Who(who.name, who.written, who.is_new, 0.5, "narration-pronoun")
                continue
            if subject is None:  # "Le directeur général de Kyivstar avait qualifié l'incident de « ... »"
                who = rules.opening_role(q.prefix_start, q.span.open)
                if who is not None:
                    q.who = Who(who.name, who.written, who.is_new, min(who.confidence, 0.5), "narration-role")
                continue
            if subject is not None:
                lead = rules.norm[q.prefix_start:subject.start]
                if rules.data.document.search(lead):  # "The text goes on to urge Moscow to « ... »"
                    owner = rules.last_document(q.span.open)
                    if owner:
                        q.who = Who(owner[0], lead.strip(), False, 0.5, "narration-document", "readout")
                    continue
                if len(re.findall(r"\w+", lead)) > NARRATION_SUBJECT_WORDS:
                    continue  # far into its sentence: an object more often than the subject
        if subject is not None and subject not in (ANONYMOUS_SUBJECT, AMBIGUOUS_SUBJECT) \
                and subject.kind in candidates.SPEAKING_KINDS:
            q.who = Who(subject.name, subject.written, subject.is_new, 0.5, how)

def _coordinated(rules: Attribution, prev: QuoteInContext, q: QuoteInContext) -> bool:
    """Two quotes of one sentence, the second after a conjunction and a verb of the same subject (« ... »
    cette attaque et rappelle que la France « ... »), or in a participle clause of it ("... condemns “...”
    of the GRU, adding that such conduct “...”")."""
    between = rules.norm[prev.span.close + 1:q.span.open]
    opens = fold(between.strip(" ,")) + " "
    participle = re.search(r",\s*([\w-]+)", between)
    if len(between) > 80 or not (any(opens.startswith(conj + " ") for conj in rules.data.CONJUNCTIONS) or (
            participle and fold(participle.group(1)) in rules.data.SPEECH_PARTICIPLES) or _verb_after_conjunction(
            rules, prev.span.close + 1, q.span.open)):
        return False
    return not any(rules.doc.boundary(i) for i in range(prev.span.close + 1, q.span.open))

def _verb_after_conjunction(rules: Attribution, a: int, b: int) -> bool:
    """A conjunction right before a speech verb in norm[a:b]: the verb shares the sentence's subject."""
    for conjunction in re.finditer(r"[\w-]+", rules.norm[a:b]):
        if fold(conjunction.group()) in rules.data.COORDINATORS:
            verb = rules.data.verb.match(rules.norm, a + conjunction.end() + 1)
            if verb and verb.end() <= b:
                return True
    return False


def _narration_subject(rules: Attribution, a: int, b: int) -> Mention | None:
    """The subject of the last sentence of narration in norm[a:b], when it names a person or a body."""
    i = bisect.bisect_right(rules.doc.sentence_starts, b - 1) - 1
    while i >= 0 and rules.doc.sentence_starts[i] >= b - 1:
        i -= 1
    if i < 0 or rules.doc.sentence_starts[i] < a:
        return None
    subject, _ = rules.sentence_subject(rules.doc.sentence_starts[i], b)
    return subject if subject is not None and subject.kind in candidates.SPEAKING_KINDS else None
def _bare(rules: Attribution, q: QuoteInContext) -> bool:
    """Nothing else in the quote's sentence: no attribution and no other predicate."""
    tail = "" if q.tail_new_sentence else rules.norm[q.span.close + 1:q.tail_end]
    if re.search(r"\w", tail):
        return False
    prefix = rules.norm[q.prefix_start:q.span.open].strip()
    if not prefix or prefix.endswith(":"):
        return True
    return bool(rules.data.complementizer_end.search(prefix))
