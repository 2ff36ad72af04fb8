"""Serializers of the statements API. Thin: what to show, in which shape; no business rules."""

from __future__ import annotations

import datetime
import json
from collections import Counter

from django.conf import settings
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from actors.api import ActorLinkSerializer, ActorSerializer
from actors.models import Actor
from config.api.fields import ClosedSerializer, IdentityLinkField, LinkSerializer, PartialDateSerializerField
from statements.dates import PartialDate
from statements.models import (
    Article,
    AttributionClaim,
    Event,
    EventAlias,
    ImportItem,
    ImportJob,
    Incident,
    IncidentAlias,
    Quote,
    Statement,
    Topic,
)

EXPANDABLE = ("speaker", "article")


class BlankAsNullURLField(serializers.URLField):
    def to_representation(self, value):
        return value or None


class ArticleLinkSerializer(LinkSerializer):
    url = IdentityLinkField(view_name="api-article-detail")

    class Meta:
        model = Article
        fields = ["id", "title", "url"]


class ArticleSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-article-detail")
    published_date = PartialDateSerializerField("published_date", "published_precision", allow_null=True)
    source_url = BlankAsNullURLField(source="url", allow_null=True,
                                     help_text="The article at its publisher; null when it came as a file.")

    class Meta:
        model = Article
        fields = ["id", "url", "title", "language", "published_date", "published_precision", "publisher",
                  "source_url", "created_at"]


class ArticleDetailSerializer(ArticleSerializer):
    quotes = serializers.HyperlinkedRelatedField(many=True, read_only=True, view_name="api-quote-detail",
                                                 help_text="The quotes found in the article.")

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text", "quotes"]


class TopicLinkSerializer(LinkSerializer):
    url = IdentityLinkField(view_name="api-topic-detail", lookup_field="slug")

    class Meta:
        model = Topic
        fields = ["slug", "name_en", "url"]


class IncidentLinkSerializer(LinkSerializer):
    url = IdentityLinkField(view_name="api-incident-detail", lookup_field="slug")

    class Meta:
        model = Incident
        fields = ["slug", "name", "url"]


class EventLinkSerializer(LinkSerializer):
    url = IdentityLinkField(view_name="api-event-detail", lookup_field="slug")

    class Meta:
        model = Event
        fields = ["slug", "name", "url"]


@extend_schema_field({"type": "object", "properties": {
    "slug": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string", "format": "uri"},
    "date": {"type": "string", "nullable": True, "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
             "description": "When the event began, ISO at its precision (YYYY, YYYY-MM or YYYY-MM-DD)."}}})
class QuoteEventSerializer(EventLinkSerializer):
    """An event a quote belongs to, with its date: a link of `Quote.objects.with_links()` (a mapping)."""

    def to_representation(self, link):
        date = link.get("start_date")
        when = PartialDate(datetime.date.fromisoformat(date), link.get("start_precision") or "day") if date else None
        return {"slug": link["slug"], "name": link["name"], "url": self.fields["url"].to_representation(link),
                "date": when.isoformat() if when else None}


# A link, or with ?expand= the whole object. The schema says anyOf (config.api.schema.link_or_whole_any_of):
# a whole object is also a valid link, which oneOf forbids.
SpeakerField = PolymorphicProxySerializer(
    component_name="QuoteSpeaker", serializers=[ActorLinkSerializer, ActorSerializer], resource_type_field_name=None,
    many=False,
)
ArticleField = PolymorphicProxySerializer(
    component_name="QuoteArticle", serializers=[ArticleLinkSerializer, ArticleSerializer],
    resource_type_field_name=None, many=False,
)


