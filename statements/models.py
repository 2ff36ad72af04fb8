"""Articles, the quotes extracted from them, and what they are about: incidents, events, topics."""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, JSONObject, Substr
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, AliasBase, ReviewStatus, SlugRedirect
from statements.dates import DatePrecision, PartialDate


def _precision_field():
    return models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)


class ImportJob(models.Model):
    """One submission: a folder, an upload, an API call or a feed poll, and what became of it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        DONE_WITH_ERRORS = "partial", _("done with errors")
        FAILED = "failed", _("failed")

    class Origin(models.TextChoices):
        COMMAND = "command", _("command line")
        UPLOAD = "upload", _("web upload")
        API = "api", _("API")
        INBOX = "inbox", _("inbox folder")
        FEED = "feed", _("feed")
        SAMPLES = "samples", _("sample articles")
        DEMO = "demo", _("demo knowledge base")

    origin = models.CharField(max_length=16, choices=Origin.choices)
    submitted = models.TextField(help_text=_("What was submitted: paths, file names, a URL."))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Import #{self.pk} ({self.get_origin_display()}, {self.get_status_display()})"


class ImportItem(models.Model):
    """One document of a job: imported, a duplicate, or failed with a clear reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        IMPORTED = "imported", _("imported")
        DUPLICATE = "duplicate", _("duplicate")
        FAILED = "failed", _("failed")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=500, help_text=_("File name, path or URL of the document."))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    payload = models.BinaryField(null=True, editable=False, help_text=_("The submitted bytes, kept until imported."))
    article = models.ForeignKey("Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["job", "pk"]
        indexes = [models.Index(fields=["job", "status"])]

    def __str__(self):
        return f"{self.name}: {self.get_status_display()}"


class Topic(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(max_length=120)
    name_fr = models.CharField(max_length=120)
    keywords = models.JSONField(default=dict, blank=True, help_text=_('Per language: {"fr": ["rançongiciel"]}'))

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.name_en

    def get_absolute_url(self):
        return reverse("topic-detail", kwargs={"slug": self.slug})


class Happening(models.Model):
    """What a timeline places beside the statements: an incident or an event, over a (partial) period."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    start_date = models.DateField(null=True, blank=True)
    start_precision = _precision_field()
    end_date = models.DateField(null=True, blank=True)
    end_precision = _precision_field()

    detail_url_name: str  # the page of one, by slug

    class Meta:
        abstract = True
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(self.detail_url_name, kwargs={"slug": self.slug})

    @property
    def start(self):
        return PartialDate.from_fields(self.start_date, self.start_precision)

    @property
    def end(self):
        return PartialDate.from_fields(self.end_date, self.end_precision)


class Incident(Happening):
    """A cyber incident: an attack, a campaign, a breach, with its victims and the claims about it."""

    class Kind(models.TextChoices):
        RANSOMWARE = "ransomware", _("ransomware")
        ESPIONAGE = "espionage", _("espionage")
        SABOTAGE = "sabotage", _("sabotage / wiper")
        HACK_AND_LEAK = "hack-and-leak", _("hack and leak")
        DDOS = "ddos", _("DDoS")
        SUPPLY_CHAIN = "supply-chain", _("supply-chain compromise")
        DATA_BREACH = "data-breach", _("data breach")
        INFLUENCE = "influence", _("influence operation")
        OTHER = "other", _("other")

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    summary = models.TextField(blank=True)
    # Reference data (the gazetteer, a curator) is reviewed; an incident found in an article is not, until a
    # curator checks it (or merges it into the incident it is).
    review_status = models.CharField(max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.REVIEWED,
                                     db_index=True)
    found_in = models.ForeignKey("Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 help_text=_("The article it was first found in, when extraction created it."))
    found_as = models.CharField(max_length=200, blank=True, db_index=True, editable=False,
                                help_text=_("Its victim as extraction keys it: a later article naming the same "
                                            "victim reports the same incident."))
    victims = models.ManyToManyField(Actor, blank=True, related_name="incidents_suffered")
    victims_text = models.CharField(
        max_length=500, blank=True, help_text=_("Victims with no actor of their own, comma-separated.")
    )

    detail_url_name = "incident-detail"


class IncidentAlias(AliasBase):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="aliases")

    class Meta(AliasBase.Meta):
        verbose_name_plural = "incident aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalized", "language"], name="incident_alias_unique_per_language")
        ]


class IncidentRedirect(SlugRedirect):
    """The slug of an incident merged into another: its pages, feeds and API answer 301 to the one kept."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.incident.slug}"


class Event(Happening):
    """A diplomatic event: a summit, a call, a communiqué, sanctions, an indictment."""

    class Kind(models.TextChoices):
        SUMMIT = "summit", _("summit")
        CALL = "call", _("call")
        MEETING = "meeting", _("meeting")
        COMMUNIQUE = "communique", _("communiqué")
        SANCTIONS = "sanctions", _("sanctions")
        INDICTMENT = "indictment", _("indictment")
        STATEMENT = "statement", _("statement")
        NEGOTIATION = "negotiation", _("negotiation")
        OTHER = "other", _("other")

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=200, blank=True)
    participants = models.ManyToManyField(Actor, blank=True, related_name="events")
    incidents = models.ManyToManyField(Incident, blank=True, related_name="events")

    detail_url_name = "event-detail"


class EventAlias(AliasBase):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="aliases")

    class Meta(AliasBase.Meta):
        verbose_name_plural = "event aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalized", "language"], name="event_alias_unique_per_language")
        ]


