"""Template helpers shared by every page."""

from django import template
from django.utils.formats import date_format

from statements.dates import DatePrecision

register = template.Library()


@register.filter
def partial_date(value, precision=DatePrecision.DAY):
    """A date shown only as precisely as it is known: "2021", "juillet 2021" or "9 juillet 2021".

    Use as ``{{ quote.statement_date|partial_date:quote.statement_precision }}``.
    """
    if not value:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()