class QuoteSerializer(serializers.ModelSerializer):
    """A quote. `speaker` and `article` are links ({slug|id, name|title, url}) unless `?expand=` names them.

    Quotes come from `Quote.objects.with_links()` (api.views.visible_quotes), which lists their links."""

    url = IdentityLinkField(view_name="api-quote-detail")
    speaker = serializers.SerializerMethodField()
    article = serializers.SerializerMethodField()
    statement_date = PartialDateSerializerField("statement_date", "statement_precision", allow_null=True)
    addressee = ActorLinkSerializer(read_only=True, allow_null=True)
    mentioned_actors = ActorLinkSerializer(many=True, read_only=True, source="mentioned_actors_links")
    incidents = IncidentLinkSerializer(many=True, read_only=True, source="incidents_links")
    events = QuoteEventSerializer(many=True, read_only=True, source="events_links")
    topics = TopicLinkSerializer(many=True, read_only=True, source="topics_links")
    statement = serializers.IntegerField(
        source="statement_id", read_only=True, allow_null=True,
        help_text="Id of the Statement this quote reports (/api/v1/statements/<id>/): other reports of the same "
                  "utterance, in other articles and languages, share it.")
    csl = IdentityLinkField(view_name="api-quote-csl", help_text="CSL-JSON citation.")

    class Meta:
        model = Quote
        fields = ["id", "url", "text", "kind", "speaker", "speaker_as_written", "statement_date",
                  "statement_precision", "language", "claim_type", "addressee", "article", "start", "end",
                  "mentioned_actors", "incidents", "events", "topics", "statement", "confidence", "review_status",
                  "reviewed_at", "created_at", "csl"]

    def _nested(self, name: str, link, whole):
        """The serializer of `name` (its link, or the whole object with ?expand=), made once per list:
        building a serializer costs more than rendering a row with it."""
        cache = self.__dict__.setdefault("_nested_serializers", {})
        if name not in cache:
            serializer_class = whole if name in self.context.get("expand", ()) else link
            cache[name] = serializer_class(context=self.context)
        return cache[name]

    @extend_schema_field(SpeakerField)
    def get_speaker(self, quote):
        if quote.speaker is None:
            return None
        return self._nested("speaker", ActorLinkSerializer, ActorSerializer).to_representation(quote.speaker)

    @extend_schema_field(ArticleField)
    def get_article(self, quote):
        return self._nested("article", ArticleLinkSerializer, ArticleSerializer).to_representation(quote.article)


class QuoteReviewSerializer(ClosedSerializer):
    verdict = serializers.ChoiceField(choices=Quote.Review.choices, help_text="The curator's verdict.")
    speaker = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), required=False, allow_null=False,
        help_text="Slug of the right speaker, when extraction got it wrong.",
    )


class IncidentAliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentAlias
        fields = ["name", "language"]


class EventAliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventAlias
        fields = ["name", "language"]


class AttributionSerializer(serializers.ModelSerializer):
    claimant = ActorLinkSerializer(read_only=True)
    attributed_to = ActorLinkSerializer(read_only=True)
    claimed_date = PartialDateSerializerField("claimed_date", "claimed_precision", allow_null=True)
    quote = serializers.HyperlinkedRelatedField(read_only=True, view_name="api-quote-detail", allow_null=True,
                                                help_text="The statement that made the claim.")

    class Meta:
        model = AttributionClaim
        fields = ["claimant", "attributed_to", "claimed_date", "claimed_precision", "quote", "note"]


class AttributionClaimSerializer(serializers.ModelSerializer):
    """An attribution claim or a denial: who said who did an incident, how sure, when, and in which words."""

    incident = IncidentLinkSerializer(read_only=True)
    claimant = ActorLinkSerializer(read_only=True)
    accused = ActorLinkSerializer(read_only=True, source="attributed_to",
                                  help_text="Who is said to have done it (for a denial: who denies having done it).")
    claimed_date = PartialDateSerializerField("claimed_date", "claimed_precision", allow_null=True)
    quote = serializers.HyperlinkedRelatedField(read_only=True, view_name="api-quote-detail", allow_null=True,
                                                help_text="The quote that made the claim, when a quote did.")
    article = ArticleLinkSerializer(read_only=True, allow_null=True)
    reference = serializers.SerializerMethodField(
        help_text="True for the gazetteer's reference data, false for a claim found in an article's words.")

    class Meta:
        model = AttributionClaim
        fields = ["id", "incident", "claimant", "accused", "stance", "confidence_wording", "claimed_date",
                  "claimed_precision", "words", "quote", "article", "origin", "reference", "note"]

    def get_reference(self, claim) -> bool:
        return claim.origin == AttributionClaim.Origin.REFERENCE


