"""Template helpers shared by every page."""

from html import escape

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from statements.dates import DatePrecision

register = template.Library()

LINK_SCHEMES = ("http://", "https://", "mailto:")


@register.filter
def link_url(value) -> str:
    """An address from imported data, fit for an href: http(s) or mailto, else nothing (no `javascript:`,
    `data:` or `vbscript:`, however cased or padded)."""
    url = str(value or "").strip()
    return url if url.lower().startswith(LINK_SCHEMES) else ""


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


LANES = {"event": 14, "incident": 34, "quote": 54}
QUOTE_LINE_WORDS = 60  # a quote line shows at most this many words of a quote no search highlighted


@register.simple_tag
def timeline_strip(points, width=1000, height=70):
    """Every point of the timeline as a dot on a time axis, drawn server-side as SVG.

    Built as one string (each label escaped) rather than through the template engine, so that
    5,000 points cost milliseconds; each dot links to its page and names itself on hover.
    """
    if not points:
        return ""
    first = min(point.date for point in points).toordinal()
    span = max(1, max(point.date for point in points).toordinal() - first)
    scale = (width - 10) / span
    dots = "".join(  # html.escape on each value: format_html would cost more than the rest of the page
        f'<a href="{escape(point.url)}"><circle class="dot-{point.kind}" '
        f'cx="{5 + (point.date.toordinal() - first) * scale:.1f}" cy="{LANES[point.kind]}" r="3">'
        f"<title>{escape(point.label)}</title></circle></a>"
        for point in points
    )
    start, end = min(p.date for p in points), max(p.date for p in points)
    return format_html(
        '<figure class="strip"><svg role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" height="{}">'
        '<line x1="0" y1="{}" x2="{}" y2="{}" class="axis"/>{}</svg>'
        "<figcaption>{} – {} · {}</figcaption></figure>",
        _("Timeline overview"), width, height, height, height - 4, width, height - 4, mark_safe(dots),  # noqa: S308
        start.isoformat(), end.isoformat(), _("%(count)d items") % {"count": len(points)},
    )


@register.simple_tag
def quote_line(quote):
    """A line of quotes, the one renderer of every list of them (search results, the home page, the
    timeline, an actor's or an incident's statements): the quote's words linking to its permalink;
    who said them, when, what kind of statement, and where it was published (a link to the quote in
    its article).

    Built as one string, each value through html.escape, as timeline_strip is: through the template
    engine, or format_html, this line cost more than the rest of the results page.
    The words are `quote.headline` when a search read the quote, already safe HTML
    (statements.search.result.marked: the text escaped, the matches in <mark>); otherwise the
    quote's first 60 words, escaped.
    """
    words = getattr(quote, "headline", None)
    if words is None:
        words = escape(Truncator(quote.text).words(QUOTE_LINE_WORDS, truncate=" …"))
    if quote.speaker:
        speaker = f'<a href="{escape(quote.speaker.get_absolute_url())}">{escape(quote.speaker.name)}</a>'
    elif quote.speaker_as_written:
        speaker = escape(quote.speaker_as_written)
    else:
        speaker = f"<em>{escape(_('unattributed'))}</em>"
    date = ""
    if quote.statement_date:
        shown = partial_date(quote.statement_date, quote.statement_precision)
        date = f' · <time datetime="{quote.statement_date.isoformat()}">{escape(shown)}</time>'
    claim = f" · {escape(str(quote.claim_label))}" if quote.claim_type else ""
    article_url = f"{quote.article.get_absolute_url()}#quote-{quote.pk}"
    return mark_safe(  # noqa: S308 (every value escaped above or here)
        f'<article class="quote" id="result-{quote.pk}"><blockquote lang="{escape(quote.language)}">'
        f'<a href="{escape(quote.get_absolute_url())}">{words}</a></blockquote>'
        f'<p class="meta">{speaker}{date} · {escape(str(quote.kind_label))}{claim} · '
        f'<a href="{escape(article_url)}">{escape(quote.article.source_label)}</a></p></article>'
    )