class Article(models.Model):
    """A news article or statement, its text stored exactly as imported."""

    title = models.CharField(max_length=500)
    text = models.TextField()
    language = models.CharField(max_length=8, db_index=True)
    published_date = models.DateField(null=True, blank=True, db_index=True)
    published_precision = _precision_field()
    published_source = models.CharField(
        max_length=10, blank=True, choices=[("submitted", _("its submitter")), ("dateline", _("its dateline")),
                                            ("html", _("the page's metadata")), ("text", _("a date in its text")),
                                            ("file", _("the file's metadata"))],
        help_text=_("Where the publication date comes from."))
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text=_("SHA-256 of the normalised text."))
    import_job = models.ForeignKey(ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    extracted_at = models.DateTimeField(null=True, blank=True)
    demo = models.BooleanField(
        default=False, db_index=True,
        help_text=_("Part of the demo knowledge base (fixtures/demo), which `manage.py remove_demo` deletes."))
    fingerprints = ArrayField(
        models.BigIntegerField(), default=list, blank=True, editable=False,
        help_text=_("Hashes of the longer sentences, to recognise syndicated copies."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [F("published_date").desc(nulls_last=True), F("id").desc()]  # undated ones last
        indexes = [
            GinIndex(fields=["fingerprints"], name="article_fingerprints_gin"),
            models.Index(F("published_date").desc(nulls_last=True), F("id").desc(), name="article_newest_first"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"pk": self.pk})

    @property
    def published(self):
        return PartialDate.from_fields(self.published_date, self.published_precision)

    @property
    def source_label(self) -> str:
        """Where a quote was published, short enough for a line of results: the publisher, else the title."""
        label = self.publisher or self.title
        return label if len(label) <= 60 else Truncator(label).chars(60)  # Truncator costs, even when it keeps all


class ArticleCopy(models.Model):
    """Another outlet that ran the same story (a syndicated copy): one text, every source kept."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="copies")
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    import_job = models.ForeignKey(ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name_plural = "article copies"

    def __str__(self):
        return f"{self.publisher or self.url}: {self.article}"


def _related_order(relation: str, order: str) -> str:
    """A model's ordering ("-start_date") as seen from a relation to it ("-incident__start_date")."""
    descending = order.startswith("-")
    return f"{'-' if descending else ''}{relation}__{order.lstrip('-')}"


# The Quote.Review values a reader never sees (curators' rejections, the extractor's withdrawals):
# `published()` excludes them, and the partial indexes that walk quotes newest first leave them out.
HIDDEN_FROM_READERS = ("rejected", "withdrawn")


# Characters of its article read on each side of a quote in the review queue: its paragraph, or that
# much of a very long one (statements/reviewing.py review_paragraph)
CONTEXT_REACH = 600


class QuoteQuerySet(models.QuerySet):
    def by_actor(self, actor):
        return self.filter(speaker=actor)

    def about_actor(self, actor):
        return self.filter(mentioned_actors=actor).exclude(speaker=actor)

    def published(self):
        """Quotes a reader may see: everything but what a curator rejected or the extractor withdrew."""
        return self.exclude(review_status__in=HIDDEN_FROM_READERS)

    def citable(self):
        """Quotes a permalink answers for: the published ones, and the withdrawn ones (with a 410)."""
        return self.exclude(review_status=Quote.Review.REJECTED)

    def with_links(self):
        """Each quote's mentioned actors, incidents, events and topics as `<relation>_links`: lists of
        {"slug", "name" or "name_en"} (events also their "start_date" and "start_precision") in their models'
        orders, gathered by the quote's own query (one array subquery per relation) rather than by a prefetch
        query and model instances per relation."""
        return self.annotate(**{
            f"{relation}_links": ArraySubquery(
                getattr(Quote, relation).through.objects.filter(quote=OuterRef("pk"))
                .order_by(*(_related_order(target, order) for order in model._meta.ordering))
                .values(link=JSONObject(slug=f"{target}__slug", **{label: f"{target}__{label}" for label in labels})))
            for relation, target, model, labels in [
                ("mentioned_actors", "actor", Actor, ["name"]), ("incidents", "incident", Incident, ["name"]),
                ("events", "event", Event, ["name", "start_date", "start_precision"]),
                ("topics", "topic", Topic, ["name_en"])]
        })

    def one_per_statement(self):
        """These quotes with one entry per statement: of the quotes here that report one statement, its lead
        report only (the earliest said, dated before undated, then the first stored: the original the later
        reports translate or quote again; matching gives a statement its first report's date too); a quote
        with no statement is its own entry. So a statement is found when any of its reports passes the
        filters already applied, and is counted once.

        Done by PostgreSQL: a quote is kept unless an earlier one of its statement passes the same filters,
        one NOT EXISTS, which a page reads by an index probe on quote.statement_id per row (its rows still
        come from the date index, in order) and a count over many quotes by one hash anti-join. Apply it
        before a page's cursor, never after: the lead must not depend on the page."""
        said = Coalesce("statement_date", Value(datetime.date.max))  # undated last
        said_outer = Coalesce(OuterRef("statement_date"), Value(datetime.date.max))
        earlier = (self.order_by().filter(statement_id=OuterRef("statement_id")).alias(said=said)
                   .filter(Q(said__lt=said_outer) | Q(said=said_outer, pk__lt=OuterRef("pk"))))
        return self.filter(~Exists(earlier))

    def with_statement_reports(self):
        """Each quote's statement's visible reports: how many articles (`statement_reports`) in which languages
        (`statement_languages`), and its id (`statement_link`): a line of results then says "reported by 3
        sources (en, fr)" with no query of its own. One subquery each."""
        reports = Quote.objects.published().filter(statement_id=OuterRef("statement_id"))
        return self.annotate(
            statement_link=F("statement_id"),
            statement_reports=Subquery(reports.order_by().values("statement_id")
                                       .annotate(n=Count("article_id", distinct=True)).values("n")[:1]),
            statement_languages=ArraySubquery(reports.order_by("language").values("language").distinct()))

    def for_result_lines(self):
        """What a line of results shows (the quote, its speaker, date, kind, claim and source) and no
        more: a search page reads 20 quotes, their articles and speakers, and each column costs."""
        return self.select_related("speaker", "article").only(
            "text", "language", "speaker_as_written", "statement_date", "statement_precision", "kind",
            "claim_type", "article__title", "article__publisher", "speaker__name", "speaker__slug")

    def with_source(self):
        """Each quote's speaker and article, without the article's text and fingerprints: what a list
        or a feed shows of its source is the title, publisher, date and link, and a page of quotes from
        one 5 MB article would otherwise read 5 MB per quote (the article's own page reads its text)."""
        return self.select_related("speaker", "article").defer("article__text", "article__fingerprints")

    def needing_review(self, below: float = 0.6):
        return self.filter(review_status=Quote.Review.MACHINE, confidence__lt=below)

    def review_queue(self):
        """What curators review next: the extractor's quotes nobody reviewed yet (withdrawn ones are not
        shown anywhere), the least sure first, with their speaker and article (not its text: each item reads
        its own paragraph, `review_context`). Walks the partial index quote_review_queue."""
        return (self.filter(review_status=Quote.Review.MACHINE).order_by("confidence", "id")
                .select_related("speaker", "article").defer("article__text", "article__fingerprints")
                .annotate(review_context=Substr("article__text", Greatest(F("start") - CONTEXT_REACH + 1, 1),
                                                F("end") - F("start") + 2 * CONTEXT_REACH)))

    def human_reviewed(self):
        return self.exclude(review_status__in=Quote.MACHINE_OWNED)

    def chronological(self):
        return self.order_by("-statement_date", "-pk")


class QuoteKind(models.TextChoices):
    DIRECT = "direct", _("direct")
    PARTIAL = "partial", _("partial")
    INDIRECT = "indirect", _("indirect")
    READOUT = "readout", _("communiqué / readout")


class Quote(models.Model):
    Kind = QuoteKind

    class Review(models.TextChoices):
        MACHINE = "machine", _("machine (not reviewed)")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn (no longer found by the extractor)")

    class Claim(models.TextChoices):
        DEMAND = "demand", _("demand")
        ACCUSATION = "accusation", _("accusation / attribution")
        DENIAL = "denial", _("denial")
        WARNING = "warning", _("threat / warning")
        COMMITMENT = "commitment", _("commitment / offer")
        ASSESSMENT = "assessment", _("assessment")

    # Not indexed alone: quote_unique_span (article, start, end) serves an article's quotes.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes", db_index=False)
    text = models.TextField(help_text=_("The exact words, without the quote marks."))
    start = models.PositiveIntegerField(help_text=_("Offset of the first character in the article text."))
    end = models.PositiveIntegerField()
    speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes",
                                db_index=False)  # (speaker, statement_date) serves a speaker's quotes
    speaker_as_written = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    statement_date = models.DateField(null=True, blank=True)  # indexed with the id: (statement_date, id)
    statement_precision = _precision_field()
    language = models.CharField(max_length=8)
    mentioned_actors = models.ManyToManyField(Actor, blank=True, related_name="mentioned_in")
    incidents = models.ManyToManyField(Incident, blank=True, related_name="quotes")
    events = models.ManyToManyField(Event, blank=True, related_name="quotes")
    topics = models.ManyToManyField(Topic, blank=True, related_name="quotes")
    claim_type = models.CharField(max_length=12, choices=Claim.choices, blank=True)
    addressee = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="addressed_by")
    confidence = models.FloatField(default=1.0)
    speaker_candidates = models.JSONField(
        default=list, blank=True,
        help_text=_("The speakers the extractor weighed, best first: {name, score, cue, actor (its slug or null)}."))
    review_status = models.CharField(max_length=10, choices=Review.choices, default=Review.MACHINE)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why a withdrawn quote is no longer shown (its permalink says so)."))
    statement = models.ForeignKey(
        "Statement", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports",
        help_text=_("The utterance this quote reports; other articles' reports of it share it."))
    created_at = models.DateTimeField(auto_now_add=True)
    # Written by a database trigger on every insert (COPY and bulk_create included) and on every
    # update of text, language, speaker_as_written or speaker: see statements/search/ and migration 0002.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = QuoteQuerySet.as_manager()

    # The extractor's own: re-extraction updates, withdraws or restores them; every other state is a curator's.
    MACHINE_OWNED = (Review.MACHINE, Review.WITHDRAWN)

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            # Every index costs each imported quote's insert: none here is the first columns of another one.
            models.Index(fields=["speaker", "statement_date"]),
            models.Index(fields=["statement_date", "id"]),
            # Equality only (not the pattern-matching twin a db_index CharField gets): the rarer states' quotes.
            models.Index(fields=["review_status"], name="quote_review_status"),
            # Over what readers see: searches walk matches newest first, dateless quotes last
            # (statements/search/window.py); an actor's monthly chart is counted from the index alone.
            # Their condition is exactly `published()`'s, so a walk checks visibility in the index alone.
            models.Index(F("statement_date").desc(nulls_last=True), F("id").desc(), name="quote_newest_first",
                         condition=~models.Q(review_status__in=HIDDEN_FROM_READERS)),
            models.Index(F("speaker"), F("statement_date").desc(nulls_last=True), F("id").desc(),
                         name="quote_speaker_newest_first", condition=~models.Q(review_status__in=HIDDEN_FROM_READERS)),
            # A statement's visible reports in lead order (one_per_statement's NOT EXISTS): a page probes it per
            # row, and a count over the whole base (the home page's figures) reads it twice in statement order,
            # a merge anti-join of two index-only scans, where the heap holds every quote's text and vector.
            models.Index(fields=["statement", "statement_date", "id"], include=["speaker"],
                         name="quote_statement_lead", condition=~models.Q(review_status__in=HIDDEN_FROM_READERS)),
            # A quote's statement read from the index alone: the incidents', events' and topics' lists count the
            # distinct statements of their linked quotes (views.statements_count) by one probe per link.
            models.Index(fields=["id"], include=["statement"], name="quote_statement_of"),
            GinIndex(fields=["search_vector"], name="quote_search_vector_gin"),
            models.Index(F("confidence"), F("id"), name="quote_review_queue",
                         condition=models.Q(review_status="machine")),
            # Not declared here: one partial GIN index on search_vector per year of quotes,
            # quote_search_year_<YYYY> (WHERE statement_date within that year), so that a search reads a
            # recent period's matches from its years alone. Their number grows with the years, so they
            # are built by code, statements/search/year_indexes.py: first by migration
            # 0009_quote_search_year_indexes, then each day by the Celery beat task `search-year-indexes`
            # (next year's before its first quote). See docs/operations.md, "Search: the per-year indexes".
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="quote_unique_span"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="quote_span_not_empty"),
            models.CheckConstraint(condition=models.Q(kind__in=QuoteKind.values), name="quote_kind_known"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1), name="quote_confidence_0_1"
            ),
        ]

    def __str__(self):
        return f"{self.speaker or self.speaker_as_written or '?'}: {self.text[:80]}"

    def get_absolute_url(self):
        return reverse("quote-detail", kwargs={"pk": self.pk})

    @property
    def said_on(self) -> PartialDate | None:
        """When it was said, as precisely as known (the field `statement` is the utterance it reports)."""
        return PartialDate.from_fields(self.statement_date, self.statement_precision)

    # get_kind_display() and get_claim_type_display() translate every choice's label to look one up:
    # a page of results reads these instead.
    @property
    def kind_label(self) -> str:
        return _KIND_LABELS.get(self.kind, self.kind)

    @property
    def claim_label(self) -> str:
        return _CLAIM_LABELS.get(self.claim_type, self.claim_type)


