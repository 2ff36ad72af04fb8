"""Dates stated near a quotation, resolved against the article's publication date."""

from __future__ import annotations

import datetime
import re
from functools import cache

from statements.dates import PartialDate

from .languages import LanguageData, _alternation


@cache
def _patterns(data: LanguageData):
    months = _alternation(data.MONTHS)
    weekdays = _alternation(data.WEEKDAYS)
    last = _alternation(data.LAST_MARKERS)
    suffix = data.DAY_SUFFIX
    w, e = r"(?<!\w)", r"(?!\w)"
    return [
        ("range", re.compile(rf"{w}(?:du\s+|from\s+)?(\d{{1,2}}){suffix}\s*(?:au|-|–|to)\s*"
                             rf"\d{{1,2}}{suffix}\s+({months})"
                             rf"(?:\s+(\d{{4}}))?{e}", re.I)),
        ("dmy", re.compile(rf"{w}(\d{{1,2}}){suffix}\s+({months})(?:\s+(\d{{4}}))?{e}", re.I)),
        ("mdy", re.compile(rf"{w}({months})\s+(\d{{1,2}}){suffix}(?:,?\s+(\d{{4}}))?{e}", re.I)),
        ("my", re.compile(rf"{w}({months})(?:\s+(?:de\s+|of\s+)?(\d{{4}}))?{e}", re.I)),
        ("weekday", re.compile(rf"{w}(?:({last})\s+)?({weekdays})(?:\s+({last}))?{e}", re.I)),
        ("relday", re.compile(rf"{w}({_alternation(data.RELATIVE_DAYS)}){e}", re.I)),
        ("period", re.compile(rf"{w}({_alternation(data.RELATIVE_PERIODS)}){e}", re.I)),
        ("season", re.compile(rf"{w}({_alternation(data.SEASONS)})\s+(?:de\s+|of\s+)?(\d{{4}}){e}", re.I)),
        ("year", re.compile(r"(?<!\w)(?:en|in)\s+((?:19|20)\d\d)(?!\w)", re.I)),
    ]


def _key(table: dict, found: str):
    low = re.sub(r"\s+", " ", found.lower())
    for k, v in table.items():
        if k.lower() == low:
            return v
    return None


def _before(when: PartialDate | None, year: int, month: int, day: int | None = None) -> int:
    """The year that puts a month/day on or before publication."""
    if when is None:
        return year
    ref = when.date
    candidate = datetime.date(year, month, min(day or 1, 28))
    return year - 1 if candidate > ref + datetime.timedelta(days=3) else year


# Dates a text states by themselves; the others ("mardi", "last week") say when from the publication date.
STATED_KINDS = ("range", "dmy", "mdy", "my", "season", "year")


def find_date(region: str, data: LanguageData, published: PartialDate | None, *,
              stated_only: bool = False) -> PartialDate | None:
    """The first date the region gives; with `stated_only`, only one it states by itself ("le 3 décembre")."""
    for kind, pattern in _patterns(data):
        if stated_only and kind not in STATED_KINDS:
            continue
        m = pattern.search(region)
        if not m:
            continue
        try:
            value = _resolve(kind, m, data, published)
        except (ValueError, OverflowError):
            value = None
        if value is not None:
            return value
    return None


def _resolve(kind, m, data, published):
    pub_year = published.date.year if published else None
    day_known = published is not None and published.precision == "day"
    if kind in ("range", "dmy", "mdy"):
        if kind == "mdy":
            month, day, year = _key(data.MONTHS, m.group(1)), int(m.group(2)), m.group(3)
        else:
            day, month, year = int(m.group(1)), _key(data.MONTHS, m.group(2)), m.group(3)
        year = int(year) if year else (pub_year and _before(published, pub_year, month, day))
        if not year or not month:
            return None
        return PartialDate(datetime.date(year, month, day), "day")
    if kind == "my":
        month, year = _key(data.MONTHS, m.group(1)), m.group(2)
        year = int(year) if year else (pub_year and _before(published, pub_year, month))
        if not year or not month:
            return None
        return PartialDate(datetime.date(year, month, 1), "month")
    if kind == "weekday":
        if published is None:
            return None
        if not day_known:
            return published
        weekday = [w.lower() for w in data.WEEKDAYS].index(m.group(2).lower())
        delta = (published.date.weekday() - weekday) % 7
        if delta == 0 and (m.group(1) or m.group(3)):
            delta = 7
        return PartialDate(published.date - datetime.timedelta(days=delta), "day")
    if kind == "relday":
        if published is None:
            return None
        if not day_known:
            return published
        return PartialDate(published.date + datetime.timedelta(days=_key(data.RELATIVE_DAYS, m.group(1))), "day")
    if kind == "period":
        if published is None:
            return None
        unit, delta = _key(data.RELATIVE_PERIODS, m.group(1))
        d = published.date
        if unit == "week":
            d = d + datetime.timedelta(days=7 * delta)
            return PartialDate(datetime.date(d.year, d.month, 1), "month")
        if unit == "month":
            month = d.month + delta
            year = d.year + (month - 1) // 12
            return PartialDate(datetime.date(year, (month - 1) % 12 + 1, 1), "month")
        return PartialDate(datetime.date(d.year + delta, 1, 1), "year")
    if kind == "season":
        return PartialDate(datetime.date(int(m.group(2)), 1, 1), "year")
    if kind == "year":
        return PartialDate(datetime.date(int(m.group(1)), 1, 1), "year")
    return None
