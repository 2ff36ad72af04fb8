"""Quote search: a parsed query becomes one PostgreSQL tsquery plus filters, ranked, faceted, highlighted.

Clauses are AND-ed, and each clause is the OR of its alternatives (the words typed, their glossary
equivalents, and a token naming an actor when the words are (nearly) that actor's name), each read
in every configuration of languages.QUERY_CONFIGURATIONS: a French quote is found by French stems
and an English one by English stems.
The tsquery is computed once (one small query) and then used as a literal by the search, the
ranking and the headlines.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from actors.models import Actor
from actors.names import fold
from statements.models import Incident, Quote
from statements.search import glossary, names
from statements.search.languages import QUERY_CONFIGURATIONS
from statements.search.parser import DateRange, ParsedQuery, SearchQueryError, Term, parse_date, parse_query
from statements.search.window import date_order, first_matches

SORTS = ("relevance", "date", "oldest")
FACET_LENGTH = 10  # speakers and incidents listed in the facets
FILTER_NAMES = ("speaker", "actor", "incident", "topic", "claim", "lang", "kind")
ACTOR_NGRAM = 3  # longest run of query words tried as an actor's name
MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in news copy, escaped around
SHORT_QUOTE_CHARS = 500  # shorter quotes are shown whole, highlighted; longer ones as fragments
WHOLE_QUOTE_OPTIONS = f"StartSel='{MARK_START}', StopSel='{MARK_END}', HighlightAll=true"
FRAGMENTS_OPTIONS = (f"StartSel='{MARK_START}', StopSel='{MARK_END}', MaxFragments=3, MaxWords=30, MinWords=12, "
                     "FragmentDelimiter=' … '")
TYPED_WORDS_BOOST = 2.0  # the words as typed weigh more than their glossary equivalents

CLAIM_SYNONYMS = {
    "attribution": "accusation", "accuse": "accusation", "threat": "warning", "menace": "warning",
    "avertissement": "warning", "offer": "commitment", "engagement": "commitment", "promise": "commitment",
    "dementi": "denial", "deny": "denial", "exigence": "demand", "evaluation": "assessment",
}
KIND_SYNONYMS = {"communique": "readout", "direct": "direct", "partial": "partial", "partielle": "partial",
                 "indirect": "indirect", "indirecte": "indirect", "readout": "readout"}


class TsQueryLiteral(SearchQuery):
    """A tsquery given as text, e.g. the output of a previous tsquery expression."""

    template = "%(expressions)s::tsquery"


@dataclass(frozen=True)
class Alternative:
    """One way a clause may match: words (phrase or all of them), or a resolved actor."""

    text: str = ""
    phrase: bool = False
    actor_id: int | None = None


# --- from the parsed query to a tsquery ------------------------------------------------------------


def _single_word(clause: list[Term]) -> str | None:
    if len(clause) == 1 and not clause[0].phrase and " " not in clause[0].text:
        return clause[0].text
    return None


def expand_clauses(parsed: ParsedQuery, actor_matches: dict[str, list[tuple[int, float]]]) -> list[list[Alternative]]:
    """Clauses with their alternatives; adjacent single words that form a glossary entry or an actor's
    name become one clause ("critical infrastructure", "joe biden")."""
    clauses = parsed.clauses
    expanded: list[list[Alternative]] = []
    index = 0
    while index < len(clauses):
        run = []
        for clause in clauses[index : index + max(glossary.LONGEST, ACTOR_NGRAM)]:
            word = _single_word(clause)
            if word is None:
                break
            run.append(word)
        merged = False
        for size in range(len(run), 1, -1):
            words = " ".join(run[:size])
            forms = glossary.equivalents(words)
            actors = actor_matches.get(fold(words), []) if size <= ACTOR_NGRAM else []
            if forms or actors:
                alternatives = [Alternative(words), *(Alternative(form, phrase=True) for form in forms)]
                alternatives += [Alternative(actor_id=actor_id) for actor_id, _ in actors]
                expanded.append(alternatives)
                index += size
                merged = True
                break
        if merged:
            continue
        alternatives = []
        for term in clauses[index]:
            alternatives.append(Alternative(term.text, phrase=term.phrase))
            alternatives += [Alternative(form, phrase=True) for form in glossary.equivalents(term.text)]
            if not term.phrase:
                actors = actor_matches.get(fold(term.text), [])
                alternatives += [Alternative(actor_id=actor_id) for actor_id, _ in actors]
        expanded.append(list(dict.fromkeys(alternatives)))
        index += 1
    return expanded


def _candidate_names(parsed: ParsedQuery) -> list[str]:
    """Runs of 1 to ACTOR_NGRAM adjacent single words: what might be an actor's name."""
    words = [_single_word(clause) for clause in parsed.clauses]
    candidates = []
    for start in range(len(words)):
        for size in range(1, ACTOR_NGRAM + 1):
            run = words[start : start + size]
            if len(run) == size and None not in run:
                candidates.append(" ".join(run))
    return candidates