_KIND_LABELS = dict(Quote.Kind.choices)  # lazy labels, translated when shown
_CLAIM_LABELS = dict(Quote.Claim.choices)


class StatementQuerySet(models.QuerySet):
    def with_reports_visible(self):
        """Statements a reader may see: with at least one published report."""
        return self.filter(pk__in=Quote.objects.published().filter(statement__isnull=False).values("statement_id"))

    def chronological(self):
        return self.order_by(F("statement_date").desc(nulls_last=True), "-pk")


class Statement(models.Model):
    """One utterance (a readout, a sentence of a communiqué, an answer at a press conference) and the quotes
    that report it: in one article or several, by several outlets, in French and in English (`reports`).

    Every stored quote reports one; statements/matching.py decides at import whether a new quote reports a
    statement already known (same speaker, a date within a few days, the same content in either language)
    or a new one. Speaker and date are those of its first report; curators can change either."""

    speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements",
                                db_index=False)  # statement_speaker_date serves a speaker's statements
    statement_date = models.DateField(null=True, blank=True)
    statement_precision = _precision_field()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = [F("statement_date").desc(nulls_last=True), F("id").desc()]
        # Matching reads a speaker's statements in a date window, and an unattributed quote's in its window:
        # with the id in the index, from the index alone (not a page of the table per statement, which at a
        # million statements made most of a new report's matching time, bench/statements.py).
        indexes = [models.Index(fields=["speaker", "statement_date"], include=["id"], name="statement_speaker_date"),
                   models.Index(fields=["statement_date"], name="statement_date")]

    def __str__(self):
        return f"Statement #{self.pk} ({self.speaker or '?'}, {self.said_on or 'undated'})"

    def get_absolute_url(self):
        return reverse("statement-detail", kwargs={"pk": self.pk})

    @property
    def said_on(self) -> PartialDate | None:
        return PartialDate.from_fields(self.statement_date, self.statement_precision)


