"""When an article without a date was written, from what its text tells: the roles its descriptors
name are read at that date ("the White House press secretary" of a 2021 story is Jen Psaki, not
today's holder).

An article is written after the incidents and events it names, so the latest of their dates in the
gazetteer (its end when it has one: a campaign's last known day) is a lower bound of its date, and the
closest one there is; a later year the narration states ("en 2022", "in May 2024") moves it on.
Quotation marks are left out: a speaker may recall any year. The date found is only used to read
roles; it is never stored as the article's date nor used to resolve "mardi" to a day.
"""

from __future__ import annotations

import datetime
import re

from statements.dates import DatePrecision, PartialDate

from .gazetteer import Gazetteer
from .intervals import Intervals
from .languages import LanguageData, _alternation
from .text import Folded

EARLIEST_YEAR = 1990


def _year_pattern(data: LanguageData) -> re.Pattern:
    months = _alternation(data.MONTHS)
    return re.compile(rf"(?<!\w)(?:{_alternation(data.YEAR_MARKERS)}|{months})\s+((?:19|20)\d\d)(?!\w)", re.I)


def infer_date(doc: Folded, gazetteer: Gazetteer, data: LanguageData,
               quoted: Intervals | None = None) -> tuple[PartialDate | None, str]:
    """(the inferred date, what it comes from: "incident", "event", "text"), or (None, "")."""
    best, source = None, ""
    for matcher, table, kind in ((gazetteer.incident_matcher(data.CODE), gazetteer.incident_info, "incident"),
                                 (gazetteer.event_matcher(data.CODE), gazetteer.event_info, "event")):
        for match in doc.find(matcher):
            info = table.get(match.value)
            when = info and (info.end or info.start)
            if when and (best is None or when.date > best.date):
                best, source = PartialDate(when.date.replace(day=1), DatePrecision.MONTH), kind
    this_year = datetime.date.today().year
    for match in _year_pattern(data).finditer(doc.text):
        if quoted is not None and quoted.contains(match.start()):
            continue
        year = int(match.group(1))
        if EARLIEST_YEAR <= year <= this_year and (best is None or year > best.date.year):
            best, source = PartialDate(datetime.date(year, 1, 1), DatePrecision.YEAR), "text"
    return best, source
