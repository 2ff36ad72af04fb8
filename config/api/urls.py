"""/api/v1/: the router's resources, the quote exports and the statistics."""

from django.urls import path, re_path
from rest_framework.routers import APIRootView, DefaultRouter

from actors.api import ActorViewSet
from config.api.exceptions import api_not_found
from config.api.parameters import KnownParametersMixin
from statements.api import review, statement_views, views


class RootView(KnownParametersMixin, APIRootView):
    """The list of endpoints, refusing unknown parameters as they all do."""


router = DefaultRouter()
router.APIRootView = RootView
router.include_format_suffixes = False
router.register("actors", ActorViewSet, basename="api-actor")
router.register("articles", views.ArticleViewSet, basename="api-article")
router.register("quotes", views.QuoteViewSet, basename="api-quote")
router.register("incidents", views.IncidentViewSet, basename="api-incident")
router.register("events", views.EventViewSet, basename="api-event")
router.register("topics", views.TopicViewSet, basename="api-topic")
router.register("imports", views.ImportJobViewSet, basename="api-importjob")
router.register("statements", statement_views.StatementViewSet, basename="api-statement")
router.register("attributions", statement_views.AttributionViewSet, basename="api-attribution")

urlpatterns = [
    path("quotes/export.csv", views.QuoteExportView.as_view(export_format="csv"), name="api-quote-export-csv"),
    path("quotes/export.jsonl", views.QuoteExportView.as_view(export_format="jsonl"), name="api-quote-export-jsonl"),
    path("quotes/export/", views.QuoteExportView.as_view(), name="api-quote-export"),
    path("stats/monthly/", views.MonthlyStatsView.as_view(), name="api-stats-monthly"),
    path("search/", views.SearchView.as_view(), name="api-search"),
    path("review/", review.ReviewQueueView.as_view(), name="api-review"),
    path("timeline/", views.TimelineView.as_view(), name="api-timeline"),
    *router.urls,
    re_path(r"^.*$", api_not_found),
]