class StatementCandidate(models.Model):
    """A quote that may report a statement, too uncertain to be merged: for a curator to decide."""

    # statement_candidate_unique (quote, statement) serves a quote's candidates.
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="statement_candidates", db_index=False)
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="candidates")
    score = models.FloatField(help_text=_("How alike the words are (0 to 1), below the merging threshold."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score"]
        constraints = [models.UniqueConstraint(fields=["quote", "statement"], name="statement_candidate_unique")]

    def __str__(self):
        return f"quote {self.quote_id} may report statement {self.statement_id} ({self.score:.2f})"


class AttributionClaim(models.Model):
    """Who attributed an incident to whom, when, and in which statement."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="attributions")
    claimant = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="attributions_made")
    attributed_to = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="attributions_received")
    claimed_date = models.DateField(null=True, blank=True)
    claimed_precision = _precision_field()
    quote = models.ForeignKey(Quote, null=True, blank=True, on_delete=models.SET_NULL, related_name="attributions")
    note = models.TextField(blank=True)

    class Stance(models.TextChoices):
        ATTRIBUTION = "attribution", _("attribution")
        DENIAL = "denial", _("denial")

    class Origin(models.TextChoices):
        REFERENCE = "reference", _("reference data (gazetteer)")
        TEXT = "text", _("found in an article")

    # A denial: the claimant denies that `attributed_to` (the claimant, or the state it speaks for) did it.
    stance = models.CharField(max_length=12, choices=Stance.choices, default=Stance.ATTRIBUTION)
    confidence_wording = models.CharField(max_length=100, blank=True,
                                          help_text=_("How sure the claimant says it is, in its words."))
    words = models.TextField(blank=True, help_text=_("The sentence or quote that makes the claim."))
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="claims")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.REFERENCE)

    class Meta:
        ordering = ["incident", "claimed_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "claimant", "attributed_to", "claimed_date", "stance"],
                name="attribution_unique",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        if self.stance == self.Stance.DENIAL:
            return f"{self.claimant} denies {self.attributed_to} did {self.incident}"
        return f"{self.claimant} attributes {self.incident} to {self.attributed_to}"


class Feed(models.Model):
    """An RSS or Atom feed that Celery beat polls; each new entry's page becomes an import item."""

    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "url"]

    def __str__(self):
        return self.title or self.url


class FeedEntry(models.Model):
    """An entry already submitted, by its id (or link), so that it is never fetched twice."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=500)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="feed_entry_unique")]

    def __str__(self):
        return self.key
