"""Views of the statements API. Thin: a queryset, a filter set, a serializer, and a call to a domain function."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from actors.models import Affiliation
from config.api.conditional import ConditionalRetrieveMixin
from config.api.filters import PARTIAL_DATE_SCHEMA, StrictFilterBackend, reject_empty_values
from config.api.pagination import IdCursorPagination, NumberedPagination
from config.api.parameters import KnownParametersMixin
from config.api.permissions import IsStaff
from statements import filters, vocabulary
from statements.api import serializers
from statements.citation import quote_csl
from statements.dates import PartialDate
from statements.ingest.jobs import job_submit
from statements.models import Article, Event, ImportItem, ImportJob, Incident, Quote, Topic
from statements.reviewing import quote_review
from statements.search import SearchQueryError, search_quotes
from statements.search.export import csv_lines, jsonl_lines
from statements.search.forms import SearchForm
from statements.tasks import job_enqueue
from statements.timeline import monthly_counts, timeline_page


class QuoteWithdrawn(exceptions.APIException):
    """A quote the extractor no longer finds: its id stays answered, with 410 Gone and why."""

    status_code = status.HTTP_410_GONE
    default_code = "withdrawn"
    default_detail = "This quote was withdrawn."


EXPAND_PARAMETER = OpenApiParameter(
    "expand", str, description="Comma-separated: `speaker`, `article`. Embeds the full objects instead of links.",
    examples=[OpenApiExample("Both", value="speaker,article")],
)


# What a link to an actor or an article does not show: left in the database unless ?expand= asks for it.
ACTOR_DETAIL_COLUMNS = ("normalized_name", "kind", "country", "gender", "description", "wikidata_id", "descriptors",
                        "review_status", "created_at", "updated_at")
ARTICLE_DETAIL_COLUMNS = ("language", "published_date", "published_precision", "publisher", "url", "content_hash",
                          "import_job", "extracted_at", "created_at")


def visible_quotes(request, *, withdrawn: bool = False):
    """Quotes a client may read (staff see everything, others all but what curators rejected and, unless
    `withdrawn`, what the extractor withdrew), with what QuoteSerializer shows of their speaker, article,
    addressee and links."""
    if request.user.is_staff:
        quotes = Quote.objects.all()
    else:
        quotes = Quote.objects.citable() if withdrawn else Quote.objects.published()
    return quotes.select_related("speaker", "article", "addressee").defer(
        "search_vector", "article__text", "article__fingerprints",
        *(f"addressee__{column}" for column in ACTOR_DETAIL_COLUMNS)).with_links()


# --- Articles ----------------------------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="List articles", description="Newest first by id; cursor-paginated."),
    retrieve=extend_schema(summary="One article", description="With its full text and its quotes' URLs. "
                                                              "Supports ETag conditional requests."),
)
class ArticleViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Article.objects.all()
    serializer_class = serializers.ArticleSerializer
    pagination_class = IdCursorPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.ArticleFilter
    ordering_fields = ["id", "created_at"]
    ordering = ["-id"]

    def get_queryset(self):
        if self.action == "retrieve":
            quotes = Quote.objects.all() if self.request.user.is_staff else Quote.objects.published()
            return self.queryset.prefetch_related(Prefetch("quotes", queryset=quotes.only("pk", "article_id")))
        return self.queryset

    def get_serializer_class(self):
        return serializers.ArticleDetailSerializer if self.action == "retrieve" else serializers.ArticleSerializer


# --- Quotes ------------------------------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="List quotes", parameters=[EXPAND_PARAMETER],
                       description="Newest first by id; cursor-paginated (`page_size` up to 500). Rejected quotes "
                                   "are visible to staff only."),
    retrieve=extend_schema(summary="One quote", parameters=[EXPAND_PARAMETER],
                           description="Supports ETag conditional requests."),
)
class QuoteViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.QuoteSerializer
    pagination_class = IdCursorPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.QuoteFilter
    ordering_fields = ["id"]
    ordering = ["-id"]
    extra_parameters = ("expand",)

    def expand(self) -> set[str]:
        raw = self.request.query_params.get("expand", "")
        names = {name.strip() for name in raw.split(",") if name.strip()}
        unknown = names - set(serializers.EXPANDABLE)
        if unknown:
            raise exceptions.ValidationError(
                {"expand": [f"cannot expand {', '.join(sorted(unknown))}: use speaker and/or article."]})
        return names

    def get_queryset(self):
        quotes = visible_quotes(self.request, withdrawn=self.action == "retrieve")
        expand = self.expand() if self.action in ("list", "retrieve") else set()
        if "speaker" in expand:
            quotes = quotes.prefetch_related(
                "speaker__aliases",
                Prefetch("speaker__affiliations", queryset=Affiliation.objects.select_related("organisation")),
            )
        else:
            quotes = quotes.defer(*(f"speaker__{column}" for column in ACTOR_DETAIL_COLUMNS))
        if "article" not in expand:
            quotes = quotes.defer(*(f"article__{column}" for column in ARTICLE_DETAIL_COLUMNS))
        return quotes

    def retrieve(self, request, *args, **kwargs):
        quote = self.get_object()
        if quote.review_status == Quote.Review.WITHDRAWN:
            raise QuoteWithdrawn(f"quote {quote.pk} was withdrawn: {quote.withdrawn_reason} It read: "
                                 f"“{quote.text[:300]}” (article {quote.article_id}).")
        return super().retrieve(request, *args, **kwargs)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action in ("list", "retrieve"):
            context["expand"] = self.expand()
        return context

    @extend_schema(
        summary="Review a quote (staff)",
        description="Records the curator's verdict, and the right speaker if given. A verified or rejected quote "
                    "is never changed by re-extraction. Answers with the quote.",
        request=serializers.QuoteReviewSerializer,
        responses={200: serializers.QuoteSerializer},
        examples=[OpenApiExample("Verify with the right speaker", request_only=True,
                                 value={"verdict": "verified", "speaker": "joe-biden"})],
    )
    @action(detail=True, methods=["patch"], permission_classes=[IsStaff], filter_backends=[],
            parser_classes=[JSONParser])
    def review(self, request, pk=None):
        quote = self.get_object()
        body = serializers.QuoteReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        quote_review(quote=quote, user=request.user, verdict=body.validated_data["verdict"],
                     speaker=body.validated_data.get("speaker"))
        return Response(self.get_serializer(self.get_queryset().get(pk=quote.pk)).data)

    @extend_schema(
        summary="Cite a quote (CSL-JSON)",
        description="A one-item CSL-JSON array citing the quote's article, the quote in `note`: import it into "
                    "Zotero, or give it to Pandoc's citeproc.",
        responses={(200, "application/vnd.citationstyles.csl+json"): OpenApiResponse(
            response={"type": "array", "items": {"type": "object", "additionalProperties": True}},
            description="CSL-JSON",
            examples=[OpenApiExample("Citation", value=[{
                "id": "demarche-quote-1", "type": "article-newspaper", "title": "Biden presse Poutine",
                "container-title": "Le Monde", "URL": "https://example.org/a", "language": "fr",
                "issued": {"date-parts": [[2021, 7]]}, "note": "Joe Biden: “...”"}])],
        )},
    )
    @action(detail=True, methods=["get"], filter_backends=[], renderer_classes=[JSONRenderer])
    def csl(self, request, pk=None):
        quote = self.get_object()
        response = Response([quote_csl(quote, url=request.build_absolute_uri(quote.get_absolute_url()))])
        response.content_type = "application/vnd.citationstyles.csl+json"
        return response


class FirstRendererNegotiation(BaseContentNegotiation):
    """The export chooses its format from the URL; `?format=` is a filter of ours, not DRF's renderer switch."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


