"""Result types of the extractor (plain dataclasses, no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field

from statements.dates import PartialDate


@dataclass
class SpeakerCandidate:
    """One speaker the extractor weighed for a quote: shown to the reviewer beside the quote."""

    name: str  # the actor's canonical name, or the name as written when it is not an actor yet
    score: float  # the candidate's weight, comparable between the candidates of one quote
    cue: str  # what proposed it: the rule or construction ("verb subject", "according to", "previous sentence")

    def as_dict(self) -> dict:
        return {"name": self.name, "score": round(self.score, 3), "cue": self.cue}


@dataclass
class Who:
    """The speaker a rule of the extractor found for a quote, before it becomes an ExtractedQuote's
    (attribution.py, continuations.py): `name` is None when the words written name no actor yet,
    attribution.ANON when they name an unnamed official."""

    name: str | None
    written: str = ""  # the words that name the speaker ("the minister", "il", "Jake Sullivan")
    is_new: bool = False  # not in the gazetteer
    confidence: float = 0.0
    how: str = ""  # the rule that found it
    kind: str = "direct"  # direct | readout
    verb: str = ""  # the speech verb, when a verb's subject


@dataclass
class ExtractedQuote:
    text: str
    start: int
    end: int
    kind: str = "direct"  # direct | partial | indirect | readout (the values of Quote.Kind)
    speaker: str | None = None
    speaker_as_written: str = ""
    speaker_is_new: bool = False
    confidence: float = 0.0
    statement_date: PartialDate | None = None
    actors: list[str] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    claim_type: str = ""
    addressee: str | None = None
    how: str = ""  # which rule attributed the speaker (debugging, tests)
    rule: str = ""  # the key of its fitted confidence (statements/extraction/confidence.py)
    candidate_speaker: str | None = None  # the best candidate, kept for review when its rule is too unsure
    candidates: list[SpeakerCandidate] = field(default_factory=list)  # every speaker weighed, best first

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker_as_written": self.speaker_as_written,
            "speaker_is_new": self.speaker_is_new,
            "confidence": round(self.confidence, 3),
            "statement_date": self.statement_date.isoformat() if self.statement_date else None,
            "claim_type": self.claim_type,
            "addressee": self.addressee,
            "actors": self.actors,
            "incidents": self.incidents,
            "events": self.events,
            "topics": self.topics,
            "how": self.how,
            "rule": self.rule,
            "candidate_speaker": self.candidate_speaker,
            "candidates": [candidate.as_dict() for candidate in self.candidates],
        }


@dataclass
class NewActor:
    name: str
    kind: str  # person | agency | company | group | igo | state | other
    language: str


@dataclass
class NewIncident:
    """An incident the gazetteer lacks, found in the text (statements/extraction/found_incidents.py)."""

    name: str  # as first written ("Cyberattaque contre l'hôpital de Versailles")
    victim: str  # as written ("hôpital de Versailles")
    key: str  # its victim, folded ("hopital versailles"): two articles naming one victim name one incident
    language: str
    kind: str = "other"  # the values of Incident.Kind
    date: PartialDate | None = None  # the date its sentence states, else the article's month


@dataclass
class StatedRole:
    actor: str
    title: str
    organisation: str | None = None


@dataclass
class ExtractedClaim:
    """"X attributes the attack to Y" or "X denies it", as the text says it (statements/extraction/attributions.py)."""

    claimant: str
    accused: str
    incident: str
    stance: str  # attribution | denial (the values of AttributionClaim.Stance)
    words: str  # the sentence, or the quote, that makes the claim
    confidence_wording: str = ""
    quote_index: int | None = None  # the quote (of Extraction.quotes) that makes it, if a quote does

    def as_dict(self) -> dict:
        return {"claimant": self.claimant, "accused": self.accused, "incident": self.incident, "stance": self.stance,
                "confidence_wording": self.confidence_wording, "words": self.words}


@dataclass
class Extraction:
    language: str
    published: PartialDate | None = None
    # the date roles were read at: `published`, else inferred from the text (dating.py), and where it comes from
    roles_date: PartialDate | None = None
    roles_date_source: str = ""  # published | incident | event | text
    quotes: list[ExtractedQuote] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)
    roles: list[StatedRole] = field(default_factory=list)
    claims: list[ExtractedClaim] = field(default_factory=list)
    new_incidents: list[NewIncident] = field(default_factory=list)

    def as_json(self, path: str = "") -> dict:
        """The document in the scorer's JSON Lines format (plus the extra fields)."""
        return {
            "path": str(path),
            "language": self.language,
            "date": self.published.isoformat() if self.published else None,
            "quotes": [quote.as_dict() for quote in self.quotes],
            "actors": self.actors,
            "incidents": self.incidents,
            "events": self.events,
            "topics": self.topics,
            "new_actors": [{"name": a.name, "kind": a.kind} for a in self.new_actors],
            "roles": [{"actor": r.actor, "title": r.title, "organisation": r.organisation} for r in self.roles],
            "claims": [claim.as_dict() for claim in self.claims],
            "new_incidents": [{"name": i.name, "victim": i.victim, "kind": i.kind,
                               "date": i.date.isoformat() if i.date else None}
                              for i in self.new_incidents],
        }
