"""The query of a search: what was typed (statements/search/parser.py) and the keyword filters become
the conditions on quotes (statements/search/conditions.py) and one PostgreSQL tsquery for the words.
`search_quotes`, the entry point, is here: it hands the query to a SearchResult
(statements/search/result.py), which runs nothing until asked for a page.

Clauses are AND-ed, and each clause is the OR of its alternatives (the words typed, their glossary
equivalents, and a token naming an actor when the words are (nearly) that actor's name), each read
in every configuration of languages.QUERY_CONFIGURATIONS: a French quote is found by French stems
and an English one by English stems.
The tsquery is computed once and then used as a literal by the search, the ranking and the
headlines. The SQL this takes, in order: the actors whose names the words may be (names.py), the
readings of every alternative in every configuration (evaluate_tsqueries), and which of their
lexemes no quote holds (lexemes_in_no_quote); a query without words takes none of them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from actors.names import fold
from statements.models import Quote
from statements.search import glossary, names
from statements.search.conditions import filtered
from statements.search.languages import QUERY_CONFIGURATIONS
from statements.search.parser import DateRange, ParsedQuery, SearchQueryError, Term, parse_date, parse_query
from statements.search.result import SORTS, SearchResult

ACTOR_NGRAM = 3  # longest run of query words tried as an actor's name


@dataclass(frozen=True)
class Alternative:
    """One way a clause may match: words (phrase or all of them), or a resolved actor."""

    text: str = ""
    phrase: bool = False
    actor_id: int | None = None


@dataclass(frozen=True)
class WordsQuery:
    """The words of a search as tsquery texts."""

    tsquery: str  # everything: the wanted words and not the excluded ones ('' when nothing is indexed)
    highlight: str  # what to highlight: the wanted words, not the excluded ones
    typed: str  # the words as typed, which weigh more in the ranking


# --- from the parsed query to a tsquery ------------------------------------------------------------


def words_query(parsed: ParsedQuery) -> WordsQuery | None:
    """The tsqueries of the query's words (None when it has none, wanted or excluded): three
    statements, the actors' names, the readings, the unheld lexemes."""
    actor_matches = names.similar_actors(_candidate_names(parsed), names.WORD_THRESHOLD) if parsed.clauses else {}
    clauses = expand_clauses(parsed, actor_matches)
    excluded = excluded_alternatives(parsed.excluded)
    if not clauses and not excluded:
        return None
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
    return WordsQuery(tsquery=tsquery, highlight=wanted, typed=reading(typed))


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
    quotes, resolved = filtered(queryset if queryset is not None else Quote.objects.published(), parsed)
    words = words_query(parsed)
    if words is None:
        return SearchResult(query=parsed, candidates=quotes, sort=sort, resolved=resolved)
    return SearchResult(query=parsed, candidates=quotes, sort=sort, tsquery=words.tsquery,
                        highlight_tsquery=words.highlight, typed_tsquery=words.typed, resolved=resolved)