def _words_query(text: str, config: str, *, phrase: bool) -> tuple[str, list]:
    """SQL for the tsquery of `text` in the text search configuration `config`: the phrase, or all of
    its words (each read on its own, so that a word no configuration indexes drops out)."""
    # Inside double quotes websearch_to_tsquery reads no operators: the text is a phrase.
    if phrase:
        return "websearch_to_tsquery(%s::regconfig, %s)", [config, f'"{text}"']
    words = [_words_query(word, config, phrase=True) for word in text.split()]
    return " && ".join(sql for sql, _ in words), [value for _, params in words for value in params]


def _group(text: str) -> str:
    return f"( {text} )" if " " in text else text


def any_of(texts) -> str:
    """tsquery text: any of the tsqueries (their duplicates and empty ones left out)."""
    unique = list(dict.fromkeys(text for text in texts if text))
    return unique[0] if len(unique) == 1 else " | ".join(_group(text) for text in unique)


def all_of(texts) -> str:
    """tsquery text: all of the tsqueries (empty ones left out, as PostgreSQL's && does)."""
    unique = list(dict.fromkeys(text for text in texts if text))
    return unique[0] if len(unique) == 1 else " & ".join(_group(text) for text in unique)


def read_alternatives(alternatives) -> dict[Alternative, list[str]]:
    """Each alternative's readings as tsquery texts, one per configuration of QUERY_CONFIGURATIONS
    ('' where a configuration indexes none of its words), in one round trip.

    The search composes its tsquery from these texts (any_of, all_of) rather than in SQL, so that a
    lexeme several readings share appears once: the GIN index then reads its entries once, and the
    planner estimates the query's matches without counting them twice.
    """
    unique = list(dict.fromkeys(alternatives))
    words = [alternative for alternative in unique if alternative.actor_id is None]
    texts = iter(evaluate_tsqueries(*(_words_query(alternative.text, config, phrase=alternative.phrase)
                                      for alternative in words for config in QUERY_CONFIGURATIONS)))
    readings = {alternative: [next(texts) for _ in QUERY_CONFIGURATIONS] for alternative in words}
    for alternative in unique:
        if alternative.actor_id is not None:
            readings[alternative] = [f"'zzspeaker{int(alternative.actor_id)}'"]
    return readings


def excluded_alternatives(terms: list[Term]) -> list[Alternative]:
    """An excluded word and its equivalents: whatever any reading of them finds is excluded."""
    alternatives = []
    for term in terms:
        alternatives.append(Alternative(term.text, phrase=term.phrase))
        alternatives += [Alternative(form, phrase=True) for form in glossary.equivalents(term.text)]
    return alternatives


_LEXEME = re.compile(r"'(?:[^']|'')*'")  # a lexeme in a tsquery's text, quoted ('' for a quote inside)


def lexemes_in_no_quote(lexemes) -> set[str]:
    """Which of these lexemes (quoted, as in a tsquery's text) no quote holds, in one round trip.

    A word is read in every configuration and through the glossary, and many readings index nothing
    (the French stem of an English word, the unstemmed form of a French one). Left in the tsquery,
    each still costs: the GIN index and every quote walked past test the whole tsquery. Each test is
    an EXISTS with the lexeme as a literal (Django binds parameters client-side): the planner finds a
    frequent lexeme among the first quotes of the table, a rare one through the GIN index, and stops
    at the first quote either way.
    """
    lexemes = sorted(set(lexemes))
    if not lexemes:
        return set()
    exists = f"EXISTS (SELECT 1 FROM {Quote._meta.db_table} WHERE search_vector @@ %s::tsquery)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join([exists] * len(lexemes))}", lexemes)
        return {lexeme for lexeme, held in zip(lexemes, cursor.fetchone(), strict=True) if not held}


