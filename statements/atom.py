"""Atom feeds a journalist can follow: an actor's statements, an incident's, or any search."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from actors.models import Actor
from statements.models import Incident, Quote
from statements.search import SearchQueryError, search_quotes

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
        return queryset.published().select_related("speaker", "article").order_by("-statement_date", "-pk")[:ITEMS]


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
    """A saved search: /search/feed/?q=..., newest statements first."""

    def get_object(self, request):
        return request.GET.get("q", "")

    def title(self, query):
        return f"Démarche: {query or 'all statements'}"

    def link(self, query):
        return reverse("search")

    def items(self, query):
        try:
            result = search_quotes(query, sort="date")
        except SearchQueryError:
            return []
        return result.quotes()[:ITEMS]
