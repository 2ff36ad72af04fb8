from django.contrib import admin
from django.db import transaction
from django.db.models import Count

from actors.models import ReviewStatus
from config.merging import merge_selected
from statements.ingest.jobs import items_retry
from statements.merging import incidents_merge
from statements.models import (
    Article,
    ArticleCopy,
    AttributionClaim,
    Event,
    EventAlias,
    Feed,
    ImportItem,
    ImportJob,
    Incident,
    IncidentAlias,
    Quote,
    Statement,
    StatementCandidate,
    Topic,
)
from statements.reviewing import quote_review


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    fields = ["text", "speaker", "kind", "review_status", "confidence"]
    readonly_fields = ["text", "confidence"]
    autocomplete_fields = ["speaker"]
    show_change_link = True


class ArticleCopyInline(admin.TabularInline):
    model = ArticleCopy
    extra = 0
    fields = ["publisher", "url", "title"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "published_date", "published_precision", "publisher", "quote_count"]
    list_filter = ["language", "published_precision", "publisher"]
    search_fields = ["title", "publisher", "url"]
    date_hierarchy = "published_date"
    readonly_fields = ["content_hash", "import_job", "extracted_at", "created_at"]
    inlines = [ArticleCopyInline, QuoteInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, article):
        return article.quote_count


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = [
        "short_text", "speaker", "speaker_as_written", "kind", "statement_date", "confidence", "review_status",
    ]
    list_filter = ["review_status", "kind", "language", "claim_type", "topics"]
    search_fields = ["text", "speaker__name", "speaker_as_written", "article__title"]
    list_select_related = ["speaker"]
    autocomplete_fields = ["speaker", "addressee", "mentioned_actors", "incidents", "events", "article"]
    raw_id_fields = ["statement"]  # by id: a menu of every statement would be the size of the quotes table
    filter_horizontal = ["topics"]
    readonly_fields = ["candidates", "reviewed_by", "reviewed_at", "created_at"]
    exclude = ["speaker_candidates"]
    actions = ["verify", "reject", "back_to_machine"]

    @admin.display(description="quote")
    def short_text(self, quote):
        return quote.text[:100]

    @admin.display(description="speakers the extractor weighed")
    def candidates(self, quote):
        return "; ".join(f"{c['name']} ({c['cue']}, {c['score']:.2f})" for c in quote.speaker_candidates) or "—"

    def save_model(self, request, obj, form, change):
        """An edit by a curator is a human decision: it must survive re-extraction, and it records who
        and when, as the queue, the list actions and the API do (through quote_review)."""
        super().save_model(request, obj, form, change)
        if change and "review_status" in form.changed_data:
            quote_review(quote=obj, user=request.user, verdict=obj.review_status)
        elif change and obj.review_status == Quote.Review.MACHINE and form.changed_data:
            quote_review(quote=obj, user=request.user, verdict=Quote.Review.VERIFIED)

    def _review(self, request, queryset, verdict):
        for quote in queryset:
            quote_review(quote=quote, user=request.user, verdict=verdict)
        self.message_user(request, f"{queryset.count()} quote(s) marked {verdict}.")

    @admin.action(description="Verify selected quotes")
    def verify(self, request, queryset):
        self._review(request, queryset, Quote.Review.VERIFIED)

    @admin.action(description="Reject selected quotes")
    def reject(self, request, queryset):
        self._review(request, queryset, Quote.Review.REJECTED)

    @admin.action(description="Return selected quotes to machine status")
    def back_to_machine(self, request, queryset):
        self._review(request, queryset, Quote.Review.MACHINE)


class IncidentAliasInline(admin.TabularInline):
    model = IncidentAlias
    extra = 1
    fields = ["name", "language"]


