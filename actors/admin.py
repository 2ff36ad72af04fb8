from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import render
from django.urls import path

from actors.duplicates import likely_duplicates
from actors.merging import actors_merge
from actors.models import Actor, Affiliation, Alias, ReviewStatus
from actors.tasks import refresh_likely_duplicates
from config.merging import merge_selected


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["name", "language"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "actor"
    extra = 1
    fields = ["title", "organisation", "start_date", "start_precision", "end_date", "end_precision", "review_status"]
    autocomplete_fields = ["organisation"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "review_status", "quote_count"]
    list_filter = ["kind", "review_status", "country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, AffiliationInline]
    actions = ["merge_actors", "mark_reviewed"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes", distinct=True))

    def get_urls(self):
        view = self.admin_site.admin_view(self.duplicates_view)
        return [path("duplicates/", view, name="actors_actor_duplicates"), *super().get_urls()]

    def duplicates_view(self, request):
        """Likely duplicate pairs, each one click (its form posts the merge action) from the merge form."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        pairs = likely_duplicates()
        counts = dict(self.get_queryset(request).filter(pk__in={a.pk for p in pairs for a in (p.first, p.second)})
                      .values_list("pk", "quote_count"))
        rows = []
        for pair in pairs:
            for actor in (pair.first, pair.second):
                actor.quote_count = counts.get(actor.pk, 0)
            rows.append({"actors": (pair.first, pair.second), "reason": pair.reason, "score": pair.score})
        return render(request, "admin/actors/duplicates.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "pairs": rows,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME, "title": "Likely duplicate actors"})

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, actor):
        return actor.quote_count

    @admin.action(description="Mark selected actors as reviewed")
    def mark_reviewed(self, request, queryset):
        updated = queryset.update(review_status=ReviewStatus.REVIEWED)
        self.message_user(request, f"{updated} actor(s) marked reviewed.")

    @admin.action(description="Merge selected actors into one…")
    def merge_actors(self, request, queryset):
        response = merge_selected(self, request, queryset.order_by("name"), merge=actors_merge, action="merge_actors",
                                  explanation="Every quote, alias, role, mention and attribution of the other "
                                              "actors moves to the one you keep; their names become its aliases "
                                              "(role titles its roles); the others are deleted and their "
                                              "addresses lead to it.")
        if "keep" in request.POST:  # the merged pair leaves the duplicates page before the curator is back on it
            transaction.on_commit(refresh_likely_duplicates.delay)
        return response


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "actor"]
    list_filter = ["language"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["actor", "title", "organisation", "start_date", "end_date", "review_status"]
    list_filter = ["review_status"]
    search_fields = ["actor__name", "title", "organisation__name"]
    autocomplete_fields = ["actor", "organisation"]
