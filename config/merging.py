"""What merging any two records that are one (two actors, two incidents) shares: every row that points at
the merged one moves to the one kept, the merged one's slug answers 301 to the kept one's, and the admin
action that asks which to keep. Each app's `<entity>s_merge` (actors/merging.py, statements/merging.py)
adds what is its own (which names become aliases).

A mergeable model has a redirect model (a `SlugRedirect`, actors/models.py) whose key to it is named
`redirects` on its side: that is how the pages, the feeds, the API (config/middleware.py) and the filters
(config/api/filters.py) find where an old slug went.
"""

from django.contrib import admin, messages
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect, render


def relations_move(*, keep: models.Model, merge: models.Model, skip: tuple = ()) -> None:
    """Point every row that refers to `merge` at `keep`: keys and many-to-many rows to it, and its own
    many-to-many rows (an incident's victims).

    The relations are read from the model metadata, so one added later cannot be forgotten. A row that
    would break a uniqueness rule once moved (a claim or a link `keep` already has) is the same fact twice
    and is dropped. Models in `skip` are left for the caller (aliases, which it may turn into something else).
    """
    for relation in type(keep)._meta.get_fields(include_hidden=True):  # hidden: keys with related_name="+" too
        if not relation.auto_created or relation.concrete or relation.related_model in skip:
            continue
        if relation.related_model._meta.auto_created:
            continue  # the row table of a many-to-many, moved below as the many-to-many it is
        if relation.many_to_many:
            field = relation.field
            _move_links(field.remote_field.through, field.m2m_reverse_field_name(), field.m2m_field_name(),
                        keep, merge)
        elif relation.one_to_many or relation.one_to_one:
            _move_rows(relation.related_model.objects.filter(**{relation.field.name: merge}),
                       relation.field.name, keep)
    for field in type(keep)._meta.many_to_many:
        _move_links(field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name(), keep, merge)


def slug_redirect(*, keep: models.Model, merge: models.Model) -> None:
    """From now on `merge`'s slug, and those that led to it, answer 301 to `keep`."""
    redirects = merge.redirects
    target = redirects.field.name
    redirects.model.objects.filter(**{target: merge}).update(**{target: keep})
    redirects.model.objects.update_or_create(old_slug=merge.slug, defaults={target: keep})


def _move_rows(rows: models.QuerySet, field_name: str, keep: models.Model) -> None:
    for row in rows:
        setattr(row, field_name, keep)
        try:
            with transaction.atomic():
                row.save(update_fields=[field_name])
        except IntegrityError:
            row.delete()


def _move_links(through, own_column: str, other_column: str, keep: models.Model, merge: models.Model) -> None:
    """Repoint the join rows whose `own_column` is `merge`, skipping the pairs `keep` already has."""
    rows = through.objects.filter(**{own_column: merge})
    already = set(through.objects.filter(**{own_column: keep}).values_list(f"{other_column}_id", flat=True))
    for row in rows:
        if getattr(row, f"{other_column}_id") in already:
            row.delete()
        else:
            setattr(row, own_column, keep)
            row.save()


def merge_selected(model_admin: admin.ModelAdmin, request, queryset, *, merge, action: str, explanation: str):
    """The admin action "Merge selected …": a confirmation page asks which to keep, then `merge(keep=, merge=)`
    runs for each other one and the kept one's change form opens."""
    objects = list(queryset)
    noun = model_admin.model._meta.verbose_name_plural
    if len(objects) < 2:
        model_admin.message_user(request, f"Select at least two {noun} to merge.", messages.WARNING)
        return None
    if "keep" in request.POST:
        keep = next((obj for obj in objects if str(obj.pk) == request.POST["keep"]), None)
        if keep is None:
            model_admin.message_user(request, f"Choose the one to keep among the selected {noun}.", messages.ERROR)
            return None
        for other in objects:
            if other.pk != keep.pk:
                merge(keep=keep, merge=other)
        model_admin.message_user(request, f"Merged {len(objects) - 1} of the {noun} into {keep}.")
        opts = model_admin.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", keep.pk)
    return render(request, "admin/merge_confirmation.html", {
        **model_admin.admin_site.each_context(request), "objects": objects, "opts": model_admin.model._meta,
        "action": action, "explanation": explanation, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "title": f"Merge {noun}"})
