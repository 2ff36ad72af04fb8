"""The Extraction built from what the stages found: its quotes as ExtractedQuote, actors, incidents,
events, topics, new actors and the roles the text states.

Takes the Document, its Entities, the Attribution (with the Statements, each quote's `who` final) and the
incidents and events the gazetteer found; gives the Extraction that `extract_quotes` returns. Per quote:
its text without the comma that leads to the attribution, its kind (direct, partial, readout), the date
its sentence states (when.py), the actors named in it, the incidents, events and topics of its sentence,
its claim type (claims.py) and addressee, and the speakers weighed (candidates.py).
"""

from __future__ import annotations

import bisect
import re

from . import candidates
from .attribution import ANON, Attribution
from .claims import claim_type
from .document import Document
from .entities import Entities
from .model import ExtractedQuote, Extraction, NewActor, SpeakerCandidate, StatedRole, Who
from .spans import SENTENCE_REACH, QuoteInContext
from .text import SPACES, Folded, fold
from .when import find_date

TOPIC_REACH = 100_000  # characters from the start read for the document's topics


def build_extraction(doc: Document, entities: Entities, rules: Attribution, incidents, events) -> Extraction:
    topics = _topics(doc, 0, min(len(doc.folded.folded), TOPIC_REACH))
    result = Extraction(language=doc.lang, published=doc.published, roles_date=doc.when,
                        roles_date_source=doc.when_source)
    result.quotes = [_quote(doc, entities, rules, q, incidents, events) for q in rules.statements.quotes]
    result.actors = _unique([*(m.name for m in entities.mentions if not m.is_new or m.name in entities.new_actors),
                             *entities.named_within])
    for q in result.quotes:
        if q.speaker and q.speaker not in result.actors:
            result.actors.append(q.speaker)
        if q.speaker in entities.victims and q.speaker not in entities.new_actors:
            entities.new_actors[q.speaker] = NewActor(q.speaker, entities.victims[q.speaker], doc.lang)
    result.incidents = _unique(m.value for m in incidents)
    named = {m.name for m in entities.mentions if m.how != "victim"}
    for name, victims, culprits in doc.gaz.incident_parties:
        # a victim and its attacker named together denote the incident ("Conti" + "Costa Rica")
        if name not in result.incidents and named & victims and named & culprits:
            result.incidents.append(name)
    result.events = _unique(m.value for m in events)
    result.topics = topics
    result.new_actors = list(entities.new_actors.values())
    result.roles = _roles(doc, entities)
    return result


def _quote(doc: Document, entities: Entities, rules: Attribution, q: QuoteInContext, incidents,
           events) -> ExtractedQuote:
    s = q.span
    who = q.who if q.who and q.who.name is not ANON else None
    name = who.name if who else None
    written = (q.who.written if q.who else "") or ""
    end = s.end
    while end > s.start and doc.text[end - 1] in ", " + SPACES:  # "...territory," he said: the comma leads out
        end -= 1
    inner = doc.text[s.start:end]
    prefix = doc.norm[q.prefix_start:s.open].rstrip()
    kind = "direct"
    if inner[:1].islower() and prefix and re.search(r"[\w']$", prefix):
        kind = "partial"
    if who and who.kind == "readout":
        kind = "readout"
    context_a, context_b = q.prefix_start, q.tail_end
    outside = doc.norm[context_a:s.open] + " " + doc.norm[s.close + 1:context_b]
    statement_date = find_date(outside, doc.data, doc.published)
    quote_mentions = [m for m in entities.mentions_in(s.start, s.end)]
    actors = _unique(m.name for m in quote_mentions)
    claim = claim_type(inner, who.verb if who else "", doc.data)
    addressee = None
    if claim in ("demand", "warning", "accusation"):
        pool = quote_mentions + entities.mentions_in(context_a, s.open) + entities.mentions_in(s.close, context_b)
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
        topics=_topics(doc, *_folded_range(doc.folded, context_a, context_b)),
        claim_type=claim, addressee=addressee, how=q.who.how if q.who else "",
        candidates=_candidates(doc, entities, rules, q, who, context_a, context_b),
    )

def _candidates(doc: Document, entities: Entities, rules: Attribution, q: QuoteInContext, who: Who | None,
                context_a: int, context_b: int) -> list[SpeakerCandidate]:
    """The speakers weighed for the quote, best first (statements/extraction/candidates.py); never
    changes the winner."""
    winner = None
    if who and who.name:
        winner = SpeakerCandidate(who.name, who.confidence, candidates.winner_cue(who.how, who.verb))
    elif q.who and q.who.name is None and q.who.written:  # "according to X", X not an actor yet
        winner = SpeakerCandidate(q.who.written, 0.3, candidates.winner_cue(q.who.how, ""))
    named = [m for m in entities.mentions_in(context_a, context_b) if not rules.statements.in_quote(m.start)]
    previous = None
    i = bisect.bisect_right(doc.sentence_starts, q.prefix_start - 1) - 1
    if i >= 0:
        previous, _ = rules.sentence_subject(max(doc.sentence_starts[i], q.prefix_start - SENTENCE_REACH),
                                             q.prefix_start)
    return candidates.weighed(winner, [(m.name, m.kind) for m in named],
                              (previous.name, previous.kind) if previous else None)

def _folded_range(folded: Folded, a: int, b: int) -> tuple[int, int]:
    fa = bisect.bisect_left(folded._map, a)
    fb = bisect.bisect_left(folded._map, b)
    return fa, fb

def _topics(doc: Document, a: int, b: int) -> list[str]:
    """The topics named in doc.folded[a:b]."""
    region = doc.folded.folded[a:b]
    out = []
    for slug, pattern in doc.gaz.topic_patterns(doc.lang):
        if pattern.search(region):
            out.append(slug)
    return out


def _roles(doc: Document, entities: Entities) -> list[StatedRole]:
    out, seen = [], set()
    role = doc.data.role.pattern
    spokes = doc.data.spokes.pattern
    head = rf"(?:{role}|{spokes})"
    for m in entities.mentions:
        if not m.person:
            continue
        before = doc.norm[max(0, m.start - 120):m.start]
        after = doc.norm[m.end:m.end + 140]
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
        orgs = [x for x in entities.mentions_in(t_start, t_start + len(title)) if not x.person]
        organisation = orgs[0].name if orgs else None
        key = (m.name, fold(title))
        if key not in seen:
            seen.add(key)
            out.append(StatedRole(m.name, doc.text[t_start:t_start + len(title)], organisation))
    return out


def _unique(items) -> list:
    out, seen = [], set()
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
