"""Merging two actors that are one: "Poutine" created by extraction and "Vladimir Putin"."""

from django.db import IntegrityError, models, transaction

from actors.models import Actor, ActorRedirect, Affiliation, Alias, ReviewStatus
from actors.names import fold

# How a role title or a descriptor starts, unlike a name: "le ministre", "the spokeswoman", "la porte-parole".
_DETERMINERS = ("le ", "la ", "l'", "les ", "the ", "a ", "an ", "un ", "une ")


@transaction.atomic
def actors_merge(*, keep: Actor, merge: Actor) -> Actor:
    """Move everything that points at `merge` to `keep`, keep its names as aliases, delete it.

    Every relation to Actor is followed through the model metadata, so a model added later
    cannot be forgotten here. Rows that would break a uniqueness rule once moved (an alias or
    a role `keep` already has) are the same fact twice and are dropped. Only names become aliases:
    a role title or a descriptor ("High Representative", "le ministre") becomes a role of `keep`,
    never a name that would give a later holder's words to it. The merged actor's slug (and those
    that led to it) answers 301 to `keep` from then on.
    """
    if keep.pk == merge.pk:
        raise ValueError("cannot merge an actor into itself")
    names = [merge.name, *merge.aliases.values_list("name", flat=True)]
    alias_languages = dict(merge.aliases.values_list("name", "language"))
    titles = [name for name in names if is_role_title(name)]
    names = [name for name in names if name not in titles]
    ActorRedirect.objects.filter(actor=merge).update(actor=keep)
    ActorRedirect.objects.update_or_create(old_slug=merge.slug, defaults={"actor": keep})

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
    for title in titles:
        Affiliation.objects.get_or_create(actor=keep, title=title[:200], start_date=None,
                                          defaults={"review_status": ReviewStatus.UNREVIEWED})
    return keep


def is_role_title(name: str) -> bool:
    """Whether a name is a role's title or a descriptor rather than someone's name: a role or descriptor
    some actor holds, or words starting with a determiner or in lower case ("le ministre")."""
    folded = fold(name)
    if folded.startswith(_DETERMINERS) or name[:1].islower():
        return True
    if Affiliation.objects.filter(title__iexact=name.strip()).exists():
        return True
    return any(folded == fold(descriptor) for descriptors in Affiliation.objects.exclude(descriptors={})
               .values_list("descriptors", flat=True) for names in descriptors.values() for descriptor in names)


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

