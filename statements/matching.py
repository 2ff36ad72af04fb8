"""One statement, many reports: recognising that a new quote reports an utterance already stored.

The same readout, communiqué sentence or press-conference answer is quoted by several articles, outlets
and languages. At import (statements/ingest/quotes.py) each new quote either joins the statement of an
earlier quote from another article, or becomes a statement of its own. Two quotes report one statement when

- they have the same speaker and were said within `WINDOW_DAYS` of each other (a person and the institution
  they speak for on that day are one speaker here, from the actors' affiliations: Dmitry Peskov and the
  Kremlin, a ministry and its spokesperson, a state and its head; and an office and the holder of the role it
  speaks for, statements/matching_offices.json: the White House and the President of the United States) (the
  stated or inferred date; a quote of an undated article takes the date of the event it belongs to, a guess
  read within `INFERRED_WINDOW_DAYS`), or belong to one occasion (the same event or incident) when one of
  them has no date;
- or one speaker is unknown (an unattributed readout) but both belong to the same event or incident, or the
  two speakers are of one country and both belong to the same event (the readout of a call is the White
  House's in one report and the president's in another), or they are one actor that two imports created
  under two names (an unreviewed actor, names alike in either language) and both belong to one occasion;
- and their words say the same, in either language: the share of content features they have in common, over
  the shorter quote's, reaches `MERGE_AT` (`MERGE_UNSURE_AT` when a speaker or a date is missing). A feature
  is a number (digits or words: "16" = "seize"), a glossary entry (statements/glossary.json: "ransomware" =
  "rançongiciel"), a lexicon entry of everyday words that mean the same without looking alike
  (statements/matching_lexicons/, a file per language pair: "told" = "dit", "répond*" = "respond*"), or the
  first letters of a longer word, which French and English share for most of their political vocabulary
  ("légitime" / "legitimate", "cyberattaques" / "cyber-attacks"). Two cuts of one sentence that share a run
  of `RUN_WORDS` words are as alike as an unsure match needs, however few features they share.

Speakers of different countries are never merged, nor is a quote with neither speaker nor occasion. A match below its
threshold but at `REVIEW_AT` or more is not merged: it is recorded as a StatementCandidate for a curator.
The earlier reports come from indexed queries only (a speaker's statements in a date window through the
statements' (speaker, statement_date) index, the reports of an event or an incident through the link
tables), each capped at `MAX_CANDIDATES`, never from a scan: matching stays fast with a million quotes.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from django.db.models import BigIntegerField, F, Q, Value
from django.db.models.functions import Cast

from actors.models import Actor, Affiliation, ReviewStatus
from actors.names import fold
from statements.dates import PartialDate
from statements.models import Quote, Statement, StatementCandidate
from statements.search.glossary import GLOSSARY_FILE

WORDS_FILE = Path(__file__).resolve().parent / "matching_words.json"
LEXICONS_DIR = Path(__file__).resolve().parent / "matching_lexicons"  # one file per language pair
OFFICES_FILE = Path(__file__).resolve().parent / "matching_offices.json"
WINDOW_DAYS = 3
INFERRED_WINDOW_DAYS = 31  # around the date of a quote's event, when the quote has none of its own
MERGE_AT = 0.4
MERGE_UNSURE_AT = 0.6  # when one side's speaker is unknown: the same occasion (event) and closer words
REVIEW_AT = 0.25
MIN_SHARED = 2  # features in common, whatever the share: one shared word is chance
RUN_WORDS = 8  # words in a row that two cuts of one sentence share, stopwords included (see runs)
SHORT_FEATURES = 2  # a quote of at most this many features is a short sentence (see similarity)
PREFIX = 5  # letters of a word that stand for it (a stem shared by both languages)
MAX_CANDIDATES = 100  # earlier reports read per query


def _key(word: str) -> str:
    """A folded word without its plural s/x (the glossary's reading)."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


_ACCENTS = re.compile(r"[\u0300-\u036f]")
_JOINED = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")  # "cyber-attacks" is "cyberattacks"


def _words(text: str) -> list[str]:
    """A text's words, folded (case, accents). Not actors.names.fold, which folds a character at a time:
    matching folds hundreds of earlier reports per new quote."""
    folded = _ACCENTS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return re.findall(r"\w+", _JOINED.sub("", folded))


def _phrase_key(form: str) -> tuple[str, ...]:
    return tuple(_key(word) for word in _words(form))


@dataclass(frozen=True)
class _Words:
    stopwords: frozenset[str]  # every language's: a quote's words are compared whatever their language
    numbers: dict[str, int]
    forms: dict[tuple[str, ...], str]  # a glossary or lexicon form -> its entry's id
    lengths: dict[str, tuple[int, ...]]  # a form's first word -> the lengths of its forms, longest first
    stems: dict[str, str]  # a lexicon stem ("repond" of "répond*") -> its entry's id
    stem_lengths: tuple[int, ...]  # the stems' lengths, longest first


def _entries() -> list[dict[str, list[str]]]:
    """The glossary's entries and those of every language pair's lexicon (statements/matching_lexicons/)."""
    entries = json.loads(GLOSSARY_FILE.read_text(encoding="utf-8"))["entries"]
    for path in sorted(LEXICONS_DIR.glob("*.json")):
        entries += json.loads(path.read_text(encoding="utf-8"))["entries"]
    return entries


def _joined(entries: list[dict[str, list[str]]]) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """Each form (a phrase key) and each stem, with the id of its entry, entries that share a form or a stem, or
    one of whose stems begins another's one-word form, being one ("hack*" and the glossary's "hack")."""
    parent = list(range(len(entries)))

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    owner_of_form: dict[tuple[str, ...], int] = {}
    owner_of_stem: dict[str, int] = {}
    for number, entry in enumerate(entries):
        for form in (form for language_forms in entry.values() for form in language_forms):
            if form.endswith("*"):
                key, owners = "".join(_words(form[:-1])), owner_of_stem
            else:
                key, owners = _phrase_key(form), owner_of_form
            if key:
                parent[root(number)] = root(owners.setdefault(key, number))
    for stem, number in owner_of_stem.items():
        for phrase, other in owner_of_form.items():
            if len(phrase) == 1 and phrase[0].startswith(stem):
                parent[root(other)] = root(number)
    return ({phrase: f"g{root(number)}" for phrase, number in owner_of_form.items()},
            {stem: f"g{root(number)}" for stem, number in owner_of_stem.items()})


@cache
def _data() -> _Words:
    words = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    stopwords = frozenset(_key(word) for data in words["languages"].values()
                          for word in _words(" ".join(data["stopwords"])))
    stopwords |= frozenset(word for data in words["languages"].values() for word in _words(" ".join(data["stopwords"])))
    numbers = {fold(word): n for data in words["languages"].values() for word, n in data["numbers"].items()}
    forms, stems = _joined(_entries())
    lengths: dict[str, set[int]] = defaultdict(set)
    for phrase in forms:
        lengths[phrase[0]].add(len(phrase))
    return _Words(stopwords, numbers, forms, {word: tuple(sorted(n, reverse=True)) for word, n in lengths.items()},
                  stems, tuple(sorted({len(stem) for stem in stems}, reverse=True)))


def signature(text: str, language: str) -> frozenset[str]:
    """The content features of a quote's words, comparable across French and English (`language` is the
    quote's; the stopwords of every language are left out, as quotes mix them)."""
    data = _data()
    words = _words(text)
    keys = [word[:-1] if len(word) > 3 and word[-1] in "sx" else word for word in words]  # _key, inlined
    features: set[str] = set()
    covered: set[int] = set()
    lengths, forms, numbers, stopwords, stems = data.lengths, data.forms, data.numbers, data.stopwords, data.stems
    for start, key in enumerate(keys):  # the longest glossary or lexicon form at each word, left to right
        if key in lengths and start not in covered:
            for length in lengths[key]:
                if (entry := forms.get(tuple(keys[start:start + length]))) is not None:
                    features.add(entry)
                    covered.update(range(start, start + length))
                    break
    for index, word in enumerate(words):
        if index in covered:
            continue
        if word in numbers:
            features.add(f"#{numbers[word]}")
        elif word.isdigit():
            features.add(f"#{int(word)}")
        elif keys[index] in stopwords:
            continue
        elif stem := next((word[:n] for n in data.stem_lengths if n <= len(word) and word[:n] in stems), None):
            features.add(stems[stem])  # the longest lexicon stem that begins the word
        elif len(word) >= 4:
            features.add(word[:PREFIX])
    return frozenset(features)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter quote's features the other one has (0 when they share fewer than MIN_SHARED):
    a quoted fragment of a longer report is as much that statement as a whole translation. One shared feature
    is chance, except between two short sentences that say one thing each ("We have hacked the hackers",
    "Nous avons piraté les pirates"): the shorter has one feature, the other at most SHORT_FEATURES."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    short = shared == 1 and min(len(a), len(b)) == 1 and max(len(a), len(b)) <= SHORT_FEATURES
    if shared < MIN_SHARED and not short:
        return 0.0
    return shared / min(len(a), len(b))


def runs(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of RUN_WORDS words of a text, folded. Two quotes that share one are two cuts of one sentence
    (a communiqué quoted from its start by one outlet, to its end by another), however little else they share."""
    words = _words(text)
    return frozenset(tuple(words[start:start + RUN_WORDS]) for start in range(len(words) - RUN_WORDS + 1))


def closeness(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two quotes are as a whole (Dice): what decides between two quotes that both match one
    statement, so that a two-word fragment does not win over the whole translation."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class _Report:
    """A stored quote that may report the same statement as a new one, as matching reads it."""

    text: str
    language: str
    statement_id: int
    statement_date: datetime.date | None
    statement_speaker_id: int | None
    statement_speaker_country: str | None
    statement_speaker_review: str | None
    statement_speaker_name: str | None
    own_date: datetime.date | None  # the report's own statement date: None when its event's was taken, or none
    events: set[int] = field(default_factory=set)
    incidents: set[int] = field(default_factory=set)
    features: frozenset[str] = frozenset()

    @cached_property
    def runs(self) -> frozenset[tuple[str, ...]]:  # only for the reports whose features are not alike enough
        return runs(self.text)

    @property
    def stated(self) -> bool:
        """Whether the statement's date is not a guess from this report's event."""
        return self.own_date is not None or self.statement_date is None


@dataclass
class _NewQuote:
    quote: Quote
    said: PartialDate | None
    events: set[int]
    incidents: set[int]
    country: str = ""  # the speaker's
    tentative: bool = False  # the speaker is an actor no curator has reviewed (see _tentatively_one)
    speaker_name: str = ""
    stated: bool = True  # `said` is the quote's own date, not its event's
    voices: frozenset[int] = frozenset()  # the speaker, and who speaks as it (or it for) on the quote's day

    @cached_property
    def window(self) -> tuple[datetime.date, datetime.date] | None:  # asked once per earlier report: kept
        """The days an earlier report of the same statement was said in. A date taken from the quote's event is
        a guess (an undated article's story may be linked to the sanctions that followed the words): wider."""
        if self.said is None:
            return None
        margin = datetime.timedelta(days=WINDOW_DAYS if self.stated else INFERRED_WINDOW_DAYS)
        return self.said.date - margin, self.said.last_day + margin

    @cached_property
    def wide_window(self) -> tuple[datetime.date, datetime.date] | None:
        """The window around a report whose date is a guess from its event (see window)."""
        if self.said is None:
            return None
        margin = datetime.timedelta(days=INFERRED_WINDOW_DAYS)
        return self.said.date - margin, self.said.last_day + margin

    def threshold(self, report: _Report) -> float | None:
        """The score `report` must reach to be this quote's statement, or None when it cannot be: not the same
        speaker (an unknown one matches only on its own occasion), or said too far apart."""
        window, speaker = self.window if report.stated else self.wide_window, self.quote.speaker_id
        dated_both = window is not None and report.statement_date is not None
        if dated_both and not window[0] <= report.statement_date <= window[1]:
            return None
        same_speaker = speaker is not None and report.statement_speaker_id in self.voices
        occasion = bool(self.incidents & report.incidents or self.events & report.events)
        if same_speaker:  # one has no date of its own: closer words
            return MERGE_AT if (dated_both and self.stated and report.stated) or occasion else MERGE_UNSURE_AT
        if occasion and (None in (speaker, report.statement_speaker_id) or self._tentatively_one(report)):
            return MERGE_UNSURE_AT
        if self.events & report.events and self.country and self.country == report.statement_speaker_country:
            return MERGE_UNSURE_AT  # a readout is the White House's in one report, the president's in another
        return None

    def _tentatively_one(self, report: _Report) -> bool:
        """Whether this quote's speaker and the report's may be one actor twice: an actor the gazetteer lacks is
        created by the import that names it, unreviewed, and the same embassy named in French and in English
        ("ambassade de Chine à Londres", "Chinese embassy in London"), or one official spelled two ways
        ("Vitiouk", "Vitiuk"), become two actors until a curator merges them: when the words of the shorter name
        are all the other's, in either language and read by their first letters, and not of two countries."""
        if not (self.tentative or report.statement_speaker_review == ReviewStatus.UNREVIEWED):
            return False
        if self.country and report.statement_speaker_country and self.country != report.statement_speaker_country:
            return False
        own, other = _name_words(self.speaker_name), _name_words(report.statement_speaker_name or "")
        return bool(own and other) and (own <= other or other <= own)


def _name_words(name: str) -> frozenset[str]:
    """A name's words as matching compares two spellings or languages of one name: its lexicon and glossary
    entries ("embassy" = "ambassade"), the other words by their first four letters ("Londres" = "London",
    "Vitiouk" = "Vitiuk")."""
    return frozenset(feature if feature[0] in "g#" and feature[1:].isdigit() else feature[:4]
                     for feature in signature(name, ""))


@dataclass
class Occasions:
    """A quote's events and incidents (ids), and the start of its earliest event: what matching reads of its
    links. An import passes those of the quotes it is storing (statements/ingest/quotes.py), read from what it
    found; `quotes_assign_statements` reads those of stored quotes."""

    events: set[int] = field(default_factory=set)
    incidents: set[int] = field(default_factory=set)
    earliest_event: PartialDate | None = None


def _links(quotes: list[Quote]) -> list[Occasions]:
    """Each stored quote's occasions (two queries)."""
    ids = [quote.pk for quote in quotes]
    events: dict[int, dict[int, PartialDate | None]] = defaultdict(dict)
    incidents: dict[int, set[int]] = defaultdict(set)
    for quote_id, event_id, date, precision in Quote.events.through.objects.filter(quote_id__in=ids).values_list(
            "quote_id", "event_id", "event__start_date", "event__start_precision"):
        events[quote_id][event_id] = PartialDate.from_fields(date, precision)
    for quote_id, incident_id in Quote.incidents.through.objects.filter(quote_id__in=ids).values_list(
            "quote_id", "incident_id"):
        incidents[quote_id].add(incident_id)
    return [Occasions(set(events[quote.pk]), incidents[quote.pk], earliest_start(events[quote.pk].values()))
            for quote in quotes]


def earliest_start(starts: Iterable[PartialDate | None]) -> PartialDate | None:
    """The earliest of some events' starts (those without a date left out)."""
    return min((start for start in starts if start is not None), key=lambda start: start.date, default=None)


def _reports(article_id: int, new: list[_NewQuote]) -> list[_Report]:
    """The visible reports in other articles that may be one of the new quotes' statements, gathered by
    indexed queries only: the statements of each speaker in its date window (the statements'
    (speaker, statement_date) index), the reports of the quotes' events, and the reports of the quotes'
    incidents by the same speakers (for a quote or a report without a date). Those indexed queries are sent
    as one (UNION ALL of each capped at MAX_CANDIDATES), each row with the event or incident it was found through,
    and the links of the reports that still need them as one."""
    visible = Quote.objects.published().filter(statement__isnull=False).exclude(article_id=article_id)
    columns = ("pk", "text", "language", "statement_id", "statement__statement_date", "statement__speaker_id",
               "statement__speaker__country", "statement__speaker__review_status", "statement__speaker__name",
               "statement_date")
    branches = []
    no_link = Cast(Value(None), BigIntegerField())  # typed: a bare NULL in a branch of the union reads as text

    def gather(queryset, via_event=no_link, via_incident=no_link):
        """One branch of candidates, each row with the event or incident it was found through (when one was):
        a link already known need not be read again."""
        queryset = queryset if queryset.query.order_by else queryset.order_by()  # not Quote's ordering: a sort
        queryset = queryset.annotate(via_event=via_event, via_incident=via_incident)
        branches.append(queryset.values_list(*columns, "via_event", "via_incident")[:MAX_CANDIDATES])

    windows: dict[frozenset[int], list[tuple[datetime.date, datetime.date]]] = defaultdict(list)
    for item in new:
        if item.quote.speaker_id is not None and item.window is not None:
            windows[item.voices].append(item.window)
    for voices, spans in windows.items():
        gather(visible.filter(statement__speaker_id__in=voices, statement__statement_date__range=(
            min(low for low, _ in spans), max(high for _, high in spans))))
    speakers = set().union(*(item.voices for item in new))
    if speakers:  # their undated statements; every statement of a speaker of an undated quote, newest first
        gather(visible.filter(statement__speaker_id__in=speakers, statement__statement_date__isnull=True))
        for speaker_id in {item.quote.speaker_id for item in new if item.said is None} - {None}:
            # Newest first as the (speaker, statement_date) index read backwards gives them (undated first).
            gather(visible.filter(statement__speaker_id=speaker_id).order_by("-statement__statement_date"))
    if events := set().union(*(item.events for item in new)):
        gather(visible.filter(events__in=events), via_event=F("events"))
    if incidents := set().union(*(item.incidents for item in new)):
        # Reports of the quotes' incidents that the speaker and date queries above do not reach: undated or
        # unattributed statements (each query through an index on the statements' speaker and date), and for a
        # dated unattributed quote the incident's reports of its days by anyone (the article that names the
        # speaker of the same words). Not every attributed statement of its days: at a million quotes that is
        # thousands of statements a week; those of its incident are few, and capped.
        of_incidents = visible.filter(incidents__in=incidents)
        about = [item for item in new if item.incidents]
        known = set().union(*(item.voices for item in about))
        anyone = any(item.quote.speaker_id is None for item in about)
        spans = [item.window for item in about]
        if None in spans:  # an undated quote: the incident's newest statements
            if not anyone:
                of_incidents = of_incidents.filter(
                    Q(statement__speaker_id__in=known) | Q(statement__speaker__isnull=True))
            gather(of_incidents.order_by("-statement__statement_date"), via_incident=F("incidents"))
        else:
            window = (min(low for low, _ in spans), max(high for _, high in spans))
            unattributed = Q(statement__speaker__isnull=True)
            of_days = of_incidents.filter(statement__statement_date__range=window)
            gather(of_days if anyone else of_days.filter(unattributed), via_incident=F("incidents"))
            undated = of_incidents.filter(statement__statement_date__isnull=True)
            # An unattributed quote may be an undated report's of anyone: the incident's undated reports.
            gather(undated if anyone else undated.filter(unattributed | Q(statement__speaker_id__in=known)),
                   via_incident=F("incidents"))
    if not branches:
        return []
    found: dict[int, _Report] = {}
    for pk, *values, via_event, via_incident in branches[0].union(*branches[1:], all=True):  # in order, one query
        report = found.setdefault(pk, _Report(*values))
        if via_event is not None:
            report.events.add(via_event)
        if via_incident is not None:
            report.incidents.add(via_incident)
    if linked := [pk for pk, report in found.items() if _occasion_matters(new, report)]:
        events = (Quote.events.through.objects.filter(quote_id__in=linked)
                  .annotate(is_event=Value(True)).values_list("quote_id", "event_id", "is_event"))
        incidents = (Quote.incidents.through.objects.filter(quote_id__in=linked)
                     .annotate(is_event=Value(False)).values_list("quote_id", "incident_id", "is_event"))
        for quote_id, target, is_event in events.union(incidents, all=True):
            (found[quote_id].events if is_event else found[quote_id].incidents).add(target)
    for report in found.values():
        report.features = signature(report.text, report.language)
    return list(found.values())


def _occasion_matters(new: list[_NewQuote], report: _Report) -> bool:
    """Whether a report's events and incidents can change its threshold for one of the new quotes (see
    _NewQuote.threshold): not for a quote without any, nor for one of the same speaker when both are dated,
    which the date window alone decides, nor when the query that found the report already gave an occasion
    they share and one speaker is unknown or they are the same (the occasion is all the threshold asks of its
    links then). The most quoted speakers' reports and an incident's reports for an unattributed quote, most
    of the candidates, are read without their links (at a million quotes, two index probes each)."""
    return any(_links_matter(item, report) for item in new)


def _links_matter(item: _NewQuote, report: _Report) -> bool:
    if not (item.events or item.incidents):
        return False
    same_speaker = item.quote.speaker_id is not None and report.statement_speaker_id in item.voices
    if same_speaker and item.window is not None and item.stated and report.statement_date is not None \
            and report.stated:
        return False
    shared = item.events & report.events or item.incidents & report.incidents
    unknown_speaker = None in (item.quote.speaker_id, report.statement_speaker_id)
    return not (shared and (same_speaker or unknown_speaker))


@cache
def _offices() -> dict[str, frozenset[str]]:
    """Each office's name and the titles of the roles whose holders it speaks for (statements/matching_offices.json)."""
    offices = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))["offices"]
    return {name: frozenset(titles) for name, titles in offices.items()}


def _office_roles(speakers: dict[int, str]) -> list[tuple[int, int, datetime.date | None, datetime.date | None]]:
    """The roles of the speakers (by id, with their names), or at the speakers, as their offices see them: the
    White House speaks for the President of the United States of its day, whose role the gazetteer holds at the
    state (a readout is the White House's in one report and Joe Biden's in another), the Kremlin for the
    President of Russia. One query (affiliations are a small table), and one more for the offices' ids when a
    speaker holds one of their roles."""
    titles = frozenset().union(*_offices().values())
    offices = {name: pk for pk, name in speakers.items() if name in _offices()}
    spoken_for = frozenset().union(*(_offices()[name] for name in offices))
    holders = list(Affiliation.objects.filter(Q(actor_id__in=speakers) | Q(title__in=spoken_for), title__in=titles)
                   .values_list("actor_id", "title", "start_date", "end_date")) if speakers else []
    if {title for _, title, _, _ in holders} - spoken_for:
        offices |= dict(Actor.objects.filter(name__in=_offices()).values_list("name", "pk"))
    return [(holder, offices[name], start, end) for holder, title, start, end in holders
            for name, office_titles in _offices().items() if title in office_titles and name in offices]


def _voices(item: _NewQuote, roles: list[tuple[int, int, datetime.date | None, datetime.date | None]]
            ) -> frozenset[int]:
    """The speakers a new quote's speaker is one with: itself, the institutions it held a role at when the
    quote was said and the holders of a role at it then (any time for an undated quote). Not two holders of
    roles at one institution: two spokespeople of a ministry are two speakers."""
    speaker = item.quote.speaker_id
    if speaker is None:
        return frozenset()
    low, high = (item.said.date, item.said.last_day) if item.said else (None, None)
    voices = {speaker}
    for actor, organisation, start, end in roles:
        if speaker in (actor, organisation) and (low is None or (
                (start is None or start <= high) and (end is None or low <= end))):
            voices.add(organisation if actor == speaker else actor)
    return frozenset(voices)


def best_matches(new: list[_NewQuote], reports: list[_Report]) -> dict[int, tuple[int, float, bool]]:
    """For each new quote (by its index) the statement it best matches: (statement id, score, sure enough to
    merge). One new quote per statement: two quotes of one article that both resemble one earlier report do
    not both join it (the closer one does, a quoted fragment yielding to the whole translation)."""
    scored = []
    for index, item in enumerate(new):
        own, own_runs = signature(item.quote.text, item.quote.language), runs(item.quote.text)
        best: dict[int, tuple] = {}
        for report in reports:
            threshold = item.threshold(report)
            if threshold is None:
                continue
            score = similarity(own, report.features)
            if score < MERGE_UNSURE_AT and own_runs and own_runs & report.runs:
                # two cuts of one sentence: as alike as an unsure match needs
                score = max(score, MERGE_UNSURE_AT)
            rank = (score >= threshold, closeness(own, report.features))
            if score >= REVIEW_AT and (report.statement_id not in best or rank > best[report.statement_id][0]):
                best[report.statement_id] = (rank, score)
        scored += [(rank, score, index, statement_id) for statement_id, (rank, score) in best.items()]
    matches: dict[int, tuple[int, float, bool]] = {}
    taken: set[int] = set()
    for rank, score, index, statement_id in sorted(scored, reverse=True):
        if index not in matches and statement_id not in taken:
            matches[index] = (statement_id, score, rank[0])
            taken.add(statement_id)
    return matches


def quotes_assign_statements(quotes: Iterable[Quote]) -> None:
    """Give each stored quote of one article that has none its statement: an earlier report's when one matches
    surely enough, else a new one (an unsure match is kept as a StatementCandidate for review). Quotes that
    already report a statement (found again by a re-extraction) keep it. An import matches its quotes before
    storing them instead (`statements_assign`)."""
    quotes = [quote for quote in quotes if quote.statement_id is None]
    if not quotes:
        return
    candidates = statements_assign(quotes, _links(quotes))
    Quote.objects.bulk_update(quotes, ["statement"])
    StatementCandidate.objects.bulk_create(candidates, ignore_conflicts=True)


def statements_assign(quotes: list[Quote], occasions: list[Occasions]) -> list[StatementCandidate]:
    """Set the statement of each quote of one article (`occasions`: theirs, in the same order), stored or not:
    an earlier report's when one matches surely enough, else a new Statement, created here. The quotes are not
    saved: an import inserts them once, with their statements. The unsure matches are returned as
    StatementCandidates for the caller to insert once the quotes are stored."""
    if not quotes:
        return []
    speakers = {quote.speaker_id for quote in quotes} - {None}
    # An import's quotes hold their resolved actors; stored quotes' speakers are read in one query.
    actors = {quote.speaker_id: {"country": quote.speaker.country,
                                 "tentative": quote.speaker.review_status == ReviewStatus.UNREVIEWED,
                                 "speaker_name": quote.speaker.name}
              for quote in quotes if quote.speaker_id is not None and Quote.speaker.is_cached(quote)}
    if unread := speakers - actors.keys():
        actors |= {pk: {"country": country, "tentative": review == ReviewStatus.UNREVIEWED, "speaker_name": name}
                   for pk, country, review, name in
                   Actor.objects.filter(pk__in=unread).values_list("pk", "country", "review_status", "name")}
    new = [_NewQuote(quote, PartialDate.from_fields(quote.statement_date, quote.statement_precision)
                     or links.earliest_event, links.events, links.incidents,
                     stated=quote.statement_date is not None, **actors.get(quote.speaker_id, {}))
           for quote, links in zip(quotes, occasions, strict=True)]
    roles = list(Affiliation.objects.filter(Q(actor_id__in=speakers) | Q(organisation_id__in=speakers),
                                            organisation__isnull=False)
                 .values_list("actor_id", "organisation_id", "start_date", "end_date")) if speakers else []
    roles += _office_roles({pk: actor["speaker_name"] for pk, actor in actors.items()})
    for item in new:
        item.voices = _voices(item, roles)
    reports = _reports(quotes[0].article_id, new)
    matches = best_matches(new, reports)
    alone = [item for index, item in enumerate(new) if not matches.get(index, (0, 0.0, False))[2]]
    created = Statement.objects.bulk_create([
        Statement(speaker_id=item.quote.speaker_id, statement_date=item.said.date if item.said else None,
                  statement_precision=item.said.precision if item.said else "day") for item in alone])
    for item, statement in zip(alone, created, strict=True):
        item.quote.statement = statement
    speaker_of = {report.statement_id: report.statement_speaker_id for report in reports}
    for index, (statement_id, _, sure) in matches.items():
        if sure:
            quotes[index].statement_id = statement_id
            if speaker_of[statement_id] is None and quotes[index].speaker_id is not None:
                # A report that names the speaker tells who made a statement its first reports left unknown
                # (unless another import named it since this one read it).
                Statement.objects.filter(pk=statement_id, speaker__isnull=True).update(
                    speaker_id=quotes[index].speaker_id)
    return [StatementCandidate(quote=quotes[index], statement_id=statement_id, score=round(score, 3))
            for index, (statement_id, score, sure) in matches.items() if not sure]