EXPORT_FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_lines),
    "jsonl": ("application/jsonl; charset=utf-8", jsonl_lines),
}


@extend_schema(
    summary="Export quotes",
    description="Exactly the quotes the same filters select on the list, all of them, streamed (CSV with a BOM for "
                "spreadsheets, or JSON Lines). `format` is `csv` or `jsonl`; the `.csv` / `.jsonl` URLs fix it.",
    filters=True,
    parameters=[OpenApiParameter("format", str, enum=["csv", "jsonl"], description="Only on /quotes/export/.")],
    responses={(200, "text/csv"): OpenApiTypes.STR, (200, "application/jsonl"): OpenApiTypes.STR},
)
class QuoteExportView(KnownParametersMixin, generics.GenericAPIView):
    filter_backends = [StrictFilterBackend]
    filterset_class = filters.QuoteFilter
    content_negotiation_class = FirstRendererNegotiation
    renderer_classes = [JSONRenderer]
    pagination_class = None
    serializer_class = None
    export_format: str | None = None

    def get_queryset(self):
        return visible_quotes(self.request).order_by("-id")

    def get(self, request, *args, **kwargs):
        asked = request.query_params.get("format")
        if asked is not None and asked not in EXPORT_FORMATS:
            raise exceptions.ValidationError({"format": ["must be csv or jsonl."]})
        fmt = self.export_format or asked or "csv"
        quotes = self.filter_queryset(self.get_queryset())
        content_type, lines = EXPORT_FORMATS[fmt]
        stream = lines(quotes, request.build_absolute_uri)
        response = StreamingHttpResponse(stream, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="demarche-quotes.{fmt}"'
        return response


# --- Statistics --------------------------------------------------------------------------------------------------

@extend_schema(
    summary="Statements per month",
    description="How many statements (`statements`: reported once or by several articles, counted once, in the "
                "month of their earliest report) and how many (non-rejected, dated) quotes reporting them "
                "(`quotes`) fall in each month, oldest first.",
    filters=True,
    responses={200: serializers.MonthlyCountSerializer(many=True)},
    examples=[OpenApiExample("Months", value=[{"month": "2021-07", "statements": 9, "quotes": 12}],
                             response_only=True)],
)
class MonthlyStatsView(KnownParametersMixin, generics.GenericAPIView):
    filter_backends = [StrictFilterBackend]
    filterset_class = filters.MonthlyFilter
    queryset = Quote.objects.all()
    serializer_class = serializers.MonthlyCountSerializer
    pagination_class = None

    def get(self, request, *args, **kwargs):
        quotes = self.filter_queryset(self.get_queryset())
        statements = {month: n for month, n in monthly_counts(quotes)}
        return Response([{"month": month.isoformat(), "statements": statements.get(month, 0), "quotes": n}
                         for month, n in monthly_counts(quotes, reports=True)])


# --- Incidents, events, topics -----------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="List incidents"),
    retrieve=extend_schema(summary="One incident", description="With attributions, victims and aliases."),
)
class IncidentViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Incident.objects.prefetch_related("victims", "aliases",
                                                 "attributions__claimant", "attributions__attributed_to")
    serializer_class = serializers.IncidentSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    pagination_class = NumberedPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.IncidentFilter
    ordering_fields = ["start_date", "name"]
    ordering = ["-start_date", "name"]


