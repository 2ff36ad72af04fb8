"""The search page's form: the query box and the same filters as separate fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from statements.models import Quote

SORT_CHOICES = [("", _("best match")), ("date", _("newest first")), ("oldest", _("oldest first"))]
FILTERS = ("speaker", "actor", "incident", "topic", "claim", "lang", "kind", "date_from", "date_to", "sort")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, max_length=1000,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _('e.g. rançongiciel speaker:Poutine "infrastructures critiques"')}
        ),
    )
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=200)
    actor = forms.CharField(label=_("Speaker or named"), required=False, max_length=200)
    incident = forms.CharField(label=_("Incident"), required=False, max_length=200)
    topic = forms.CharField(label=_("Topic"), required=False, max_length=200)
    claim = forms.ChoiceField(label=_("Claim"), required=False, choices=[("", _("any"))] + Quote.Claim.choices)
    lang = forms.CharField(label=_("Language"), required=False, max_length=8)
    kind = forms.ChoiceField(label=_("Kind of quote"), required=False, choices=[("", _("any"))] + Quote.Kind.choices)
    date_from = forms.CharField(label=_("From"), required=False, max_length=10,
                                widget=forms.TextInput(attrs={"placeholder": "2021-06"}))
    date_to = forms.CharField(label=_("To"), required=False, max_length=10,
                              widget=forms.TextInput(attrs={"placeholder": "2021-07-31"}))
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORT_CHOICES)

    def search_arguments(self) -> dict:
        """Keyword arguments for search_quotes(), from a valid form."""
        data = self.cleaned_data
        arguments = {name: data[name].strip() for name in FILTERS if data.get(name, "").strip()}
        return {"query_string": data.get("q", ""), **arguments}

    def has_search(self) -> bool:
        return any(str(value).strip() for name, value in self.cleaned_data.items() if name != "sort")

    def filters_given(self) -> list[str]:
        """The filter fields given a value, the sort aside (the page opens its filters for them)."""
        return [name for name in FILTERS if name != "sort" and self._given(name)]

    def filters_are_blank(self) -> bool:
        """No filter, no sort, no error: the filter fields then render the same for every search (the
        search page caches their HTML, per language)."""
        return not any(self._given(name) for name in FILTERS) and not self.errors

    def _given(self, name: str) -> bool:
        return bool(str(self.data.get(name, "")).strip())
