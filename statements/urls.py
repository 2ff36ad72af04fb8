from django.urls import path, re_path

from statements import review_views, statement_views, views
from statements.feeds import IncidentQuotesFeed, SearchFeed

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("timeline/compare/", views.CompareView.as_view(), name="compare"),
    path("timeline/overview/", views.TimelineOverviewView.as_view(), name="timeline-overview"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote-detail"),
    path("statements/<int:pk>/", statement_views.StatementDetailView.as_view(), name="statement-detail"),
    re_path(r"^quotes/(?P<pk>\d+)/cite\.(?P<suffix>bib|ris|json)$", views.quote_citation_download, name="quote-cite"),
    path("incidents/", views.IncidentListView.as_view(), name="incident-list"),
    path("incidents/<slug:slug>/", views.IncidentDetailView.as_view(), name="incident-detail"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
    path("imports/", views.ImportJobListView.as_view(), name="import-list"),
    path("review/", review_views.ReviewQueueView.as_view(), name="review-queue"),
    path("review/<int:pk>/", review_views.ReviewActionView.as_view(), name="review-action"),
    path("review/statements/", review_views.StatementCandidateQueueView.as_view(), name="review-statements"),
    path("review/statements/<int:pk>/", review_views.StatementCandidateActionView.as_view(),
         name="review-statement-action"),
    path("review/statements/split/<int:pk>/", review_views.StatementReportSplitView.as_view(),
         name="review-statement-split"),
    path("imports/upload/", views.ImportUploadView.as_view(), name="import-upload"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/feed/", SearchFeed(), name="search-feed"),
    path("incidents/<slug:slug>/feed/", IncidentQuotesFeed(), name="incident-feed"),
    path("search/export.csv", views.SearchExportView.as_view(), {"format": "csv"}, name="search-export-csv"),
    path("search/export.jsonl", views.SearchExportView.as_view(), {"format": "jsonl"}, name="search-export-jsonl"),
]