@extend_schema_view(
    list=extend_schema(summary="List events"),
    retrieve=extend_schema(summary="One event", description="With participants, incidents and aliases."),
)
class EventViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Event.objects.prefetch_related("participants", "incidents", "aliases")
    serializer_class = serializers.EventSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    pagination_class = NumberedPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.EventFilter
    ordering_fields = ["start_date", "name"]
    ordering = ["-start_date", "name"]


@extend_schema_view(list=extend_schema(summary="List topics"), retrieve=extend_schema(summary="One topic"))
class TopicViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    pagination_class = NumberedPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.TopicFilter
    ordering_fields = ["slug", "name_en", "name_fr"]
    ordering = ["slug"]


# --- Imports -----------------------------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="List import jobs"),
    retrieve=extend_schema(summary="One import job", description="Counts per status, and every item's outcome."),
    create=extend_schema(
        summary="Submit documents for import",
        description="Send exactly one of: multipart `file` (repeatable); JSON `text` with optional `title`, `url`, "
                    "`date`, `source`, `language`; JSON `html`; JSON `records` (a list of such objects, one import "
                    "item each). The job is queued and answered at once with 202: poll its `url`.",
        request={"application/json": serializers.ImportCreateSerializer,
                 "multipart/form-data": serializers.ImportCreateSerializer},
        responses={202: serializers.ImportAcceptedSerializer},
        examples=[
            OpenApiExample("Text", request_only=True, media_type="application/json", value={
                "text": "Joe Biden a demandé à Vladimir Poutine d'agir contre les rançongiciels.",
                "title": "Biden presse Poutine", "date": "2021-07-09", "source": "Le Monde", "language": "fr"}),
            OpenApiExample("Records", request_only=True, media_type="application/json",
                           value={"records": [{"text": "...", "date": "2021-07"}]}),
        ],
    ),
)
class ImportJobViewSet(KnownParametersMixin, ConditionalRetrieveMixin, mixins.CreateModelMixin,
                       viewsets.ReadOnlyModelViewSet):
    queryset = ImportJob.objects.prefetch_related(
        Prefetch("items", queryset=ImportItem.objects.defer("payload"))  # the bytes stay in the database
    )
    serializer_class = serializers.ImportJobSerializer
    pagination_class = NumberedPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.ImportJobFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at"]

    def get_permissions(self):
        return [permissions.IsAuthenticated()]  # internals: staff see every job, a client its own

    def get_queryset(self):
        jobs = super().get_queryset()
        return jobs if self.request.user.is_staff else jobs.filter(submitted_by=self.request.user)

    def create(self, request, *args, **kwargs):
        body = serializers.ImportCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        files = body.files()
        job = job_submit(origin=ImportJob.Origin.API, files=files, user=request.user,
                         submitted=", ".join(name for name, _ in files))
        job_enqueue(job)
        data = serializers.ImportAcceptedSerializer(job, context=self.get_serializer_context()).data
        location = str(data["url"])  # a plain str: WSGI servers refuse DRF's Hyperlink
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": location})


