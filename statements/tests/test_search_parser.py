"""The query language: parsing alone, then random input through the database."""

import datetime

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statements.search import SearchQueryError, parse_query, search_quotes
from statements.search.parser import DateRange, Term


def test_words_phrases_or_and_exclusions():
    parsed = parse_query('ransomware "critical infrastructure" sanctions OR indictment -china -"state sponsored"')
    assert parsed.clauses == [[Term("ransomware")], [Term("critical infrastructure", phrase=True)],
                              [Term("sanctions"), Term("indictment")]]
    assert parsed.excluded == [Term("china"), Term("state sponsored", phrase=True)]


def test_fields_with_quoted_values_and_exclusions():
    parsed = parse_query('speaker:"Joe Biden" Speaker:Poutine -incident:Kaseya lang:fr kind:direct claim:denial')
    assert parsed.filters == {"speaker": ["Joe Biden", "Poutine"], "lang": ["fr"], "kind": ["direct"],
                              "claim": ["denial"]}
    assert parsed.excluded_filters == {"incident": ["Kaseya"]}
    assert not parsed.clauses


@pytest.mark.parametrize(("value", "expected"), [
    ("2021", DateRange(datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))),
    ("2021-02", DateRange(datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))),
    ("2021-06-03", DateRange(datetime.date(2021, 6, 3), datetime.date(2021, 6, 3))),
    ("2021-06..2021-07", DateRange(datetime.date(2021, 6, 1), datetime.date(2021, 7, 31))),
    ("2021-06..", DateRange(datetime.date(2021, 6, 1), None)),
    ("..2020", DateRange(None, datetime.date(2020, 12, 31))),
])
def test_dates(value, expected):
    assert parse_query(f"date:{value}").dates == [expected]


def test_stray_operators_and_punctuation_are_ignored():
    parsed = parse_query('OR -- " " ... OR a OR')
    assert parsed.clauses == [[Term("a")]]
    assert parse_query("").is_empty


def test_unknown_fields_are_words():
    assert parse_query("http://example.org").clauses == [[Term("http")], [Term("//example.org")]]
    assert parse_query("foo:bar").clauses == [[Term("foo")], [Term("bar")]]


def test_unterminated_phrase_runs_to_the_end():
    assert parse_query('"hold russia').clauses == [[Term("hold russia", phrase=True)]]


@pytest.mark.parametrize("query", ["date:2021-13", "date:2021..2020", "speaker:", "-date:2021", "date:..",
                                   "a " * 50])
def test_errors(query):
    with pytest.raises(SearchQueryError):
        parse_query(query)


QUERY_PIECES = st.sampled_from([
    "speaker:", "actor:", "incident:", "topic:", "claim:", "lang:", "date:", "kind:", "-", '"', "OR", " ", "..",
    "2021", "2021-06", "fr", "denial", "direct", "Poutine", "rançongiciel", "'", "\\", "!", "&", "|", ":*", "(", ")",
    "<->", "\x00", "%", "%%", "%s", "{", "}", "*", "é", "ß", "ǅ", "\u200b", "\ue000", ";", "--", "/*",
])
QUERIES = st.one_of(st.text(max_size=80), st.lists(QUERY_PIECES, max_size=12).map("".join),
                    st.lists(st.one_of(QUERY_PIECES, st.text(max_size=4)), max_size=10).map("".join))


@settings(max_examples=500, deadline=None)
@given(QUERIES)
def test_parser_raises_nothing_but_search_query_errors(query):
    try:
        parse_query(query)
    except SearchQueryError as error:
        assert str(error)


@pytest.fixture
def little_corpus(make_article, putin):
    from statements.models import Quote

    article = make_article("Le rançongiciel frappe.")
    Quote.objects.create(article=article, start=3, end=15, text="rançongiciel", language="fr", speaker=putin,
                         statement_date="2021-07-01")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERIES)
def test_random_queries_never_cause_a_database_error(little_corpus, query):
    try:
        with transaction.atomic():  # a database error would surface here, and leave the test usable
            result = search_quotes(query)
            result.count  # noqa: B018
            result.quotes()[:5]
            result.facets  # noqa: B018
    except SearchQueryError as error:
        assert str(error)
    assert not connection.needs_rollback