class StatementReportSerializer(serializers.ModelSerializer):
    """One report of a statement: a quote, with where and when it was published."""

    url = IdentityLinkField(view_name="api-quote-detail")
    statement_date = PartialDateSerializerField("statement_date", "statement_precision", allow_null=True)
    article = ArticleLinkSerializer(read_only=True)
    publisher = serializers.CharField(source="article.publisher", read_only=True)
    published_date = serializers.SerializerMethodField(help_text="When its article was published (YYYY[-MM[-DD]]).")

    class Meta:
        model = Quote
        fields = ["id", "url", "text", "language", "kind", "statement_date", "article", "publisher",
                  "published_date"]

    def get_published_date(self, quote) -> str | None:
        published = quote.article.published
        return published.isoformat() if published else None


class StatementSerializer(serializers.ModelSerializer):
    """One utterance and its reports (quotes in one or several articles and languages), earliest first."""

    url = IdentityLinkField(view_name="api-statement-detail")
    speaker = ActorLinkSerializer(read_only=True, allow_null=True)
    statement_date = PartialDateSerializerField("statement_date", "statement_precision", allow_null=True)
    languages = serializers.SerializerMethodField(help_text="The languages of its reports.")
    reports = StatementReportSerializer(many=True, read_only=True, source="visible_reports",
                                        help_text="Its reports, the earliest published first.")

    class Meta:
        model = Statement
        fields = ["id", "url", "speaker", "statement_date", "statement_precision", "languages", "reports"]

    def get_languages(self, statement) -> list[str]:
        return sorted({report.language for report in statement.visible_reports})


class IncidentSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-incident-detail", lookup_field="slug")
    start_date = PartialDateSerializerField("start_date", "start_precision", allow_null=True)
    end_date = PartialDateSerializerField("end_date", "end_precision", allow_null=True)
    victims = ActorLinkSerializer(many=True, read_only=True)
    aliases = IncidentAliasSerializer(many=True, read_only=True)
    attributions = AttributionSerializer(many=True, read_only=True)

    class Meta:
        model = Incident
        fields = ["slug", "name", "url", "kind", "summary", "start_date", "start_precision", "end_date",
                  "end_precision", "victims", "victims_text", "aliases", "attributions"]


class EventSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-event-detail", lookup_field="slug")
    start_date = PartialDateSerializerField("start_date", "start_precision", allow_null=True)
    end_date = PartialDateSerializerField("end_date", "end_precision", allow_null=True)
    participants = ActorLinkSerializer(many=True, read_only=True)
    incidents = IncidentLinkSerializer(many=True, read_only=True)
    aliases = EventAliasSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = ["slug", "name", "url", "kind", "description", "start_date", "start_precision", "end_date",
                  "end_precision", "location", "participants", "incidents", "aliases"]


class TopicSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-topic-detail", lookup_field="slug")

    class Meta:
        model = Topic
        fields = ["slug", "name_en", "name_fr", "url", "keywords"]


FEED_ERROR_FOR_THE_PUBLIC = "could not be fetched (the reason is shown to staff)"


class ImportItemSerializer(serializers.ModelSerializer):
    article = serializers.HyperlinkedRelatedField(read_only=True, view_name="api-article-detail", allow_null=True)

    class Meta:
        model = ImportItem
        fields = ["name", "status", "error", "article", "attempts", "updated_at"]

    def to_representation(self, item):
        # Why a feed's page failed (an address refused, a port closed) is for staff only: shown to
        # anyone, it would turn a feed into a scanner of the server's network.
        data = super().to_representation(item)
        request = self.context.get("request")
        if item.error and item.job.origin == ImportJob.Origin.FEED and not (request and request.user.is_staff):
            data["error"] = FEED_ERROR_FOR_THE_PUBLIC
        return data


class ImportJobSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-importjob-detail")
    counts = serializers.SerializerMethodField(help_text="Number of items per status.")
    items = ImportItemSerializer(many=True, read_only=True)

    class Meta:
        model = ImportJob
        fields = ["id", "url", "origin", "status", "submitted", "created_at", "finished_at", "counts", "items"]

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "integer"},
                          "example": {"imported": 3, "duplicate": 1, "failed": 1}})
    def get_counts(self, job) -> dict[str, int]:
        # Counted over the prefetched items (the same figures as statements.ingest.jobs.job_counts, no query each).
        return dict(Counter(item.status for item in job.items.all()))


class ImportAcceptedSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-importjob-detail",
                                              help_text="Poll this to follow the import.")

    class Meta:
        model = ImportJob
        fields = ["id", "url", "status"]


class StrictCharField(serializers.CharField):
    """A string, and only a string: DRF's CharField would take 0 or true and store "0" or "True"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ImportCreateSerializer(serializers.Serializer):
    """Exactly one of: `file` (multipart, repeatable), `text` (+ metadata), `html`, `records`."""

    file = serializers.ListField(child=serializers.FileField(), required=False,
                                 help_text="Multipart upload: .txt, .md, .html, .pdf, .json or .jsonl files.")
    text = StrictCharField(required=False, trim_whitespace=False, help_text="The article's plain text.")
    title = StrictCharField(required=False, max_length=500)
    url = serializers.URLField(required=False, max_length=1000)
    date = StrictCharField(required=False, max_length=10, help_text="YYYY, YYYY-MM or YYYY-MM-DD.")
    source = StrictCharField(required=False, max_length=200, help_text="The publisher.")
    language = StrictCharField(required=False, max_length=8, help_text="ISO 639-1 code.")
    html = StrictCharField(required=False, trim_whitespace=False, help_text="A whole HTML page.")
    records = serializers.ListField(
        child=serializers.DictField(), required=False, max_length=1000,
        help_text='Articles as objects: {"text", "title", "url", "date", "source", "language"}.',
    )

    METADATA = ("title", "url", "date", "source", "language")
    SOURCES = ("file", "text", "html", "records")

    def validate_date(self, value):
        from statements.dates import PartialDate

        try:
            PartialDate.parse(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error
        return value

    def validate_records(self, records):
        for number, record in enumerate(records, start=1):
            if not isinstance(record.get("text"), str) or not record["text"].strip():
                raise serializers.ValidationError(f"record {number} has no 'text'.")
        return records

    def validate(self, attrs):
        given = [name for name in self.SOURCES if attrs.get(name)]
        if len(given) != 1:
            raise serializers.ValidationError(
                {"non_field_errors": ["send exactly one of file, text, html or records."]})
        return attrs

    def files(self) -> list[tuple[str, bytes]]:
        """The submission as (name, bytes) pairs, the shape every import reader takes."""
        data, limit = self.validated_data, settings.IMPORT_MAX_BYTES
        if data.get("file"):
            # One byte over the limit is enough for the reader to refuse an oversized file with its reason.
            return [(upload.name, upload.read(limit + 1)) for upload in data["file"]]
        if data.get("html"):
            return [("api-submission.html", data["html"].encode("utf-8"))]
        if data.get("text"):
            record = {"text": data["text"], **{key: data[key] for key in self.METADATA if data.get(key)}}
            return [("api-submission.json", _json_bytes(record))]
        return [(f"api-record-{number}.json", _json_bytes(record))
                for number, record in enumerate(data["records"], start=1)]


def _json_bytes(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


class MonthlyCountSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    statements = serializers.IntegerField(help_text="Statements, each counted once however many quotes report it.")
    quotes = serializers.IntegerField(help_text="Quotes (reports of those statements).")


class SearchQuoteSerializer(QuoteSerializer):
    """A result: the best matching report of a statement (Quote.objects.with_statement_reports() read how many
    articles report it, and in which languages), or a quote matched to no statement."""

    headline = serializers.CharField(help_text="The quote, HTML-escaped, with the matches in <mark>.")
    sources = serializers.SerializerMethodField(help_text="How many articles report its statement (1 for none).")
    languages = serializers.SerializerMethodField(help_text="The languages its statement is reported in.")

    class Meta(QuoteSerializer.Meta):
        fields = [*QuoteSerializer.Meta.fields, "headline", "sources", "languages"]

    def get_sources(self, quote) -> int:
        return quote.statement_reports or 1

    def get_languages(self, quote) -> list[str]:
        return quote.statement_languages or [quote.language]


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    count_is_exact = serializers.BooleanField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchQuoteSerializer(many=True)
    facets = serializers.DictField(help_text="speakers, incidents, years, languages, claims: value and count.")