def needs_unheld_lexeme(reading: str, unheld: set[str]) -> bool:
    """Whether a reading (a tsquery's text) requires a lexeme no quote holds, and so matches nothing:
    true when it has no | or ! (every lexeme in it is required) and one of its lexemes is unheld."""
    operators = _LEXEME.sub("", reading)
    return "|" not in operators and "!" not in operators and any(
        lexeme in unheld for lexeme in _LEXEME.findall(reading))


def evaluate_tsqueries(*queries: tuple[str, list]) -> list[str]:
    """The tsqueries, each SQL with its parameters, as text ('' for an empty tsquery), in one round trip."""
    if not queries:
        return []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(f'({sql})::text' for sql, _ in queries)}",
                       [value for _, params in queries for value in params])
        return [value or "" for value in cursor.fetchone()]


# --- filters ------------------------------------------------------------------------------------


def _date_q(dates: list[DateRange]) -> Q:
    """Quotes whose (possibly partial) date overlaps any of the periods."""
    either = Q()
    for period in dates:
        condition = Q(statement_date__isnull=False)
        if period.end:
            condition &= Q(statement_date__lte=period.end)
        if period.start:
            start = period.start
            condition &= (
                Q(statement_precision="day", statement_date__gte=start)
                | Q(statement_precision="month", statement_date__gte=start.replace(day=1))
                | Q(statement_precision="year", statement_date__gte=start.replace(month=1, day=1))
            )
        either |= condition
    return either


def _choice(field_name: str, value: str, choices, synonyms: dict[str, str]) -> str:
    key = fold(value)
    allowed = {str(choice) for choice in choices.values}
    resolved = key if key in allowed else synonyms.get(key)
    if resolved is None:
        for choice in choices:
            if fold(str(choice.label)).split(" ")[0] == key:
                resolved = choice.value
    if resolved not in allowed:
        raise SearchQueryError(f"{field_name}: {value!r} is not one of {', '.join(sorted(allowed))}.")
    return resolved


_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})?$")


def filter_q(name: str, values: list[str], resolved: dict[str, list[str]]) -> Q:
    """The condition for one filter field; `resolved` collects what names were read as (for display)."""
    through_actors = Quote.mentioned_actors.through.objects
    through_incidents = Quote.incidents.through.objects
    through_topics = Quote.topics.through.objects
    either = Q(pk__in=[])
    for value in values:
        if name in ("speaker", "actor"):
            ids = names.resolve_actors(value)
            resolved.setdefault(name, []).extend(str(pk) for pk in ids)
            if name == "speaker":
                either |= Q(speaker_id__in=ids) if ids else Q(speaker_as_written__unaccent__icontains=value)
            else:
                either |= (Q(speaker_id__in=ids) | Q(addressee_id__in=ids)
                           | Q(pk__in=through_actors.filter(actor_id__in=ids).values("quote_id")))
        elif name == "incident":
            ids = names.resolve_incidents(value)
            either |= Q(pk__in=through_incidents.filter(incident_id__in=ids).values("quote_id"))
        elif name == "topic":
            ids = names.resolve_topics(value)
            either |= Q(pk__in=through_topics.filter(topic_id__in=ids).values("quote_id"))
        elif name == "claim":
            either |= Q(claim_type=_choice("claim", value, Quote.Claim, CLAIM_SYNONYMS))
        elif name == "kind":
            either |= Q(kind=_choice("kind", value, Quote.Kind, KIND_SYNONYMS))
        elif name == "lang":
            code = value.strip().lower()
            if not _LANG.match(code):
                raise SearchQueryError(f"lang: {value!r} is not a language code such as fr or en.")
            either |= Q(language=code) | Q(language__startswith=f"{code}-")  # codes are stored in lower case
    return either


# --- the result -----------------------------------------------------------------------------------


