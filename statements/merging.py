"""Merging two incidents that are one: "Kaseya VSA" created by a curator and "Kaseya ransomware attack"."""

from django.db import transaction

from actors.names import fold
from config.merging import relations_move, slug_redirect
from statements.models import Incident, IncidentAlias


@transaction.atomic
def incidents_merge(*, keep: Incident, merge: Incident) -> Incident:
    """Move everything that points at `merge` to `keep` (its quotes, claims, events, victims and aliases:
    config/merging.py follows every relation), keep its name as an alias, delete it. Its slug (and those
    that led to it) answers 301 to `keep` from then on. What `keep` leaves blank (summary, period, kind,
    victims without an actor) is taken from `merge`."""
    if keep.pk == merge.pk:
        raise ValueError("cannot merge an incident into itself")
    slug_redirect(keep=keep, merge=merge)
    relations_move(keep=keep, merge=merge)
    _fill_blanks(keep, merge)
    name = merge.name
    merge.delete()

    keep.aliases.filter(normalized=fold(keep.name)).delete()  # a merged alias that is now the name itself
    if fold(name) != fold(keep.name) and not IncidentAlias.objects.filter(normalized=fold(name), language="").exists():
        IncidentAlias.objects.create(incident=keep, name=name, language="")
    return keep


def _fill_blanks(keep: Incident, merge: Incident) -> None:
    blank = {field: getattr(merge, field) for field in ("summary", "victims_text") if not getattr(keep, field)}
    if keep.start_date is None and keep.end_date is None:  # the period is taken whole, never half of each
        blank |= {field: getattr(merge, field) for field in ("start_date", "start_precision", "end_date",
                                                               "end_precision")}
    if keep.kind == Incident.Kind.OTHER:
        blank["kind"] = merge.kind
    if blank:
        for field, value in blank.items():
            setattr(keep, field, value)
        keep.save(update_fields=list(blank))
