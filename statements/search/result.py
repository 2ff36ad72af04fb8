"""The result of a search: what a page of results shows, found in a known order.

search_quotes (statements/search/query.py) gives a SearchResult, which has run no SQL yet. Its
`page(number, size)` runs, in this order:

1. the window: the first matches in date order, at most SEARCH_WINDOW (statements/search/window.py:
   a probe, then maybe a walk on or a gathering; without words, the candidates); one to four
   statements, none when the words match nothing;
2. the page's quotes, each with its highlighted headline: one statement (none for an empty page);
3. the facets, counted over the window: one statement.

A statement several of whose reports match is one result, counted once (Window.leads).

The window is found once per result (`window()`), and the other readers of a result, `quotes()` for
the feed and `facets` and `count`, use it as found. The exports read `all_matches()`: every match,
not the window.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from actors.models import Actor
from statements.models import Incident, Quote
from statements.search.parser import ParsedQuery
from statements.search.window import date_order, first_matches

SORTS = ("relevance", "date", "oldest")
FACET_LENGTH = 10  # speakers and incidents listed in the facets
MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in news copy, escaped around
SHORT_QUOTE_CHARS = 500  # shorter quotes are shown whole, highlighted; longer ones as fragments
WHOLE_QUOTE_OPTIONS = f"StartSel='{MARK_START}', StopSel='{MARK_END}', HighlightAll=true"
FRAGMENTS_OPTIONS = (f"StartSel='{MARK_START}', StopSel='{MARK_END}', MaxFragments=3, MaxWords=30, MinWords=12, "
                     "FragmentDelimiter=' … '")
TYPED_WORDS_BOOST = 2.0  # the words as typed weigh more than their glossary equivalents


class TsQueryLiteral(SearchQuery):
    """A tsquery given as text, e.g. the output of a previous tsquery expression."""

    template = "%(expressions)s::tsquery"


def utterance(row: dict) -> int:
    """What a window's row is one entry of: its statement, or itself when it reports none (a negative key)."""
    return row["statement_id"] if row["statement_id"] is not None else -row["id"]


@dataclass(frozen=True)
class Window:
    """The first matching quotes in date order: up to `size` + 1 rows (one more tells "more than"), each a
    dict of window.WINDOW_FIELDS and `rank`; `leads`, the rows of its first `size` shown, one per statement,
    in the order asked for; `ids`, theirs.

    A statement several of whose reports match is one entry: the first of them in the order asked for
    (the best ranked, or the newest, or the oldest), the report whose words best answer the search, its
    headline showing them. Its other reports in the window are left out; the exports keep every one."""

    rows: list[dict]
    size: int
    leads: list[dict]

    @property
    def ids(self) -> list[int]:
        return [row["id"] for row in self.leads]

    @property
    def count(self) -> int:
        """Statements found: the window's, one more when there are more matches than it holds."""
        return len(self.leads) + (0 if self.count_is_exact else 1)

    @property
    def count_is_exact(self) -> bool:
        return len(self.rows) <= self.size


@dataclass(frozen=True)
class ResultPage:
    """A page of results: Django's Page of the quotes read (for the pagination links), and the facets."""

    page: Page
    facets: dict[str, list[dict]]

    @property
    def quotes(self) -> list[Quote]:
        return self.page.object_list


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
    _window: Window | None = field(default=None, init=False, repr=False)

    @property
    def window_size(self) -> int:
        return settings.SEARCH_WINDOW

    def page(self, number, size: int, *, quotes: QuerySet | None = None) -> ResultPage:
        """Page `number` of `size` quotes, as Django's Paginator.get_page reads a number (not a number:
        the first page; past the last: the last), with the facets: the window, then the page's quotes,
        then the facets (see the module's docstring). `quotes` says how to read them (see quotes())."""
        window = self.window()
        paginator = Paginator(window.ids, size)  # a list of ids: paginating it reads nothing
        page_of_ids = paginator.get_page(number)
        page = Page(self._read(page_of_ids.object_list, quotes), page_of_ids.number, paginator)
        return ResultPage(page=page, facets=count_facets(window))

    def window(self) -> Window:
        """The first matches in date order (one more than the window holds, to tell "more than"), each
        with its rank when the search has words; found on the first call, kept for the next ones."""
        if self._window is None:
            self._window = self._find_window()
        return self._window

    def _find_window(self) -> Window:
        rows = []
        if self.tsquery != "":  # words no configuration indexes ("the", "les") match nothing
            rank_by = [(self.tsquery or "", 1.0), (self.typed_tsquery, TYPED_WORDS_BOOST)]
            rows = first_matches(self.candidates, self.tsquery or "", self.window_size + 1,
                                 oldest_first=self.sort == "oldest", rank_by=rank_by)
        kept = rows[: self.window_size]
        if self.sort == "relevance" and self.tsquery:
            kept = sorted(kept, key=lambda row: -row["rank"])  # stable: ties stay newest first
        leads, seen = [], set()
        for row in kept:  # each statement's first row in the order asked for
            if (key := utterance(row)) not in seen:
                seen.add(key)
                leads.append(row)
        return Window(rows=rows, size=self.window_size, leads=leads)

    @property
    def count(self) -> int:
        return self.window().count

    @property
    def count_is_exact(self) -> bool:
        return self.window().count_is_exact

    @property
    def statements_shown(self) -> int:
        """The statements of the window: what the pages show, rank and count in the facets."""
        return len(self.window().leads)

    @property
    def facets(self) -> dict[str, list[dict]]:
        """Counts over the window's quotes (a page counts them as its third step: see page())."""
        return count_facets(self.window())

    def quotes(self, queryset: QuerySet | None = None, *, limit: int | None = None) -> list[Quote]:
        """The window's quotes (its first `limit`) in the requested order, each with its `headline`: safe
        HTML, the text escaped, the matches in <mark>. `queryset` (default: with speaker and article,
        not the article's text nor the vector) says how to read them."""
        return self._read(self.window().ids[:limit], queryset)

    def _read(self, ids: list[int], queryset: QuerySet | None) -> list[Quote]:
        """The quotes of these ids in their order, with their headlines: one statement (none for no id)."""
        if queryset is None:
            queryset = (Quote.objects.select_related("speaker", "article")
                        .defer("search_vector", "article__text", "article__fingerprints"))
        if self.highlight_tsquery:
            queryset = queryset.annotate(highlighted=headline(self.highlight_tsquery))
        by_id = queryset.order_by().in_bulk(ids)  # in the order of the ids, not the model's
        quotes = [by_id[pk] for pk in ids if pk in by_id]
        for quote in quotes:
            _set_headline(quote)
        return quotes

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