@dataclass
class SearchResult:
    """What a search found.

    A page shows, ranks and counts facets over a window of at most SEARCH_WINDOW matches: the newest
    (the oldest when sorted oldest first), see statements.search.window. `count` says how many matches
    there are, up to the window's size plus one ("more than"). `all_matches()` is every match, for exports.
    """

    query: ParsedQuery
    candidates: QuerySet  # every quote passing the filters, before the words
    sort: str
    tsquery: str | None = None  # the whole tsquery as text; None when the query has no words
    highlight_tsquery: str = ""  # what to highlight: the wanted words, not the excluded ones
    typed_tsquery: str = ""  # the words as typed, which weigh more in the ranking
    resolved: dict[str, list[str]] = field(default_factory=dict)

    @property
    def window_size(self) -> int:
        return settings.SEARCH_WINDOW

    @cached_property
    def window(self) -> list[dict]:
        """The first matches in date order, one more than the window holds (to tell "more than"), each
        with its rank when the search has words."""
        if self.tsquery == "":  # words no configuration indexes ("the", "les") match nothing
            return []
        rank_by = [(self.tsquery or "", 1.0), (self.typed_tsquery, TYPED_WORDS_BOOST)]
        return first_matches(self.candidates, self.tsquery or "", self.window_size + 1,
                             oldest_first=self.sort == "oldest", rank_by=rank_by)

    @property
    def count(self) -> int:
        return len(self.window)

    @property
    def count_is_exact(self) -> bool:
        return self.count <= self.window_size

    @cached_property
    def ids(self) -> list[int]:
        """The window's quote ids in the requested order: by relevance (then newest first), or by date."""
        rows = self.window[: self.window_size]
        if self.sort == "relevance" and self.tsquery:
            rows = sorted(rows, key=lambda row: -row["rank"])  # stable: ties stay newest first
        return [row["id"] for row in rows]

    def quotes(self, queryset: QuerySet | None = None) -> WindowQuotes:
        """The window's quotes in the requested order, read a slice at a time (paginate them), each with
        its `headline`: safe HTML, the text escaped, the matches in <mark>.
        `queryset` (default: with speaker and article) says how to read them."""
        if queryset is None:  # what a page of results shows: not the article's text, nor the vector
            queryset = (Quote.objects.select_related("speaker", "article")
                        .defer("search_vector", "article__text", "article__fingerprints"))
        if self.highlight_tsquery:
            queryset = queryset.annotate(highlighted=headline(self.highlight_tsquery))
        return WindowQuotes(self.ids, queryset, _set_headline)

    def all_matches(self) -> QuerySet:
        """Every match, in the requested order (exports: the whole set, streamed)."""
        matches = self.candidates
        if self.tsquery == "":
            matches = matches.none()
        elif self.tsquery:
            matches = matches.filter(search_vector=TsQueryLiteral(Value(self.tsquery)))
        return self._ordered(matches.select_related("speaker", "article"))

    def _ordered(self, quotes: QuerySet) -> QuerySet:
        if self.sort == "relevance" and self.tsquery:
            rank = SearchRank(F("search_vector"), TsQueryLiteral(Value(self.tsquery)))
            if self.typed_tsquery:
                typed = SearchRank(F("search_vector"), TsQueryLiteral(Value(self.typed_tsquery)))
                rank = rank + TYPED_WORDS_BOOST * typed
            return quotes.annotate(rank=rank).order_by("-rank", *date_order(oldest_first=False))
        return quotes.order_by(*date_order(oldest_first=self.sort == "oldest"))

    @cached_property
    def facets(self) -> dict[str, list[dict]]:
        """Counts over the window's quotes."""
        rows = self.window[: self.window_size]
        ids = [row["id"] for row in rows]
        speaker_counts = Counter(row["speaker_id"] for row in rows if row["speaker_id"])
        top_speakers = speaker_counts.most_common(FACET_LENGTH)
        names, incidents = _speakers_and_incidents([pk for pk, _ in top_speakers], ids)
        claim_labels = dict(Quote.Claim.choices)
        return {
            "speakers": sorted(({"id": pk, "name": names[pk][0], "slug": names[pk][1], "count": n}
                                for pk, n in top_speakers if pk in names),
                               key=lambda row: (-row["count"], row["name"])),
            "incidents": incidents,
            "years": [{"year": year, "count": n} for year, n in sorted(
                Counter(row["statement_date"].year for row in rows if row["statement_date"]).items(), reverse=True)],
            "languages": [{"code": code, "count": n} for code, n in sorted(
                Counter(row["language"] for row in rows).items(), key=lambda item: (-item[1], item[0]))],
            "claims": [{"code": code, "label": str(claim_labels.get(code, code)), "count": n} for code, n in sorted(
                Counter(row["claim_type"] for row in rows if row["claim_type"]).items(),
                key=lambda item: (-item[1], item[0]))],
        }