# --- Search ------------------------------------------------------------------------------------------------------

def _search_parameters() -> list[OpenApiParameter]:
    """The search form's fields (statements/search/forms.py), as the schema's parameters."""
    described = {
        "q": "The query language of the search page: words, \"phrase\", OR, -word, speaker:, actor:, incident:, "
             "topic:, claim:, lang:, kind:, date:2021-06..2021-07.",
        "date_after": "Said on or after: YYYY, YYYY-MM or YYYY-MM-DD (alias: date_from).",
        "date_before": "Said on or before: YYYY, YYYY-MM or YYYY-MM-DD (alias: date_to).",
    }
    aliases = {canonical: alias for alias, canonical in vocabulary.ALIASES.items()}
    parameters = []
    for name in SearchForm.base_fields:
        if name == "sort":
            parameters.append(OpenApiParameter(name, str, enum=["relevance", "date", "oldest"]))
        elif name in ("date_after", "date_before"):
            parameters.append(OpenApiParameter(name, PARTIAL_DATE_SCHEMA, description=described[name]))
        elif name == "q":
            parameters.append(OpenApiParameter(name, str, description=described[name], examples=[
                OpenApiExample("Cross-language", value="ransomware speaker:Poutine")]))
        else:
            alias = f" (alias: {aliases[name]})" if name in aliases else ""
            parameters.append(OpenApiParameter(name, {"type": "string", "minLength": 1}, description=(
                f"As in the search box{alias}; repeat it for any of several values.")))
    return parameters


@extend_schema(
    summary="Search quotes",
    description="Ranked quotes with the match highlighted (`headline`, escaped HTML with <mark>), and facets. "
                "A statement several of whose reports match is one result, the best matching report, with "
                "`sources` (how many articles report it) and `languages`; `count` and the facets count "
                "statements. Pages, ranking and facets cover a window of the newest 500 matching quotes (the "
                "oldest with `sort=oldest`; SEARCH_WINDOW on the server); beyond it `count` is one more than "
                "the statements of the window and `count_is_exact` false: narrow the search, or export every "
                "match (one row per report) from /search/export.csv or .jsonl.",
    parameters=_search_parameters(),
    responses={200: serializers.SearchResponseSerializer},
)
class SearchView(KnownParametersMixin, generics.GenericAPIView):
    serializer_class = serializers.SearchResponseSerializer
    pagination_class = NumberedPagination
    filter_backends = []
    extra_parameters = tuple(SearchForm.base_fields)

    def get(self, request):
        params = request.query_params
        empty = [name for name in SearchForm.base_fields if name != "q" and params.get(name) == ""]
        if empty:
            raise exceptions.ValidationError({name: ["empty: leave the parameter out to apply no filter."]
                                              for name in empty})
        form = SearchForm(params)
        if not form.is_valid():
            raise exceptions.ValidationError(form.errors)
        try:
            result = search_quotes(**form.search_arguments(), queryset=visible_quotes(request))
            # The page number and size are checked against the window (400 or 404, as for every list),
            # then the page runs its quotes and facets.
            self.paginate_queryset(result.window().ids)
            page = result.page(self.paginator.page.number, self.paginator.page.paginator.per_page,
                               quotes=Quote.objects.select_related("speaker", "article", "addressee")
                               .defer("search_vector", "article__text", "article__fingerprints").with_links()
                               .with_statement_reports())
        except SearchQueryError as error:
            raise exceptions.ValidationError({"q": [str(error)]}) from None
        data = serializers.SearchQuoteSerializer(page.quotes, many=True, context=self.get_serializer_context()).data
        response = self.get_paginated_response(data)
        response.data["count"] = result.count
        response.data["count_is_exact"] = result.count_is_exact
        response.data["facets"] = page.facets
        return response


