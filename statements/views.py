import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.db.models import Count, F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView, View
from django_filters.views import FilterView

from actors.models import Actor
from actors.resolution import resolve_actors
from statements import vocabulary
from statements.citation import quote_bibtex, quote_citation_text, quote_csl, quote_paragraph, quote_ris
from statements.dossier import event_chain, incident_chain
from statements.filters import EventFilter, IncidentFilter, QuoteFilter
from statements.forms import UploadForm
from statements.ingest.jobs import job_submit
from statements.models import Article, AttributionClaim, Event, ImportItem, ImportJob, Incident, Quote, Topic
from statements.overview import monthly_statements, most_quoted_actors, site_counts
from statements.reviewing import quote_history
from statements.search import SearchQueryError, search_quotes
from statements.search.export import csv_lines, jsonl_lines
from statements.search.forms import SearchForm
from statements.tasks import job_enqueue
from statements.timeline import TimelineContext, monthly_counts, months_counted, overview_points, timeline_page

# Detail pages show the latest statements; the full stream is the timeline filtered on the same thing.
PAGE_STATEMENTS = 50


class HomeView(TemplateView):
    template_name = "statements/home.html"
    # Shown under the home page's search box, one click each (statements/tests/test_demo.py checks that
    # each finds statements in the demo knowledge base).
    search_examples = ("topic:ransomware speaker:Putin", "incident:solarwinds", '"critical infrastructure"',
                       "speaker:Poutine cyberattaques", "incident:notpetya claim:attribution")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=site_counts(),
            search_examples=self.search_examples,
            latest_quotes=Quote.objects.published().one_per_statement().with_source().with_statement_reports()
            .chronological()[:10],
            articles=Article.objects.defer("text", "fingerprints")
            .annotate(quote_count=related_count(Quote.objects.all(), "article"))[:20],
            top_speakers=most_quoted_actors(),
            monthly=monthly_statements(),
            recent_imports=(ImportJob.objects.annotate(item_count=Count("items"))[:5]
                            if self.request.user.is_staff else ImportJob.objects.none()),
            **kwargs,
        )


def related_count(rows: QuerySet, field: str):
    """How many of `rows` point at each listed object through `field`, counted object by object: a
    page of 50 articles reads their own quotes, where Count("quotes") would join and group a
    million quotes before keeping 50 articles."""
    counted = rows.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted), 0)


def statements_count(links: QuerySet, field: str):
    """How many statements the quotes that `links` (a link table to quotes) ties to each listed object
    report, a quote of no statement counting as one: the "Statements" column of the incidents, events and
    topics, where three articles reporting one readout about Kaseya make one. Counted object by object, as
    related_count does."""
    utterance = Coalesce("quote__statement_id", -F("quote_id"))
    counted = (links.filter(**{field: OuterRef("pk")}).order_by().values(field)
               .annotate(n=Count(utterance, distinct=True)).values("n"))
    return Coalesce(Subquery(counted), 0)


class ArticleListView(ListView):
    template_name = "statements/article_list.html"
    paginate_by = 50
    queryset = Article.objects.defer("text", "fingerprints").annotate(
        quote_count=related_count(Quote.objects.all(), "article"))


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
    """A quote's permalink: the words, who and when, the paragraph around them, and how to cite them."""

    template_name = "statements/quote_detail.html"
    queryset = Quote.objects.citable().select_related("speaker", "article", "addressee").with_statement_reports()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.review_status == Quote.Review.WITHDRAWN:  # a citation of it must not just break
            return TemplateResponse(request, "statements/quote_withdrawn.html", {"quote": self.object}, status=410)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        quote = self.object
        url = self.request.build_absolute_uri(quote.get_absolute_url())
        return super().get_context_data(
            paragraph=quote_paragraph(quote),
            citation=quote_citation_text(quote, url=url),
            csl_json=json.dumps([quote_csl(quote, url=url)], ensure_ascii=False, indent=2),
            bibtex=quote_bibtex(quote, url=url),
            same_story=quote.article.quotes.published().exclude(pk=quote.pk).select_related("speaker"),
            history=quote_history(quote) if self.request.user.is_staff else None,
            **kwargs,
        )