def statements_by(rows: list[dict], value) -> Counter:
    """How many statements of `rows` have a matching report with each `value(row)` (none for a falsy one):
    a statement reported in French and in English counts under both languages, once under each."""
    return Counter(found for found, _ in {(value(row), utterance(row)) for row in rows} if found)


def count_facets(window: Window) -> dict[str, list[dict]]:
    """Statements counted over the window's quotes: one statement (the speakers' names, the incidents)."""
    rows = window.rows[: window.size]
    top_speakers = statements_by(rows, itemgetter("speaker_id")).most_common(FACET_LENGTH)
    names, incidents = _speakers_and_incidents([pk for pk, _ in top_speakers], rows)
    claim_labels = dict(Quote.Claim.choices)
    years = statements_by(rows, lambda row: row["statement_date"] and row["statement_date"].year)
    return {
        "speakers": sorted(({"id": pk, "name": names[pk][0], "slug": names[pk][1], "count": n}
                            for pk, n in top_speakers if pk in names),
                           key=lambda row: (-row["count"], row["name"])),
        "incidents": incidents,
        "years": [{"year": year, "count": n} for year, n in sorted(years.items(), reverse=True)],
        "languages": [{"code": code, "count": n} for code, n in sorted(
            statements_by(rows, itemgetter("language")).items(), key=lambda item: (-item[1], item[0]))],
        "claims": [{"code": code, "label": str(claim_labels.get(code, code)), "count": n} for code, n in sorted(
            statements_by(rows, itemgetter("claim_type")).items(), key=lambda item: (-item[1], item[0]))],
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


def _speakers_and_incidents(speaker_ids: list[int], rows: list[dict]) -> tuple[dict[int, tuple], list[dict]]:
    """The (name, slug) of each speaker, and the FACET_LENGTH incidents most of the rows' statements are
    about, with their counts: one statement, where two ORM queries cost a page of results 2 ms more of
    Python (measured).

    The quote ids and their statements (`utterance`) go as two arrays, in their text ('{1,2}'):
    `IN (%s, %s, ...)` with 500 parameters, or an array psycopg builds from 500 ints, costs more to send
    than the query takes to run.
    """
    actors, incidents = Actor._meta.db_table, Incident._meta.db_table
    links = Quote.incidents.through._meta.db_table
    sql = (f"SELECT 'speaker' AS facet, id, name, slug, 0 AS count FROM {actors} WHERE id = ANY(%s::bigint[]) "
           f"UNION ALL (SELECT 'incident', incident.id, incident.name, incident.slug, "
           f"count(DISTINCT window_row.utterance) FROM unnest(%s::bigint[], %s::bigint[]) "
           f"AS window_row (quote_id, utterance) JOIN {links} AS link ON link.quote_id = window_row.quote_id "
           f"JOIN {incidents} AS incident ON incident.id = link.incident_id "
           f"GROUP BY incident.id ORDER BY count(DISTINCT window_row.utterance) DESC, incident.name LIMIT %s)")
    with connection.cursor() as cursor:
        cursor.execute(sql, [_array_text(speaker_ids), _array_text([row["id"] for row in rows]),
                             _array_text([utterance(row) for row in rows]), FACET_LENGTH])
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