def headline(tsquery: str) -> RawSQL:
    """A quote's text with the matches of `tsquery` between MARK_START and MARK_END, read in the quote's
    language: the whole of a short quote, up to three fragments of a long one around the matches.

    One ts_headline whose options a CASE picks. (Django's SearchHeadline would take two, in a Case,
    each formatting its options client-side: that took a millisecond of every page of results.)"""
    text, language = (f'"{Quote._meta.db_table}"."{column}"' for column in ("text", "language"))
    return RawSQL(  # noqa: S611 (the values are parameters)
        f"ts_headline(demarche_ts_config({language})::regconfig, {text}, %s::tsquery, "
        f"CASE WHEN length({text}) <= %s THEN %s ELSE %s END)",
        [tsquery, SHORT_QUOTE_CHARS, WHOLE_QUOTE_OPTIONS, FRAGMENTS_OPTIONS], output_field=TextField())


def _set_headline(quote: Quote) -> None:
    """The highlighted text: the whole of a short quote, fragments of a long one around the matches;
    the whole quote when no word is marked (a quote found by its speaker's name)."""
    highlighted = getattr(quote, "highlighted", None) or ""
    quote.headline = marked(highlighted if MARK_START in highlighted else quote.text)


class WindowQuotes(Sequence):
    """Quotes by id, in the order of the ids, read from the database a slice at a time.

    A page of search results reads its 20 quotes, not the whole window: the order (relevance or
    date) is already known from the window. Django's Paginator and DRF's pagination take it as a list.
    """

    def __init__(self, ids: list[int], queryset: QuerySet, finish=None):
        self._ids, self._queryset, self._finish = ids, queryset, finish

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self):
        return iter(self._read(self._ids))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._read(self._ids[index])
        return self._read([self._ids[index]])[0]

    def _read(self, ids: list[int]) -> list:
        by_id = self._queryset.order_by().in_bulk(ids)  # in the order of the ids, not the model's
        quotes = [by_id[pk] for pk in ids if pk in by_id]
        if self._finish:
            for quote in quotes:
                self._finish(quote)
        return quotes


def _speakers_and_incidents(speaker_ids: list[int], quote_ids: list[int]) -> tuple[dict[int, tuple], list[dict]]:
    """The (name, slug) of each speaker, and the FACET_LENGTH incidents most of the quotes are about, with
    their counts: one statement, where two ORM queries cost a page of results 2 ms more of Python (measured).

    The quote ids go as one array, in its text ('{1,2}'): `IN (%s, %s, ...)` with 500 parameters, or
    an array psycopg builds from 500 ints, costs more to send than the query takes to run.
    """
    actors, incidents = Actor._meta.db_table, Incident._meta.db_table
    links = Quote.incidents.through._meta.db_table
    sql = (f"SELECT 'speaker' AS facet, id, name, slug, 0 AS count FROM {actors} WHERE id = ANY(%s::bigint[]) "
           f"UNION ALL (SELECT 'incident', incident.id, incident.name, incident.slug, count(*) FROM {links} AS link "
           f"JOIN {incidents} AS incident ON incident.id = link.incident_id "
           f"WHERE link.quote_id IN (SELECT unnest(%s::bigint[])) "
           f"GROUP BY incident.id ORDER BY count(*) DESC, incident.name LIMIT %s)")
    with connection.cursor() as cursor:
        cursor.execute(sql, [_array_text(speaker_ids), _array_text(quote_ids), FACET_LENGTH])
        rows = cursor.fetchall()
    names = {pk: (name, slug) for facet, pk, name, slug, _ in rows if facet == "speaker"}
    counted = [{"id": pk, "name": name, "slug": slug, "count": count}
               for facet, pk, name, slug, count in rows if facet == "incident"]
    return names, counted


