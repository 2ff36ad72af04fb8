from django.urls import path

from actors import views
from statements.feeds import ActorQuotesFeed

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="actor-list"),
    path("actors/<slug:slug>/", views.ActorDetailView.as_view(), name="actor-detail"),
    path("actors/<slug:slug>/feed/", ActorQuotesFeed(), name="actor-feed"),
]