class AttributionInline(admin.TabularInline):
    model = AttributionClaim
    extra = 0
    autocomplete_fields = ["claimant", "attributed_to", "quote"]


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "start_date", "start_precision", "review_status"]
    list_filter = ["review_status", "kind"]
    search_fields = ["name", "aliases__name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["victims"]
    raw_id_fields = ["found_in"]
    inlines = [IncidentAliasInline, AttributionInline]
    actions = ["mark_reviewed", "merge_incidents"]

    @admin.action(description="Mark selected incidents as reviewed")
    def mark_reviewed(self, request, queryset):
        updated = queryset.update(review_status=ReviewStatus.REVIEWED)
        self.message_user(request, f"{updated} incident(s) marked as reviewed.")

    @admin.action(description="Merge selected incidents into one…")
    def merge_incidents(self, request, queryset):
        return merge_selected(self, request, queryset.order_by("name"), merge=incidents_merge,
                              action="merge_incidents",
                              explanation="Every quote, attribution claim, event, victim and alias of the other "
                                          "incidents moves to the one you keep; their names become its aliases; "
                                          "the others are deleted and their addresses lead to it.")


class EventAliasInline(admin.TabularInline):
    model = EventAlias
    extra = 1
    fields = ["name", "language"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "start_date", "end_date", "location"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "location"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["participants", "incidents"]
    inlines = [EventAliasInline]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_fr"]
    search_fields = ["slug", "name_en", "name_fr"]


class StatementReportInline(admin.TabularInline):
    model = Quote
    fk_name = "statement"
    extra = 0
    fields = ["text", "language", "article", "review_status"]
    readonly_fields = ["text", "language", "article", "review_status"]
    show_change_link = True
    can_delete = False
    verbose_name_plural = "reports"


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """A statement and its reports; a curator moves a report to another statement from the quote's form."""

    list_display = ["pk", "speaker", "statement_date", "reports_count"]
    list_filter = ["statement_precision"]
    search_fields = ["speaker__name", "reports__text"]
    autocomplete_fields = ["speaker"]
    inlines = [StatementReportInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(reports_count=Count("reports", distinct=True))

    @admin.display(ordering="reports_count", description="reports")
    def reports_count(self, statement):
        return statement.reports_count


@admin.register(StatementCandidate)
class StatementCandidateAdmin(admin.ModelAdmin):
    """Uncertain matches left for a curator: set the quote's statement in its form to merge them."""

    list_display = ["quote", "statement", "score", "created_at"]
    list_select_related = ["quote", "statement"]
    raw_id_fields = ["quote", "statement"]


@admin.register(AttributionClaim)
class AttributionClaimAdmin(admin.ModelAdmin):
    list_display = ["incident", "claimant", "attributed_to", "claimed_date"]
    search_fields = ["incident__name", "claimant__name", "attributed_to__name"]
    autocomplete_fields = ["incident", "claimant", "attributed_to", "quote"]


class ImportItemInline(admin.TabularInline):
    model = ImportItem
    extra = 0
    fields = ["name", "status", "error", "article"]
    readonly_fields = fields
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("payload")  # up to IMPORT_MAX_BYTES each


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "origin", "status", "created_at", "finished_at", "submitted_by"]
    list_filter = ["origin", "status"]
    readonly_fields = ["origin", "submitted", "submitted_by", "status", "created_at", "finished_at"]
    inlines = [ImportItemInline]


@admin.register(ImportItem)
class ImportItemAdmin(admin.ModelAdmin):
    list_display = ["name", "job", "status", "error"]
    list_filter = ["status"]
    search_fields = ["name", "error"]
    readonly_fields = ["job", "name", "status", "error", "article"]
    actions = ["import_again"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("payload")

    @admin.action(description="Import the selected failed items again (those that still hold their bytes)")
    def import_again(self, request, queryset):
        from statements.tasks import items_enqueue

        retried = items_retry(queryset)
        transaction.on_commit(lambda: items_enqueue(retried))
        self.message_user(request, f"{len(retried)} item(s) queued again; "
                                   f"{queryset.count() - len(retried)} had no bytes left or had not failed.")


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "active", "last_polled_at", "last_error"]
    list_filter = ["active"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "last_error"]
    actions = ["poll_now"]

    @admin.action(description="Poll the selected feeds now (in the worker)")
    def poll_now(self, request, queryset):
        from statements.tasks import poll_feed

        for feed in queryset:
            poll_feed.delay(feed.pk)
        self.message_user(request, f"{queryset.count()} feed(s) queued for polling.")
