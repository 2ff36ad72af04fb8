from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actors.names import fold
from statements.dates import DatePrecision, PartialDate


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", _("unreviewed (found by extraction)")
    REVIEWED = "reviewed", _("reviewed")


class ActorKind(models.TextChoices):
    PERSON = "person", _("person")
    STATE = "state", _("state")
    AGENCY = "agency", _("government body or agency")
    IGO = "igo", _("international organisation")
    COMPANY = "company", _("company")
    GROUP = "group", _("threat or criminal group")
    MEDIA = "media", _("media")
    OTHER = "other", _("other")


class ActorQuerySet(models.QuerySet):
    def by_alias(self, name: str, language: str | None = None):
        """Actors whose canonical name or an alias folds to `name`."""
        key = fold(name)
        aliases = Alias.objects.filter(normalized=key)
        if language:
            aliases = aliases.filter(language__in=[language, ""])
        return self.filter(models.Q(normalized_name=key) | models.Q(pk__in=aliases.values("actor_id"))).distinct()

    def reviewed(self):
        return self.filter(review_status=ReviewStatus.REVIEWED)

    def needing_review(self):
        return self.filter(review_status=ReviewStatus.UNREVIEWED)


class Actor(models.Model):
    """Anyone who speaks or is spoken of: a person, a state, an agency, a group, a company."""

    name = models.CharField(_("canonical name"), max_length=200, unique=True)
    normalized_name = models.CharField(max_length=200, editable=False, db_index=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=ActorKind.choices, default=ActorKind.OTHER)
    country = models.CharField(max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code"))
    gender = models.CharField(max_length=8, blank=True, choices=[("male", _("male")), ("female", _("female"))])
    description = models.TextField(blank=True)
    wikidata_id = models.CharField(_("Wikidata QID"), max_length=20, blank=True)
    descriptors = models.JSONField(
        default=dict, blank=True,
        help_text=_('Undated epithets per language, resolved only near a mention: {"fr": ["le démocrate"]}'),
    )
    review_status = models.CharField(max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "country"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wikidata_id="") | models.Q(wikidata_id__regex=r"^Q[0-9]+$"),
                name="actor_wikidata_qid_format",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("actor-detail", kwargs={"slug": self.slug})


class AliasBase(models.Model):
    """A name under which something appears in text, in one language ("" = any language)."""

    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    language = models.CharField(max_length=8, blank=True)

    class Meta:
        abstract = True
        ordering = ["language", "name"]

    def __str__(self):
        return f"{self.name} ({self.language or '*'})"

    def save(self, *args, **kwargs):
        self.normalized = fold(self.name)
        super().save(*args, **kwargs)


class Alias(AliasBase):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")

    class Meta(AliasBase.Meta):
        verbose_name_plural = "aliases"
        constraints = [
            # One name in one language denotes one actor: ambiguity is settled by curators.
            models.UniqueConstraint(fields=["normalized", "language"], name="alias_unique_per_language"),
        ]


class SlugRedirect(models.Model):
    """The slug of a record merged into another (config/merging.py). A concrete one has a key to its model
    with related_name="redirects"."""

    old_slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


def slug_q(model: type[models.Model], slug: str) -> models.Q:
    """The record with this slug, or the one a record merged away under this slug went into."""
    found = models.Q(slug=slug)
    return found | models.Q(redirects__old_slug=slug) if hasattr(model, "redirects") else found


class ActorRedirect(SlugRedirect):
    """The slug of an actor merged into another: its pages, feeds and API answer 301 to the one kept."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.actor.slug}"


class Affiliation(models.Model):
    """A role held over time: Joe Biden, President of the United States, from 2021-01-20."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="affiliations")
    title = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    descriptors = models.JSONField(
        default=dict,
        blank=True,
        help_text=_('How texts refer to the holder, per language: {"fr": ["le président russe"]}'),
    )
    source_quote = models.ForeignKey(
        "statements.Quote", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The passage that stated this role, when extraction found it."),
    )
    review_status = models.CharField(max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED)

    class Meta:
        ordering = ["actor", "start_date"]
        constraints = [
            models.UniqueConstraint(
                "actor", Lower("title"), "start_date", name="affiliation_unique_role_start", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="affiliation_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.actor}: {self.title}"

    @property
    def start(self):
        return PartialDate.from_fields(self.start_date, self.start_precision)

    @property
    def end(self):
        return PartialDate.from_fields(self.end_date, self.end_precision)

    def held_on(self, day) -> bool:
        return (self.start_date is None or self.start_date <= day) and (self.end_date is None or day <= self.end_date)


