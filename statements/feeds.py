"""Atom feeds a journalist can follow: an actor's statements, an incident's, or any search."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from actors.models import Actor
from statements import vocabulary
from statements.models import Incident, Quote
from statements.search import SearchQueryError, SearchResult, search_quotes
from statements.search.forms import SearchForm

ITEMS = 50


class QuoteFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, quote: Quote) -> str:
        speaker = quote.speaker.name if quote.speaker else (quote.speaker_as_written or "?")
        return f"{speaker}: {quote.text[:120]}"

    def item_description(self, quote: Quote) -> str:
        return f"“{quote.text}” — {quote.article.publisher or quote.article.title}"

    def item_pubdate(self, quote: Quote):
        return quote.created_at

    def _quotes(self, queryset):
        """The latest statements, one item each (its earliest report: a later article reporting it again
        is no new item), as the timeline lists them."""
        return queryset.published().one_per_statement().with_source().order_by("-statement_date", "-pk")[:ITEMS]


class ActorQuotesFeed(QuoteFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Actor, slug=slug)

    def title(self, actor):
        return f"Démarche: statements by {actor.name}"

    def link(self, actor):
        return actor.get_absolute_url()

    def items(self, actor):
        return self._quotes(Quote.objects.by_actor(actor))


class IncidentQuotesFeed(QuoteFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Incident, slug=slug)

    def title(self, incident):
        return f"Démarche: statements about {incident.name}"

    def link(self, incident):
        return incident.get_absolute_url()

    def items(self, incident):
        return self._quotes(incident.quotes.all())


class SearchFeed(QuoteFeed):
    """A saved search: /search/feed/ takes the search page's parameters (the query box and every filter
    field, so a search narrowed by a facet is followed as narrowed), newest statements first.

    Parameters the search page would refuse get the same answer here, a 400 that says what to fix,
    rather than a feed that stays empty forever."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchQueryError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")

    def get_object(self, request):
        form = SearchForm(request.GET)
        vocabulary.refuse_unknown(form, ())
        if not form.is_valid():
            raise SearchQueryError(form.errors.as_text())
        arguments = {**form.search_arguments(), "sort": "date"}
        parameters = urlencode([(name, value) for name, values in form.data.lists() for value in values
                                if name not in ("page", "sort")])
        return SavedSearch(search_quotes(**arguments), parameters, described(arguments))

    def title(self, search):
        return f"Démarche: {search.description or 'all statements'}"

    def link(self, search):
        return f"{reverse('search')}?{search.parameters}"

    def items(self, search):
        return search.result.quotes(limit=ITEMS)


@dataclass
class SavedSearch:
    result: SearchResult
    parameters: str  # the search page's query string
    description: str


def described(arguments: dict) -> str:
    """A search in a line: its words, then each filter ("ransomware · speaker: Poutine")."""
    words = arguments.get("query_string", "").strip()
    filters = [f"{name}: {' / '.join(value) if isinstance(value, list) else value}"
               for name, value in arguments.items() if name not in ("query_string", "sort")]
    return " · ".join([words, *filters] if words else filters)
