from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect, render

from actors.merging import actors_merge
from actors.models import Actor, Affiliation, Alias, ReviewStatus


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

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, actor):
        return actor.quote_count

    @admin.action(description="Mark selected actors as reviewed")
    def mark_reviewed(self, request, queryset):
        updated = queryset.update(review_status=ReviewStatus.REVIEWED)
        self.message_user(request, f"{updated} actor(s) marked reviewed.")

    @admin.action(description="Merge selected actors into one…")
    def merge_actors(self, request, queryset):
        actors = list(queryset.order_by("name"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        if "keep" in request.POST:
            keep = next((actor for actor in actors if str(actor.pk) == request.POST["keep"]), None)
            if keep is None:
                self.message_user(request, "Choose the actor to keep among the selected ones.", messages.ERROR)
                return None
            for other in actors:
                if other.pk != keep.pk:
                    actors_merge(keep=keep, merge=other)
            self.message_user(request, f"Merged {len(actors) - 1} actor(s) into {keep}.")
            return redirect("admin:actors_actor_change", keep.pk)
        return render(
            request,
            "admin/actors/merge_confirmation.html",
            {**self.admin_site.each_context(request), "actors": actors, "opts": self.model._meta,
             "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME, "title": "Merge actors"},
        )


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
