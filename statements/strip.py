"""The visual timeline (statements, incidents and events on one time axis) and the charts of statements per
month, drawn server-side as SVG over the same time axis.

Each item covers the period its date is known to: a statement of "July 2021" is a span of July, never a
made-up day; an incident with an end date is a band; a day-precise one is a marker. Items covering the
same period are drawn once, with their count (a link to the timeline of that period), so the drawing has
at most one shape per distinct day, month or year, however many items pile up there.

Horizontal positions are percentages of the drawing's width and vertical ones pixels: the SVG fills any
width (a phone's too) while its text keeps its size. Built as one string, each text through html.escape:
through the template engine 5,000 shapes would cost more than the rest of the page. The brush
(static/js/timeline.js) reads the domain from the SVG's data-start and data-end attributes.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext_noop, ngettext
from django.utils.translation import gettext as _

from statements.dates import DatePrecision, PartialDate


@dataclass(frozen=True)
class Point:
    """One item of the visual timeline: what it is, the period it covers, its name and page."""

    kind: str  # "quote", "incident" or "event"
    date: datetime.date  # first day of the period it is known to
    precision: str
    label: str
    url: str
    end: datetime.date | None = None  # last day of a band (an incident or event with an end date)

    @property
    def first_day(self) -> datetime.date:
        return self.date

    @property
    def last_day(self) -> datetime.date:
        last = PartialDate(self.date, self.precision).last_day
        return max(last, self.end) if self.end else last


@dataclass
class Group:
    """The items of one kind covering exactly the same period: drawn as one shape."""

    kind: str
    first: datetime.date
    last: datetime.date
    precision: str
    points: list[Point] = field(default_factory=list)

    @property
    def row(self) -> str:
        """Statements sit in one row per precision; a day-precise incident or event is a marker, else a band."""
        if self.kind == "quote":
            return self.precision
        return "marker" if self.first == self.last else "band"

    @property
    def period(self) -> str:
        """The period as shown: "2021", "juillet 2021", "9 juillet 2021" or "2 – 9 juillet 2021"."""
        start = _shown(self.first, self.precision)
        if self.last <= PartialDate(self.first, self.precision).last_day:
            return start
        return f"{start} – {_shown(self.last, DatePrecision.DAY)}"


    @property
    def bounds(self) -> tuple[str, str]:
        """The period as the timeline's date_after and date_before ask for it: "2021-07", "2021-07"."""
        start = PartialDate(self.first, self.precision)
        return start.isoformat(), start.isoformat() if self.last == start.last_day else self.last.isoformat()


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _month_end(day: datetime.date) -> datetime.date:
    return _add_months(day.replace(day=1), 1) - datetime.timedelta(days=1)


def _shown(day: datetime.date, precision: str) -> str:
    return _shown_in(get_language(), day, precision)


