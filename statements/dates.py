"""Dates that are only as precise as the source: a year, a month or a day.

Articles often say no more than "juillet 2021"; a timeline must show that and never invent
a day. A `PartialDate` keeps the first day of the period it names and its precision, which is
also how it is stored (a DateField beside a precision CharField) and sorted.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


_ISO_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True, order=True)
class PartialDate:
    date: datetime.date
    precision: str = DatePrecision.DAY

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse "2021", "2021-07" or "2021-07-09"; raise ValueError otherwise."""
        match = _ISO_PARTIAL.match(value or "")
        if not match:
            raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = match.groups()
        try:
            return cls._from_parts(int(year), int(month) if month else None, int(day) if day else None)
        except ValueError as error:  # month 13, 30 February...
            raise ValueError(f"not a date: {value!r} ({error})") from error

    @classmethod
    def _from_parts(cls, year: int, month: int | None, day: int | None) -> PartialDate:
        if day:
            return cls(datetime.date(year, month, day), DatePrecision.DAY)
        if month:
            return cls(datetime.date(year, month, 1), DatePrecision.MONTH)
        return cls(datetime.date(year, 1, 1), DatePrecision.YEAR)

    @classmethod
    def from_fields(cls, date: datetime.date | None, precision: str | None) -> PartialDate | None:
        if date is None:
            return None
        return cls(date, precision or DatePrecision.DAY)

    def isoformat(self) -> str:
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    @property
    def last_day(self) -> datetime.date:
        """The last day of the period: 2021-07 ends on 2021-07-31."""
        if self.precision == DatePrecision.YEAR:
            return datetime.date(self.date.year, 12, 31)
        if self.precision == DatePrecision.MONTH:
            following = (self.date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            return following - datetime.timedelta(days=1)
        return self.date

    def __str__(self) -> str:
        return self.isoformat()