CITATION_FORMATS = {  # /quotes/<id>/cite.<suffix>: what each download holds, and its media type
    "bib": (quote_bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (quote_ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (lambda quote, url: json.dumps([quote_csl(quote, url=url)], ensure_ascii=False, indent=2),
             "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


def quote_citation_download(request, pk: int, suffix: str):
    """A quote's citation as a file for a reference manager: BibTeX, RIS or CSL-JSON."""
    quote = get_object_or_404(Quote.objects.published().select_related("speaker", "article"), pk=pk)
    render, media_type = CITATION_FORMATS[suffix]
    response = HttpResponse(render(quote, url=request.build_absolute_uri(quote.get_absolute_url())),
                            content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="demarche-quote-{quote.pk}.{suffix}"'
    return response


class FilteredPageMixin:
    """A page whose filters are query parameters: a bad value or a parameter it does not take is shown in its
    filter form (statements.vocabulary), and the page answers 400."""

    page_parameters: tuple[str, ...] = ()  # what it takes beside the filters (and what every page takes)

    def page_filter(self, queryset=None) -> QuoteFilter:
        quote_filter = QuoteFilter(self.request.GET, queryset=queryset if queryset is not None else Quote.objects.all())
        vocabulary.refuse_unknown(quote_filter.form, self.page_parameters)
        return quote_filter

    def render_to_response(self, context, **kwargs):
        form = context["filter"].form
        return super().render_to_response(context, status=400 if form.is_bound and form.errors else 200, **kwargs)


class HappeningListView(FilteredPageMixin, FilterView):
    """Incidents or events, newest first, filterable with their API twin's filter set. The page offers the
    filters that need no list of hundreds of actors (kind, start dates); the API takes them all."""

    template_name = "statements/happening_list.html"
    paginate_by = 100
    ordering = ["-start_date", "name"]
    heading = column = empty = ""

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        vocabulary.refuse_unknown(filterset.form, self.page_parameters)
        return filterset

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_filters=("kind", "started_after", "started_before"),
                                        heading=self.heading, column=self.column, empty=self.empty, **kwargs)


class IncidentListView(HappeningListView):
    filterset_class = IncidentFilter
    queryset = Incident.objects.annotate(
        statement_count=statements_count(Quote.incidents.through.objects.all(), "incident"))
    heading, column, empty = gettext_lazy("Incidents"), gettext_lazy("Incident"), gettext_lazy("No incidents yet.")


class EventListView(HappeningListView):
    filterset_class = EventFilter
    queryset = Event.objects.annotate(statement_count=statements_count(Quote.events.through.objects.all(), "event"))
    heading, column, empty = (gettext_lazy("Diplomatic events"), gettext_lazy("Event"),
                              gettext_lazy("No events yet."))


class TopicListView(ListView):
    template_name = "statements/topic_list.html"
    queryset = Topic.objects.annotate(statement_count=statements_count(Quote.topics.through.objects.all(), "topic"))
    ordering = ["slug"]


class IncidentDetailView(DetailView):
    model = Incident
    template_name = "statements/incident_detail.html"

    def get_context_data(self, **kwargs):
        incident = self.object
        claims = list(incident.attributions.select_related("claimant", "attributed_to", "quote", "article")
                      .defer("article__text", "article__fingerprints").order_by("claimed_date", "pk"))
        return super().get_context_data(
            parties=incident_parties(incident, claims),
            chain=incident_chain(incident, claims),
            monthly=monthly_counts(incident.quotes.all()),
            **kwargs,
        )


def incident_parties(incident: Incident, claims) -> list[tuple[str, list[Actor]]]:
    """The actors of an incident's dossier by role: victims, those it is attributed to, those attributing it,
    those denying it (each once, in the order of the claims)."""
    roles = [(_("Victims"), list(incident.victims.all())),
             (_("Attributed to"), [c.attributed_to for c in claims if c.stance == AttributionClaim.Stance.ATTRIBUTION]),
             (_("Attributing"), [c.claimant for c in claims if c.stance == AttributionClaim.Stance.ATTRIBUTION]),
             (_("Denying"), [c.claimant for c in claims if c.stance == AttributionClaim.Stance.DENIAL])]
    return [(role, list(dict.fromkeys(actors))) for role, actors in roles if actors]


class EventDetailView(DetailView):
    model = Event
    template_name = "statements/event_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(chain=event_chain(self.object), **kwargs)


class TopicDetailView(DetailView):
    model = Topic
    template_name = "statements/topic_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statements=self.object.quotes.published().one_per_statement().with_source().with_statement_reports()
            .chronological()[:PAGE_STATEMENTS],
            monthly=monthly_counts(self.object.quotes.all()),
            **kwargs,
        )


class StaffOnlyMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Internals (import jobs, their items, errors and feeds) are for staff: others are sent to log in."""

    def test_func(self):
        return self.request.user.is_staff


class ImportJobListView(StaffOnlyMixin, ListView):
    template_name = "statements/import_list.html"
    paginate_by = 20
    # the submitted bytes of pending or failed items stay in the database, not in the page's memory
    queryset = ImportJob.objects.prefetch_related(Prefetch("items", queryset=ImportItem.objects.defer("payload")))


class ImportUploadView(LoginRequiredMixin, UserPassesTestMixin, FormView):
    """Staff upload documents from the browser; the worker imports them like any other job."""

    template_name = "statements/import_upload.html"
    form_class = UploadForm

    def test_func(self):
        return self.request.user.is_staff

    def form_valid(self, form):
        limit = settings.IMPORT_MAX_BYTES
        # One byte over the limit is enough for the reader to refuse an oversized file with its reason.
        files = [(upload.name, upload.read(limit + 1)) for upload in form.cleaned_data["files"]]
        job = job_submit(origin=ImportJob.Origin.UPLOAD, files=files, user=self.request.user,
                         submitted=", ".join(name for name, _ in files))
        job_enqueue(job)
        messages.success(self.request, _("%(count)d document(s) queued for import.") % {"count": len(files)})
        return redirect("import-list")


class TimelineView(FilteredPageMixin, TemplateView):
    """The merged timeline; every filter is a query parameter, so a filtered view is a shareable URL."""

    template_name = "statements/timeline.html"

    def get_context_data(self, **kwargs):
        quote_filter = self.page_filter()
        quotes = quote_filter.qs if quote_filter.is_valid() else Quote.objects.none()
        context = quote_filter.timeline_context() if quote_filter.is_valid() else TimelineContext.none()
        page = timeline_page(quotes, cursor=self.request.GET.get("cursor"), context=context)
        return super().get_context_data(filter=quote_filter, page=page, **kwargs)


class TimelineOverviewView(FilteredPageMixin, TemplateView):
    """The visual strip of a timeline (its latest 5,000 items) for the same filters.

    A page of its own, which the timeline links to and, with JavaScript, fetches after rendering
    (static/js/timeline.js): drawing thousands of dots never delays the timeline's first page.
    """

    template_name = "statements/timeline_overview.html"

    def get_context_data(self, **kwargs):
        quote_filter = self.page_filter()
        quotes = quote_filter.qs if quote_filter.is_valid() else Quote.objects.none()
        context = quote_filter.timeline_context() if quote_filter.is_valid() else TimelineContext.none()
        points = overview_points(quotes, context=context)
        return super().get_context_data(filter=quote_filter, points=points, **kwargs)


class CompareView(FilteredPageMixin, TemplateView):
    """Two actors side by side over the same filters (Biden vs Putin on ransomware)."""

    template_name = "statements/compare.html"
    page_parameters = ("a", "b")

    def get_context_data(self, **kwargs):
        quote_filter = self.page_filter()
        form = quote_filter.form
        given = {key: self.request.GET.get(key, "").strip() for key in ("a", "b")}
        actors = {key: compared_actor(name) for key, name in given.items()}
        for key, name in given.items():
            if name and actors[key] is None:
                unknown = _("no actor with the slug or name “%(value)s”.") % {"value": name}
                form.errors[key] = form.error_class([unknown])
        columns = []
        for actor in actors.values():
            quotes = Quote.objects.none()
            if actor and quote_filter.is_valid():
                quotes = quote_filter.filter_queryset(Quote.objects.by_actor(actor))
            columns.append((actor, timeline_page(quotes, size=30).entries))
        return super().get_context_data(columns=columns, compared=list(given.items()),
                                        suggest=vocabulary.autocomplete_attrs("speaker")["data-autocomplete"],
                                        filter=quote_filter, **kwargs)


def compared_actor(name: str) -> Actor | None:
    """The actor a compare box names: by slug, name, alias or misspelling, the best match."""
    ids = resolve_actors(name) if name else []
    return Actor.objects.filter(pk=ids[0]).first() if ids else None


class SearchView(TemplateView):
    """Quote search: the query box, the same filters as fields, facets as links, 20 results a page."""

    template_name = "statements/search.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET or None)
        context = {"form": form, "result": None, "error": None}
        status = 200
        if form.is_bound:
            vocabulary.refuse_unknown(form, ())
        if form.is_bound and not form.is_valid():
            status = 400
        elif form.is_bound and form.has_search():
            try:
                result = search_quotes(**form.search_arguments())
                page = result.page(request.GET.get("page"), self.paginate_by,
                                   quotes=Quote.objects.for_result_lines().with_statement_reports())
                context.update(result=result, page_obj=page.page, quotes=page.quotes,
                               facets=facet_links(request.GET, page.facets),
                               monthly=months_counted(row["statement_date"] for row in result.window().leads))
            except SearchQueryError as error:
                context["error"] = str(error)
                status = 400
        return self.render_to_response(self.get_context_data(**context), status=status)


def facet_links(params, facets) -> dict[str, list[dict]]:
    """Each facet value with the query string that narrows the search to it (back to the first page)."""
    kept = {key: values for key, values in vocabulary.canonical(params).lists() if key != "page"}

    def narrowed(**changes):
        query = {**kept, **{key: [value] for key, value in changes.items()}}
        return urlencode([(key, value) for key, values in query.items() for value in values])

    return {
        "speakers": [dict(row, query=narrowed(speaker=row["name"])) for row in facets["speakers"]],
        "incidents": [dict(row, query=narrowed(incident=row["slug"])) for row in facets["incidents"]],
        "years": [dict(row, query=narrowed(date_after=row["year"], date_before=row["year"]))
                  for row in facets["years"]],
        "languages": [dict(row, query=narrowed(language=row["code"])) for row in facets["languages"]],
        "claims": [dict(row, query=narrowed(claim_type=row["code"])) for row in facets["claims"]],
    }


class SearchExportView(View):
    """The whole matching set, streamed as CSV or JSON Lines (same parameters as the search page)."""

    formats = {
        "csv": ("text/csv; charset=utf-8", csv_lines),
        "jsonl": ("application/jsonl; charset=utf-8", jsonl_lines),
    }

    def get(self, request, format):
        form = SearchForm(request.GET)
        vocabulary.refuse_unknown(form, ())
        if not form.is_valid():
            return HttpResponseBadRequest(form.errors.as_text(), content_type="text/plain; charset=utf-8")
        try:
            result = search_quotes(**form.search_arguments())
        except SearchQueryError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        content_type, lines = self.formats[format]
        response = StreamingHttpResponse(lines(result.all_matches(), request.build_absolute_uri),
                                         content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="demarche-quotes.{format}"'
        return response
