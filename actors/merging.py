"""Merging two actors that are one: "Poutine" created by extraction and "Vladimir Putin"."""

from django.db import transaction

from actors.models import Actor, Affiliation, Alias, ReviewStatus
from actors.names import fold
from config.merging import relations_move, slug_redirect

# How a role title or a descriptor starts, unlike a name: "le ministre", "the spokeswoman", "la porte-parole".
_DETERMINERS = ("le ", "la ", "l'", "les ", "the ", "a ", "an ", "un ", "une ")


@transaction.atomic
def actors_merge(*, keep: Actor, merge: Actor) -> Actor:
    """Move everything that points at `merge` to `keep` (config/merging.py: every relation, a role `keep`
    already has is dropped), keep its names as aliases, delete it. Only names become aliases:
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
    slug_redirect(keep=keep, merge=merge)
    relations_move(keep=keep, merge=merge, skip=(Alias,))
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
