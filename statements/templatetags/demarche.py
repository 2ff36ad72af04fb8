"""Template helpers shared by every page."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from statements import vocabulary
from statements.dates import DatePrecision
from statements.strip import month_chart_svg, strip_svg

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
    """The current query string with some parameters replaced (for pagination links), under the canonical names."""
    params = vocabulary.canonical(context["request"].GET).copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.inclusion_tag("statements/_month_chart.html")
def month_chart(counts, caption=""):
    """Statements per month as an SVG bar chart over a time axis, drawn server-side (statements.strip)."""
    months = [month for month, _n in counts]
    return {"svg": mark_safe(month_chart_svg(counts)),  # noqa: S308 (built from numbers and escaped text)
            "first": min(months, default=None), "last": max(months, default=None), "caption": caption}


QUOTE_LINE_WORDS = 60  # a quote line shows at most this many words of a quote no search highlighted


@register.simple_tag(takes_context=True)
def timeline_strip(context, points):
    """The visual timeline of `points` (statements.strip); a pile of items links to the timeline of its
    period with the page's other filters, and "Whole period" to the same filters without dates."""
    others = context["request"].GET.copy()
    for name in ("cursor", "date_after", "date_before"):
        others.pop(name, None)
    timeline = reverse("timeline")
    whole = f"{timeline}?{others.urlencode()}" if {"date_after", "date_before"} & set(context["request"].GET) else None
    prefix = f"{timeline}?{others.urlencode()}&" if others else f"{timeline}?"

    def period_url(date_after: str, date_before: str) -> str:  # partial ISO dates: nothing to quote
        return f"{prefix}date_after={date_after}&date_before={date_before}"

    return mark_safe(strip_svg(points, period_url=period_url, whole_url=whole))  # noqa: S308 (every text escaped in strip_svg)


@register.simple_tag
def quote_line(quote):
    """A line of quotes, the one renderer of every list of them (search results, the home page, the
    timeline, an actor's or an incident's statements): the quote's words linking to its permalink;
    who said them, when, what kind of statement, and where it was published (a link to the quote in
    its article).

    Built as one string, each value through html.escape, as the visual timeline is: through the template
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
        f'<a href="{escape(article_url)}">{escape(quote.article.source_label)}</a></p>{_reported_by(quote)}</article>'
    )


def _reported_by(quote) -> str:
    """"reported by 3 sources (en, fr)", linking to the statement's page, when the list's query read it
    (Quote.objects.with_statement_reports()) and more than one article reports the statement."""
    reports = getattr(quote, "statement_reports", None)
    if not reports or reports < 2:
        return ""
    languages = ", ".join(quote.statement_languages)
    label = ngettext("reported by %(count)d source (%(languages)s)", "reported by %(count)d sources (%(languages)s)",
                     reports) % {"count": reports, "languages": languages}
    url = reverse("statement-detail", kwargs={"pk": quote.statement_link})
    return f'<p class="reported-by"><a href="{escape(url)}">{escape(label)}</a></p>'

