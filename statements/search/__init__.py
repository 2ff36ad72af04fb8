"""Quote search: `search_quotes(query_string, **filters) -> SearchResult`, for the page, the exports and the API.

    from statements.search import SearchQueryError, search_quotes

    try:
        result = search_quotes('rançongiciel speaker:Poutine -kaseya', lang="fr", sort="date")
    except SearchQueryError as error:
        ...  # 400 with str(error)
    result.count, result.quotes()[:20], result.facets  # each quote read with its highlighted `headline`

The query language is described in statements/search/parser.py.
"""

from statements.search.parser import FIELDS, ParsedQuery, SearchQueryError, parse_query

__all__ = ["FIELDS", "ParsedQuery", "SearchQueryError", "SearchResult", "parse_query", "search_quotes"]


def __getattr__(name):
    # The engine needs the models; the parser does not. Import the engine on first use.
    if name in ("search_quotes", "SearchResult"):
        from statements.search import engine

        return getattr(engine, name)
    raise AttributeError(name)