# --- Timeline ----------------------------------------------------------------------------------------------------

TIMELINE_OUTPUTS = ("json", "timelinejs")

def _entry_json(entry, request) -> dict:
    item = entry.item
    date = PartialDate(entry.date, entry.precision)
    if entry.kind == "quote":
        title = item.speaker.name if item.speaker else (item.speaker_as_written or "")
        statement = item.statement_link
        return {"kind": "quote", "id": item.pk, "date": date.isoformat(), "precision": entry.precision,
                "title": title, "text": item.text, "url": request.build_absolute_uri(item.get_absolute_url()),
                "statement": statement, "sources": item.statement_reports or 1,
                "languages": item.statement_languages or [item.language],
                "statement_url": request.build_absolute_uri(reverse("statement-detail", args=[statement]))
                if statement else None}
    return {"kind": entry.kind, "slug": item.slug, "date": date.isoformat(), "precision": entry.precision,
            "title": item.name, "text": getattr(item, "summary", "") or getattr(item, "description", ""),
            "url": request.build_absolute_uri(item.get_absolute_url())}


def _timelinejs_event(entry: dict) -> dict:
    year, *rest = (int(part) for part in entry["date"].split("-"))
    start = {"year": year, **({"month": rest[0]} if rest else {}), **({"day": rest[1]} if len(rest) > 1 else {})}
    return {"start_date": start, "text": {"headline": entry["title"], "text": entry["text"]},
            "group": entry["kind"], "unique_id": f"{entry['kind']}-{entry.get('id') or entry.get('slug')}"}


@extend_schema(
    summary="The merged timeline",
    description="Statements, incidents and events newest first, with the pages' filters (speaker, actor, country, "
                "incident, topic, claim_type, kind, language, date_after, date_before) and keyset pages (`cursor`). "
                "A statement reported by several quotes (articles, languages) is one entry: its earliest report "
                "among those the filters keep (a statement matches when any of its reports does), with "
                "`statement` (its id, null for a quote matched to none), `sources` (how many articles report it), "
                "`languages` and `statement_url` (its page). "
                "`?output=timelinejs` answers TimelineJS JSON for the same page.",
    parameters=[OpenApiParameter(name, str) for name in ("speaker", "actor", "country", "incident", "topic",
                                                          "claim_type", "kind", "language", "date_after",
                                                          "date_before", "cursor")]
    + [OpenApiParameter("output", str, enum=list(TIMELINE_OUTPUTS))],
    responses={200: OpenApiTypes.OBJECT},
)
class TimelineView(KnownParametersMixin, generics.GenericAPIView):
    pagination_class = None
    serializer_class = None
    filter_backends = []
    extra_parameters = (*filters.QuoteFilter.base_filters, "output")

    def get(self, request):
        if request.query_params.get("output", "json") not in TIMELINE_OUTPUTS:
            raise exceptions.ValidationError({"output": [f"must be one of {', '.join(TIMELINE_OUTPUTS)}."]})
        quote_filter = filters.QuoteFilter(request.query_params, queryset=visible_quotes(request))
        reject_empty_values(quote_filter, request.query_params)
        if not quote_filter.is_valid():
            raise exceptions.ValidationError(quote_filter.errors)
        page = timeline_page(quote_filter.qs, cursor=request.query_params.get("cursor"),
                             context=quote_filter.timeline_context())
        entries = [_entry_json(entry, request) for entry in page.entries]
        if request.query_params.get("output") == "timelinejs":
            return Response({"events": [_timelinejs_event(entry) for entry in entries]})
        following = None
        if page.next_cursor:
            params = request.query_params.copy()
            params["cursor"] = page.next_cursor
            following = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
        return Response({"next": following, "results": entries})
