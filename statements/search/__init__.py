"""Quote search: `search_quotes(query_string, **filters) -> SearchResult`, for the page, the exports and the API.

    from statements.search import SearchQueryError, search_quotes

    try:
        result = search_quotes('rançongiciel speaker:Poutine -kaseya', lang="fr", sort="date")
    except SearchQueryError as error:
        ...  # 400 with str(error)
    page = result.page(1, 20)  # the window, the page's quotes (each with its highlighted `headline`), the facets
    result.count, page.quotes, page.facets

In the order a search runs: the query (statements/search/parser.py for the language of the box,
conditions.py for the filters, query.py for the words' tsquery and search_quotes), the plan
(window.py, with year_indexes.py and the measured costs of costs.py), and the result (result.py).
"""

from statements.search.parser import FIELDS, ParsedQuery, SearchQueryError, parse_query

__all__ = ["FIELDS", "ParsedQuery", "SearchQueryError", "SearchResult", "parse_query", "search_quotes"]


def __getattr__(name):
    # The search needs the models; the parser does not. Import it on first use.
    if name == "search_quotes":
        from statements.search.query import search_quotes

        return search_quotes
    if name == "SearchResult":
        from statements.search.result import SearchResult

        return SearchResult
    raise AttributeError(name)
