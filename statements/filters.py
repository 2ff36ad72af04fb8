"""The statements app's filter sets, one per resource, used by the pages and the API alike.

The machinery (partial dates, slugs, strict checking of every value) is in config/api/filters.py.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from actors.models import Actor
from actors.resolution import resolve_actors
from config.api.filters import DATE_HELP, PartialDateFilter, TextFilter, slug_filter
from statements import vocabulary
from statements.models import Article, AttributionClaim, Event, ImportJob, Incident, Quote, Statement, Topic
from statements.search import names
from statements.timeline import TimelineContext


def suggested(name: str) -> forms.TextInput:
    return forms.TextInput(attrs=vocabulary.autocomplete_attrs(name))


class QuoteFilter(django_filters.FilterSet):
    """The quote filters of the timeline, the compare page and the API (quotes, timeline), under the same names."""

    speaker = slug_filter(Actor, "speaker", "The actor who speaks: a slug, a name, an alias or a misspelling.",
                          label=_("Speaker"), widget=suggested("speaker"), resolve=resolve_actors)
    actor = slug_filter(Actor, "mentioned_actors", "An actor the quote mentions (slug or name).", label=_("Mentions"),
                        widget=suggested("actor"), resolve=resolve_actors)
    country = TextFilter(field_name="speaker__country", lookup_expr="iexact", label=_("Country"),
                                        help_text="The speaker's country, ISO 3166-1 alpha-2 (US, RU, FR...).")
    incident = slug_filter(Incident, "incidents", "An incident the quote is about (slug, name or alias).",
                           label=_("Incident"), widget=suggested("incident"),
                           resolve=names.resolve_incidents)
    event = slug_filter(Event, "events", "An event the quote is about (slug, name or alias).", label=_("Event"),
                        widget=suggested("event"), resolve=names.resolve_events)
    topic = slug_filter(Topic, "topics", "A topic (slug or name).", label=_("Topic"),
                        widget=suggested("topic"), resolve=names.resolve_topics)
    claim_type = django_filters.ChoiceFilter(choices=Quote.Claim.choices, label=_("Claim"),
                                             help_text="What the statement does.")
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices, label=_("Kind"),
                                       help_text="Direct, partial, indirect, readout.")
    language = TextFilter(lookup_expr="iexact", label=_("Language"),
                                         help_text="Language of the quote, ISO 639-1.")
    date_after = PartialDateFilter(field_name="statement_date", lookup_expr="gte", label=_("From"),
                                   help_text=f"Said on or after ({DATE_HELP}; 2021-07 means from July 1st).")
    date_before = PartialDateFilter(field_name="statement_date", lookup_expr="lte", label=_("To"),
                                    help_text=f"Said on or before ({DATE_HELP}; 2021-07 means up to July 31st).")
    review_status = django_filters.ChoiceFilter(
        choices=Quote.Review.choices, label=_("Review"),
        help_text="Curation state (rejected quotes are shown to staff only).")

    class Meta:
        model = Quote
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(vocabulary.canonical(data) if data is not None else None, *args, **kwargs)

    def timeline_context(self) -> TimelineContext:
        """The incidents and events a timeline of these filters shows beside its statements: every one for
        dates alone; an incident's own and its events; an event's own and its incidents; a speaker's
        events and the incidents their statements are about; none for the other filters. Always within
        the period asked for. Call on a valid filter set."""
        values = {key: value for key, value in self.form.cleaned_data.items() if value not in (None, "")}
        start = values["date_after"].date if "date_after" in values else None
        end = values["date_before"].last_day if "date_before" in values else None
        narrowing = set(values) - DATE_FILTERS
        incidents, events = Incident.objects.all(), Event.objects.all()
        if narrowing - CONTEXT_FILTERS:
            return TimelineContext(incidents.none(), events.none(), start, end)
        if incident := values.get("incident"):
            incidents, events = incidents.filter(pk=incident.pk), events.filter(incidents=incident)
        if event := values.get("event"):
            incidents, events = incidents.filter(events=event), events.filter(pk=event.pk)
        if speaker := values.get("speaker"):
            spoken_about = Quote.objects.published().filter(speaker=speaker).values("incidents")
            incidents, events = incidents.filter(pk__in=spoken_about), events.filter(participants=speaker)
        return TimelineContext(incidents, events, start, end)


DATE_FILTERS = {"date_after", "date_before"}
CONTEXT_FILTERS = {"incident", "event", "speaker"}  # the filters a timeline's context follows



class MonthlyFilter(django_filters.FilterSet):
    speaker = QuoteFilter.base_filters["speaker"]
    incident = QuoteFilter.base_filters["incident"]
    topic = QuoteFilter.base_filters["topic"]

    class Meta:
        model = Quote
        fields = []


class ArticleFilter(django_filters.FilterSet):
    language = TextFilter(lookup_expr="iexact", help_text="Language of the article, ISO 639-1.")
    publisher = TextFilter(lookup_expr="icontains", help_text="Part of the publisher's name.")
    published_after = PartialDateFilter(field_name="published_date", lookup_expr="gte",
                                        help_text=f"Published on or after ({DATE_HELP}).")
    published_before = PartialDateFilter(field_name="published_date", lookup_expr="lte",
                                         help_text=f"Published on or before ({DATE_HELP}).")

    class Meta:
        model = Article
        fields = []


def name_filter(resolve, what: str) -> TextFilter:
    """`?q=`: by slug, any name or alias, a part of one or a misspelling (what the autocomplete asks)."""
    return TextFilter(method=lambda queryset, name, value: queryset.filter(pk__in=resolve(value)),
                      help_text=f"A slug, a name or an alias of the {what}, a part of one or a misspelling.")


class HappeningFilter(django_filters.FilterSet):
    """What incidents and events share: when they started."""

    started_after = PartialDateFilter(field_name="start_date", lookup_expr="gte",
                                      help_text=f"Started on or after ({DATE_HELP}).")
    started_before = PartialDateFilter(field_name="start_date", lookup_expr="lte",
                                       help_text=f"Started on or before ({DATE_HELP}).")


class IncidentFilter(HappeningFilter):
    q = name_filter(names.resolve_incidents, "incident")
    kind = django_filters.ChoiceFilter(choices=Incident.Kind.choices, help_text="Kind of incident.")
    victim = slug_filter(Actor, "victims", "Slug of a victim.")
    attributed_to = slug_filter(Actor, "attributions", "Slug of an actor it was attributed to.",
                                method="filter_attributed_to")

    class Meta:
        model = Incident
        fields = []

    @extend_schema_field(OpenApiTypes.STR)
    def filter_attributed_to(self, queryset, name, value):
        return queryset.filter(pk__in=AttributionClaim.objects.filter(attributed_to=value).values("incident_id"))


class EventFilter(HappeningFilter):
    q = name_filter(names.resolve_events, "event")
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, help_text="Kind of event.")
    participant = slug_filter(Actor, "participants", "Slug of a participant.")
    incident = slug_filter(Incident, "incidents", "Slug of an incident the event concerns.")

    class Meta:
        model = Event
        fields = []


class TopicFilter(django_filters.FilterSet):
    q = name_filter(names.resolve_topics, "topic")

    class Meta:
        model = Topic
        fields = []


class ImportJobFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ImportJob.Status.choices, help_text="State of the job.")
    origin = django_filters.ChoiceFilter(choices=ImportJob.Origin.choices, help_text="How it was submitted.")

    class Meta:
        model = ImportJob
        fields = []


class StatementFilter(django_filters.FilterSet):
    """The filters of /api/v1/statements/, named as the quotes' are; a statement matches through any report."""

    speaker = slug_filter(Actor, "speaker", "The actor who made the statement (slug, name, alias or misspelling).",
                          resolve=resolve_actors)
    incident = slug_filter(Incident, "reports__incidents", "An incident a report is about (slug, name or alias).",
                           resolve=names.resolve_incidents, distinct=True)
    event = slug_filter(Event, "reports__events", "Slug of an event a report belongs to.", distinct=True)
    language = TextFilter(field_name="reports__language", lookup_expr="iexact", distinct=True,
                          help_text="Reported in this language (ISO 639-1).")
    date_after = PartialDateFilter(field_name="statement_date", lookup_expr="gte",
                                   help_text=f"Made on or after ({DATE_HELP}).")
    date_before = PartialDateFilter(field_name="statement_date", lookup_expr="lte",
                                    help_text=f"Made on or before ({DATE_HELP}).")

    class Meta:
        model = Statement
        fields = []


class AttributionFilter(django_filters.FilterSet):
    """The filters of /api/v1/attributions/."""

    claimant = slug_filter(Actor, "claimant", "Who makes the claim (slug or name).", resolve=resolve_actors)
    accused = slug_filter(Actor, "attributed_to", "Who is said to have done it (slug or name).",
                          resolve=resolve_actors)
    incident = slug_filter(Incident, "incident", "The incident (slug, name or alias).",
                           resolve=names.resolve_incidents)
    stance = django_filters.ChoiceFilter(choices=AttributionClaim.Stance.choices, help_text="Attribution or denial.")
    origin = django_filters.ChoiceFilter(choices=AttributionClaim.Origin.choices,
                                         help_text="reference (the gazetteer's) or text (found in an article).")
    date_after = PartialDateFilter(field_name="claimed_date", lookup_expr="gte",
                                   help_text=f"Claimed on or after ({DATE_HELP}).")
    date_before = PartialDateFilter(field_name="claimed_date", lookup_expr="lte",
                                    help_text=f"Claimed on or before ({DATE_HELP}).")

    class Meta:
        model = AttributionClaim
        fields = []