@functools.lru_cache(maxsize=16384)  # a date's words cost a third of a millisecond, thousands of times a strip
def _shown_in(language: str, day: datetime.date, precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return date_format(day, "YEAR_MONTH_FORMAT")
    return date_format(day, "DATE_FORMAT")


def group_points(points: list[Point]) -> list[Group]:
    """Items of the same kind covering the same period, together; in date order."""
    groups: dict[tuple, Group] = {}
    for point in points:
        key = (point.kind, point.first_day, point.last_day, point.precision)
        if key not in groups:
            groups[key] = Group(point.kind, point.first_day, point.last_day, point.precision)
        groups[key].points.append(point)
    return sorted(groups.values(), key=lambda group: (group.first, group.last))


@dataclass(frozen=True)
class Scale:
    """Days to percentages of the width, over whole months (whole years beyond three years)."""

    start: datetime.date
    end: datetime.date  # last day shown

    @classmethod
    def around(cls, first: datetime.date, last: datetime.date) -> Scale:
        if (last - first).days > 3 * 366:
            return cls(datetime.date(first.year, 1, 1), datetime.date(last.year, 12, 31))
        start, end = first.replace(day=1), _month_end(last)
        if (end - start).days < 360:  # at least a year shown, so that one month is never the whole width
            start = (start + (end - start) / 2 - datetime.timedelta(days=182)).replace(day=1)
            end = _month_end(_add_months(start, 11))
        return cls(start, end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def x(self, day: datetime.date) -> float:
        """Where `day` begins, in percent."""
        return (day - self.start).days * 100 / self.days

    def width(self, first: datetime.date, last: datetime.date) -> float:
        return ((last - first).days + 1) * 100 / self.days


# Vertical layout, in pixels: a lane per kind, statements in one row per precision, then the axis.
# A day's pile says its count in the gap above the day row.
LANES = {"event": (22, 14), "incident": (44, 14), "year": (66, 8), "month": (78, 12), "day": (106, 24)}
LANE_NAMES = {"event": gettext_noop("Events"), "incident": gettext_noop("Incidents"),
              "quote": gettext_noop("Statements")}
AXIS_Y = 132
HEIGHT = 172
MONTH_LABELS_UP_TO = 24  # months shown: beyond, the axis names years only
MAX_COUNT_LABELS = 80


def strip_svg(points: list[Point], *, period_url, whole_url: str | None = None) -> str:
    """The visual timeline of `points` as an SVG figure with its legend and caption ('' for no point).

    `period_url(date_after, date_before)` gives the address of the timeline narrowed to a period (partial ISO
    dates, "2021-07"): where a shape of several items links to. `whole_url`, given when the timeline is
    narrowed to a period, is where "Whole period" leads (zooming out).
    """
    if not points:
        return ""
    groups = group_points(points)
    scale = Scale.around(min(group.first for group in groups), max(group.last for group in groups))
    peak = max((len(group.points) for group in groups if group.row == "day"), default=1)
    shapes, labels = [], []
    for group in groups:
        shapes.append(_shape(group, scale, peak, period_url))
        if len(group.points) > 1:
            labels.append(group)
    counts = {kind: sum(1 for point in points if point.kind == kind) for kind in ("quote", "incident", "event")}
    caption = _("%(start)s – %(end)s: %(counts)s") % {
        "start": _shown(scale.start, DatePrecision.MONTH), "end": _shown(scale.end, DatePrecision.MONTH),
        "counts": ", ".join(_counted(kind, n) for kind, n in counts.items() if n),
    }
    whole = f' · <a class="strip-whole" href="{escape(whole_url)}">{escape(_("Whole period"))}</a>' if whole_url else ""
    return (
        f'<figure class="strip"><div class="strip-plot">'
        f'<svg role="group" aria-label="{escape(_("Timeline overview"))}" width="100%" height="{HEIGHT}" '
        f'data-start="{scale.start.isoformat()}" data-end="{scale.end.isoformat()}" '
        f'data-help="{escape(_("Drag across the strip to see a period; click a mark to open it."))}">'
        f"<title>{escape(caption)}</title>"
        f"{_axis(scale, AXIS_Y)}{_lane_names(counts)}{''.join(shapes)}{_count_labels(labels, scale)}"
        f'<rect class="brush" x="0" y="0" width="0" height="{AXIS_Y}" visibility="hidden"/></svg></div>'
        f"{_legend()}<figcaption>{escape(caption)}{whole}</figcaption></figure>"
    )


def _counted(kind: str, n: int) -> str:
    return _counted_in(get_language(), kind, n)


@functools.lru_cache(maxsize=4096)
def _counted_in(language: str, kind: str, n: int) -> str:
    words = {
        "quote": ngettext("%(n)s statement", "%(n)s statements", n),
        "incident": ngettext("%(n)s incident", "%(n)s incidents", n),
        "event": ngettext("%(n)s event", "%(n)s events", n),
    }
    return words[kind] % {"n": number_format(n, force_grouping=True)}


def _shape(group: Group, scale: Scale, peak: int, period_url) -> str:
    n = len(group.points)
    if n == 1:
        url, title = group.points[0].url, f"{group.points[0].label} · {group.period}"
    else:
        url, title = period_url(*group.bounds), f"{group.period}: {_counted(group.kind, n)}"
    x, width = scale.x(group.first), scale.width(group.first, group.last)
    top, height = LANES[group.kind if group.kind != "quote" else group.row]
    css = f"kind-{group.kind} {group.row}"
    if group.row == "marker":
        shape = f'<circle class="{css}" cx="{x + width / 2:.3f}%" cy="{top + height / 2}" r="5">'
    else:
        if group.row == "day":  # taller where more statements pile up on one day
            bar = max(4, round(height * math.sqrt(n / peak)))
            top, height = top + height - bar, bar
        shape = f'<rect class="{css}" x="{x:.3f}%" y="{top}" width="{width:.3f}%" height="{height}">'
    closing = "</circle>" if group.row == "marker" else "</rect>"
    return f'<a href="{escape(url)}">{shape}<title>{escape(title)}</title>{closing}</a>'


def _count_labels(groups: list[Group], scale: Scale) -> str:
    """The number of items where several pile up, the largest piles first, none over another."""
    taken: dict[str, list[tuple[float, float]]] = defaultdict(list)
    labels = []
    for group in sorted(groups, key=lambda g: -len(g.points)):
        if len(labels) == MAX_COUNT_LABELS:
            break
        row = group.kind if group.kind != "quote" else group.row
        text = number_format(len(group.points), force_grouping=True)
        middle = scale.x(group.first) + scale.width(group.first, group.last) / 2
        half = 0.45 * len(text) + 0.6  # about a digit's half width at 1,000 px, in percent, with a margin
        if any(left < middle + half and middle - half < right for left, right in taken[row]):
            continue
        taken[row].append((middle - half, middle + half))
        top, height = LANES[row]
        y = top - 2 if row == "day" else top + height - 2
        css = "count" if len(labels) < 12 else "count count-extra"  # on a phone only the largest piles say it
        labels.append(f'<text class="{css}" x="{middle:.3f}%" y="{y}" text-anchor="middle">{text}</text>')
    return "".join(labels)


def _lane_names(counts: dict[str, int]) -> str:
    rows = {"event": LANES["event"], "incident": LANES["incident"], "quote": LANES["year"]}
    return "".join(
        f'<text class="lane-name" x="4" y="{rows[kind][0] + 10}">{escape(_(LANE_NAMES[kind]))}</text>'
        for kind, n in counts.items() if n
    )


def _axis(scale: Scale, axis_y: int, top: int = 12) -> str:
    """The axis: a line, a gridline each year, a small tick each month (up to 15 years), and labels: each
    month's (up to 24 months) and each year's (every second or fifth year beyond 12 and 24 years)."""
    parts = [f'<line class="axis" x1="0" x2="100%" y1="{axis_y}" y2="{axis_y}"/>']
    years = list(range(scale.start.year, scale.end.year + 1))
    months = _month_starts(scale)
    for month in months[1:]:  # the first is the drawing's edge
        x = scale.x(month)
        if month.month == 1:
            parts.append(f'<line class="grid" x1="{x:.3f}%" x2="{x:.3f}%" y1="{top}" y2="{axis_y + 8}"/>')
        elif len(years) <= 15:
            parts.append(f'<line class="tick-month" x1="{x:.3f}%" x2="{x:.3f}%" y1="{axis_y}" y2="{axis_y + 4}"/>')
    month_labels = len(months) <= MONTH_LABELS_UP_TO
    if month_labels:
        for index, month in enumerate(months):
            x = scale.x(month) + scale.width(month, _month_end(month)) / 2
            css = "label-month" if index % 2 == 0 else "label-month label-odd"
            parts.append(f'<text class="{css}" x="{x:.3f}%" y="{axis_y + 16}" text-anchor="middle">'
                         f'{escape(date_format(month, "M"))}</text>')
    every = 1 if len(years) <= 12 else 2 if len(years) <= 24 else 5
    y = axis_y + (32 if month_labels else 18)
    for index, year in enumerate(year for year in years if year % every == 0):
        first, last = max(scale.start, datetime.date(year, 1, 1)), min(scale.end, datetime.date(year, 12, 31))
        # a year's label sits in the middle of its year; beyond 12 years, under its gridline
        x = scale.x(first) + scale.width(first, last) / 2 if every == 1 else scale.x(first)
        css = "label-year" if index % 2 == 0 or len(years) <= 6 else "label-year label-odd"
        parts.append(f'<text class="{css}" x="{x:.3f}%" y="{y}" text-anchor="middle">{year}</text>')
    return "".join(parts)


def _month_starts(scale: Scale) -> list[datetime.date]:
    months, month = [], scale.start  # the scale starts on a month's first day
    while month <= scale.end:
        months.append(month)
        month = _add_months(month, 1)
    return months


def _legend() -> str:
    entries = [
        ("kind-quote day", _("Statement of a known day (taller: more that day)")),
        ("kind-quote month", _("Statement known to the month: the month's span")),
        ("kind-quote year", _("Statement known to the year: the year's span")),
        ("kind-incident band", _("Incident")),
        ("kind-event band", _("Event")),
        ("count-key", _("Number: items piled at one date (click to open them)")),
    ]
    items = "".join(f'<li><span class="key {css}" aria-hidden="true"></span>{escape(text)}</li>'
                    for css, text in entries)
    return f'<ul class="legend" aria-label="{escape(_("Legend"))}">{items}</ul>'


CHART_TOP, CHART_AXIS_Y, CHART_HEIGHT = 18, 104, 144


def month_chart_svg(counts: list[tuple[PartialDate, int]]) -> str:
    """Statements per month as bars over a time axis ('' for none): every month of the period has its slot
    (a month without statements is a gap), a year at least, so one month is never the whole width; the
    tallest bar's count is written on a gridline."""
    if not counts:
        return ""
    months = [month.date.replace(day=1) for month, _n in counts]
    scale = Scale.around(min(months), _month_end(max(months)))
    peak = max(n for _month, n in counts) or 1
    plot = CHART_AXIS_Y - CHART_TOP
    bars = []
    for month, n in counts:
        first = month.date.replace(day=1)
        width = scale.width(first, _month_end(first))
        height = max(1, round(n * plot / peak))
        title = f"{_shown(first, DatePrecision.MONTH)}: {_counted('quote', n)}"
        bars.append(f'<rect x="{scale.x(first) + width * 0.1:.3f}%" y="{CHART_AXIS_Y - height}" '
                    f'width="{width * 0.8:.3f}%" height="{height}"><title>{escape(title)}</title></rect>')
    peak_label = escape(_counted("quote", peak))
    return (
        f'<svg role="img" aria-label="{escape(_("Statements per month"))}" width="100%" height="{CHART_HEIGHT}">'
        f"{_axis(scale, CHART_AXIS_Y, CHART_TOP)}"
        f'<line class="peak" x1="0" x2="100%" y1="{CHART_TOP}" y2="{CHART_TOP}"/>'
        f'<text class="peak-label" x="0" y="{CHART_TOP - 5}">{peak_label}</text>{"".join(bars)}</svg>'
    )
