"""Merging two actors that are one: "Poutine" created by extraction and "Vladimir Putin"."""

from django.db import IntegrityError, models, transaction

from actors.models import Actor, Alias
from actors.names import fold


@transaction.atomic
def actors_merge(*, keep: Actor, merge: Actor) -> Actor:
    """Move everything that points at `merge` to `keep`, keep its names as aliases, delete it.

    Every relation to Actor is followed through the model metadata, so a model added later
    cannot be forgotten here. Rows that would break a uniqueness rule once moved (an alias or
    a role `keep` already has) are the same fact twice and are dropped.
    """
    if keep.pk == merge.pk:
        raise ValueError("cannot merge an actor into itself")
    names = [merge.name, *merge.aliases.values_list("name", flat=True)]
    alias_languages = dict(merge.aliases.values_list("name", "language"))

    for relation in Actor._meta.related_objects:
        model, field_name = relation.related_model, relation.field.name
        if relation.many_to_many:
            _move_many_to_many(relation.through, relation.field, keep, merge)
        elif relation.one_to_many and model is not Alias:
            _move_rows(model.objects.filter(**{field_name: merge}), field_name, keep)
    merge.aliases.all().delete()
    merge.delete()

    for name in names:
        alias = Alias(actor=keep, name=name, language=alias_languages.get(name, ""))
        alias.normalized = fold(name)
        if alias.normalized != keep.normalized_name and not Alias.objects.filter(
            normalized=alias.normalized, language=alias.language
        ).exists():
            alias.save()
    return keep


def _move_rows(rows: models.QuerySet, field_name: str, keep: Actor) -> None:
    for row in rows:
        setattr(row, field_name, keep)
        try:
            with transaction.atomic():
                row.save(update_fields=[field_name])
        except IntegrityError:
            row.delete()


def _move_many_to_many(through, field, keep: Actor, merge: Actor) -> None:
    """Repoint the join rows of a ManyToMany to Actor, skipping pairs `keep` already has."""
    actor_column = field.m2m_reverse_field_name()
    owner_column = field.m2m_field_name()
    rows = through.objects.filter(**{actor_column: merge})
    already = set(through.objects.filter(**{actor_column: keep}).values_list(f"{owner_column}_id", flat=True))
    for row in rows:
        if getattr(row, f"{owner_column}_id") in already:
            row.delete()
        else:
            setattr(row, actor_column, keep)
            row.save()