def _array_text(ids: list[int]) -> str:
    return "{" + ",".join(map(str, ids)) + "}"


def marked(headline: str) -> str:
    """Escape a headline, then turn the selection markers (balanced pairs only) into <mark>."""
    text = escape(headline or "")
    text = re.sub(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}", r"<mark>\1</mark>", text)
    return mark_safe(text.replace(MARK_START, "").replace(MARK_END, ""))  # noqa: S308 (escaped above)


# --- the entry point ------------------------------------------------------------------------------


def _values(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | int | datetime.date):
        value = [value]
    return [str(item) for item in value if item is not None and str(item).strip()]


def search_quotes(query_string: str = "", *, speaker=None, actor=None, incident=None, topic=None, claim=None,
                  lang=None, kind=None, date=None, date_from=None, date_to=None, sort=None,
                  queryset: QuerySet | None = None) -> SearchResult:
    """Search published quotes. The page, the exports and the API all come through here.

    `query_string` is the search box (see statements.search.parser); each keyword filter takes a value
    or a list of values (any of which may match) with the same meaning as the field in the box.
    `date_from`/`date_to` take YYYY, YYYY-MM or YYYY-MM-DD. `sort` is relevance (the default when
    there are words), date (newest first, the default otherwise) or oldest.
    Raises SearchQueryError, with a message for the user, for anything the user must fix.
    """
    parsed = parse_query(query_string or "")
    given = {"speaker": speaker, "actor": actor, "incident": incident, "topic": topic, "claim": claim,
             "lang": lang, "kind": kind, "date": date}
    for name, value in given.items():
        for item in _values(value):
            parsed.add_filter(name, item)
    date_from, date_to = (_values(date_from) or [""])[0], (_values(date_to) or [""])[0]
    if date_from or date_to:
        period = DateRange(parse_date(date_from) if date_from else None,
                           parse_date(date_to, end=True) if date_to else None)
        if period.start and period.end and period.start > period.end:
            raise SearchQueryError("The period ends before it starts.")
        parsed.dates.append(period)
    sort = (sort or "").strip().lower() or ("relevance" if parsed.clauses else "date")
    if sort not in SORTS:
        raise SearchQueryError(f"sort: {sort!r} is not one of {', '.join(SORTS)}.")

    quotes = queryset if queryset is not None else Quote.objects.published()
    resolved: dict[str, list[str]] = {}
    for name, values in parsed.filters.items():
        quotes = quotes.filter(filter_q(name, values, resolved))
    for name, values in parsed.excluded_filters.items():
        quotes = quotes.exclude(filter_q(name, values, {}))
    if parsed.dates:
        quotes = quotes.filter(_date_q(parsed.dates))

    actor_matches = names.similar_actors(_candidate_names(parsed), names.WORD_THRESHOLD) if parsed.clauses else {}
    clauses = expand_clauses(parsed, actor_matches)
    excluded = excluded_alternatives(parsed.excluded)
    if not clauses and not excluded:
        return SearchResult(query=parsed, candidates=quotes, sort=sort, resolved=resolved)
    typed = [Alternative(term.text, phrase=term.phrase) for clause in parsed.clauses for term in clause]
    readings = read_alternatives([*(alternative for clause in clauses for alternative in clause), *excluded, *typed])
    unheld = lexemes_in_no_quote(lexeme for texts in readings.values() for text in texts
                                 for lexeme in _LEXEME.findall(text))

    def reading(alternatives):
        texts = [text for alternative in alternatives for text in readings[alternative]]
        held = [text for text in texts if not needs_unheld_lexeme(text, unheld)]
        return any_of(held or texts)  # a word no quote holds still matches nothing

    wanted = all_of(reading(clause) for clause in clauses)
    unwanted = reading(excluded)
    tsquery = all_of([wanted, f"!{_group(unwanted)}" if unwanted else ""])
    return SearchResult(query=parsed, candidates=quotes, sort=sort, tsquery=tsquery, highlight_tsquery=wanted,
                        typed_tsquery=reading(typed), resolved=resolved)
