"""The search form: the query box and the same filters as separate fields, under the one vocabulary's names
(statements.vocabulary). The search page, its exports and feed, and the search API all go through it, so
they accept and refuse the same things. A filter may be repeated (`speaker=a&speaker=b`: either)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.api.filters import PartialDateFormField
from statements import vocabulary
from statements.dates import PartialDate
from statements.models import Quote

SORT_CHOICES = [("", _("best match")), ("date", _("newest first")), ("oldest", _("oldest first"))]
FILTERS = ("speaker", "actor", "incident", "topic", "claim_type", "language", "kind", "date_after", "date_before")


class RepeatableMixin:
    """A widget whose parameter may be given several times: it reads every value, and a text box shows the first."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else [data[name]] if name in data else []


class RepeatableTextInput(RepeatableMixin, forms.TextInput):
    def format_value(self, value):
        return super().format_value(value[0] if isinstance(value, list) and value else value or None)


class RepeatableSelect(RepeatableMixin, forms.Select):
    pass


class RepeatableTextField(forms.CharField):
    widget = RepeatableTextInput

    def clean(self, value):
        values = [str(item).strip() for item in (value if isinstance(value, list) else [value]) if item is not None]
        return [super(RepeatableTextField, self).clean(item) for item in values if item]


class RepeatableChoiceField(forms.MultipleChoiceField):
    widget = RepeatableSelect

    def clean(self, value):
        return super().clean([item for item in (value if isinstance(value, list) else [value]) if item])


class SortField(forms.ChoiceField):
    """best match (empty, or `relevance` as the API calls it), date, oldest."""

    def valid_value(self, value):
        return value == "relevance" or super().valid_value(value)


def suggested(name: str) -> RepeatableTextInput:
    return RepeatableTextInput(attrs=vocabulary.autocomplete_attrs(name))


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, max_length=1000,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _('e.g. rançongiciel speaker:Poutine "infrastructures critiques"')}
        ),
    )
    speaker = RepeatableTextField(label=_("Speaker"), required=False, max_length=200, widget=suggested("speaker"))
    actor = RepeatableTextField(label=_("Speaker or named"), required=False, max_length=200, widget=suggested("actor"))
    incident = RepeatableTextField(label=_("Incident"), required=False, max_length=200, widget=suggested("incident"))
    topic = RepeatableTextField(label=_("Topic"), required=False, max_length=200, widget=suggested("topic"))
    claim_type = RepeatableChoiceField(label=_("Claim"), required=False,
                                       choices=[("", _("any"))] + Quote.Claim.choices)
    language = RepeatableTextField(label=_("Language"), required=False, max_length=8)
    kind = RepeatableChoiceField(label=_("Kind of quote"), required=False,
                                 choices=[("", _("any"))] + Quote.Kind.choices)
    date_after = PartialDateFormField(label=_("From"), required=False, max_length=10,
                                      widget=forms.TextInput(attrs={"placeholder": "2021-06"}))
    date_before = PartialDateFormField(label=_("To"), required=False, max_length=10,
                                       widget=forms.TextInput(attrs={"placeholder": "2021-07-31"}))
    sort = SortField(label=_("Sort"), required=False, choices=SORT_CHOICES)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(vocabulary.canonical(data) if data is not None else None, *args, **kwargs)

    def search_arguments(self) -> dict:
        """Keyword arguments for search_quotes(), from a valid form."""
        arguments = {}
        for name, value in self.cleaned_data.items():
            if name != "q" and value:
                arguments[vocabulary.SEARCH_ARGUMENTS.get(name, name)] = (
                    value.isoformat() if isinstance(value, PartialDate) else value)
        return {"query_string": self.cleaned_data.get("q", ""), **arguments}

    def has_search(self) -> bool:
        return any(value for name, value in self.cleaned_data.items() if name != "sort")

    def filters_given(self) -> list[str]:
        """The filter fields given a value, the sort aside (the page opens its filters for them)."""
        return [name for name in FILTERS if self._given(name)]

    def filters_are_blank(self) -> bool:
        """No filter, no sort, no error: the filter fields then render the same for every search (the
        search page caches their HTML, per language)."""
        return not any(self._given(name) for name in (*FILTERS, "sort")) and not self.errors

    def _given(self, name: str) -> bool:
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data.get(name, "")]
        return any(str(value).strip() for value in values)
