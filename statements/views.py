from django.db.models import Count
from django.views.generic import DetailView, ListView, TemplateView

from actors.models import Actor
from statements.models import Article, Event, ImportJob, Incident, Quote, Topic


class HomeView(TemplateView):
    template_name = "statements/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts={
                "articles": Article.objects.count(),
                "quotes": Quote.objects.published().count(),
                "actors": Actor.objects.count(),
                "incidents": Incident.objects.count(),
            },
            latest_quotes=Quote.objects.published().select_related("speaker", "article").chronological()[:10],
            articles=Article.objects.annotate(quote_count=Count("quotes"))[:20],
            top_speakers=Actor.objects.annotate(quote_count=Count("quotes")).filter(quote_count__gt=0)
            .order_by("-quote_count")[:10],
            recent_imports=ImportJob.objects.annotate(item_count=Count("items"))[:5],
            **kwargs,
        )


class ArticleListView(ListView):
    template_name = "statements/article_list.html"
    paginate_by = 50
    queryset = Article.objects.annotate(quote_count=Count("quotes")).order_by("-published_date", "-pk")


class ArticleDetailView(DetailView):
    model = Article
    template_name = "statements/article_detail.html"

    def get_context_data(self, **kwargs):
        quotes = list(self.object.quotes.published().select_related("speaker"))
        return super().get_context_data(quotes=quotes, passages=text_with_quotes(self.object.text, quotes), **kwargs)


def text_with_quotes(text: str, quotes: list[Quote]) -> list[tuple[str, Quote | None]]:
    """Split `text` into plain passages and quoted ones, so the template escapes each piece."""
    passages, cursor = [], 0
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.start < cursor or quote.end > len(text):
            continue  # overlapping or stale span: shown in the list, not highlighted
        passages.append((text[cursor : quote.start], None))
        passages.append((text[quote.start : quote.end], quote))
        cursor = quote.end
    passages.append((text[cursor:], None))
    return passages


class QuoteDetailView(DetailView):
    template_name = "statements/quote_detail.html"
    queryset = Quote.objects.published().select_related("speaker", "article", "addressee")


class IncidentListView(ListView):
    template_name = "statements/incident_list.html"
    paginate_by = 100
    queryset = Incident.objects.annotate(quote_count=Count("quotes")).order_by("-start_date", "name")


class IncidentDetailView(DetailView):
    model = Incident
    template_name = "statements/incident_detail.html"

    def get_context_data(self, **kwargs):
        incident = self.object
        return super().get_context_data(
            attributions=incident.attributions.select_related("claimant", "attributed_to", "quote"),
            statements=incident.quotes.published().select_related("speaker", "article").chronological()[:200],
            **kwargs,
        )


class EventDetailView(DetailView):
    model = Event
    template_name = "statements/event_detail.html"


class TopicDetailView(DetailView):
    model = Topic
    template_name = "statements/topic_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statements=self.object.quotes.published().select_related("speaker", "article").chronological()[:200],
            **kwargs,
        )


class ImportJobListView(ListView):
    template_name = "statements/import_list.html"
    paginate_by = 50
    queryset = ImportJob.objects.prefetch_related("items")
