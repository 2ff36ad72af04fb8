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


@register.inclusion_tag("statements/_month_chart.html")
def month_chart(counts, height=80):
    """Statements per month as an SVG bar chart drawn server-side (no JavaScript)."""
    peak = max((n for _, n in counts), default=0) or 1
    width = 12
    bars = [
        {"x": index * width, "height": max(1, round(n * height / peak)), "count": n, "month": month}
        for index, (month, n) in enumerate(counts)
    ]
    return {"bars": bars, "height": height, "width": max(width, len(bars) * width), "bar_width": width - 2}
