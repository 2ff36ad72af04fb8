"""The search box's query language, parsed without touching the database.

    ransomware "critical infrastructure" -china        words, an exact phrase, an exclusion
    sanctions OR indictment                             either word (OR joins its neighbours)
    speaker:Poutine  speaker:"Joe Biden"                who spoke (aliases, misspellings tolerated)
    actor:Kaseya  incident:Kaseya  topic:ransomware     who spoke or was named; the incident; the topic
    claim:denial  kind:direct  lang:fr                  claim type, quote kind, language
    date:2021  date:2021-06..2021-07  date:2021-06-01.. date:..2020-12   a period, ranges open or closed

Words are AND-ed; `a OR b c` means (a or b) and c. A field given twice accepts either value;
`-field:value` excludes. A `name:value` whose name is not a field is searched as words.
Anything this module cannot make sense of raises SearchQueryError, with a message for the user.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from statements.vocabulary import QUERY_FIELD_ALIASES

FIELDS = ("speaker", "actor", "incident", "topic", "claim", "lang", "date", "kind")
FIELD_ALIASES = QUERY_FIELD_ALIASES  # claim_type:, language: as in the URLs, and from:, by:, type:
MAX_QUERY_LENGTH = 1000
MAX_TERMS = 40

_TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:
        (?P<field>[^\W\d_]+(?:_[^\W\d_]+)*):(?:"(?P<fquoted>[^"]*)"?|(?P<fvalue>[^\s"]*))
      | "(?P<phrase>[^"]*)"?
      | (?P<word>[^\s"]+)
    )
    """,
    re.VERBOSE,
)
_SPACE = re.compile(r"\s+")
_HAS_WORD = re.compile(r"\w")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class SearchQueryError(ValueError):
    """A query the user must fix; `str(error)` is the message to show (an API answers 400 with it)."""


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False

    def __str__(self):
        return f'"{self.text}"' if self.phrase else self.text


@dataclass(frozen=True)
class DateRange:
    start: datetime.date | None
    end: datetime.date | None

    def __str__(self):
        return f"{self.start or ''}..{self.end or ''}"


@dataclass
class ParsedQuery:
    clauses: list[list[Term]] = field(default_factory=list)  # AND of ORs
    excluded: list[Term] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)  # field -> values, any of which may match
    excluded_filters: dict[str, list[str]] = field(default_factory=dict)
    dates: list[DateRange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.clauses or self.excluded)

    @property
    def is_empty(self) -> bool:
        return not (self.has_text or self.filters or self.excluded_filters or self.dates)

    def add_filter(self, name: str, value: str, *, negated: bool = False) -> None:
        name = FIELD_ALIASES.get(name, name)
        if name not in FIELDS:
            raise SearchQueryError(f"Unknown filter {name!r}.")
        value = clean(value).strip()
        if not value:
            raise SearchQueryError(f"{name}: needs a value, e.g. {name}:{EXAMPLES[name]}.")
        if name == "date":
            if negated:
                raise SearchQueryError("date: cannot be excluded; give the period you want.")
            self.dates.append(parse_date_range(value))
            return
        target = self.excluded_filters if negated else self.filters
        values = target.setdefault(name, [])
        if value not in values:
            values.append(value)


EXAMPLES = {"speaker": "Poutine", "actor": '"Joe Biden"', "incident": "Kaseya", "topic": "ransomware",
            "claim": "denial", "lang": "fr", "date": "2021-06..2021-07", "kind": "direct"}


def clean(text: str) -> str:
    """Drop what PostgreSQL refuses in text (NUL) and what cannot be encoded (lone surrogates)."""
    return "".join(ch for ch in (text or "") if ch != "\x00" and unicodedata.category(ch) != "Cs")


def parse_query(query: str) -> ParsedQuery:
    """Parse the search box. Raises SearchQueryError (only) for a query the user must fix."""
    text = clean(query if isinstance(query, str) else "")
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchQueryError(f"The query is too long (at most {MAX_QUERY_LENGTH} characters).")
    parsed = ParsedQuery()
    join_next = False  # the previous token was OR
    position, terms = 0, 0
    while True:
        space = _SPACE.match(text, position)
        if space:
            position = space.end()
        if position >= len(text):
            break
        match = _TOKEN.match(text, position)
        position = match.end() if match and match.end() > position else position + 1
        if not match or match.end() == match.start():
            continue
        negated = bool(match["neg"])
        if match["field"] is not None:
            name = match["field"].lower()
            name = FIELD_ALIASES.get(name, name)
            value = match["fquoted"] if match["fquoted"] is not None else match["fvalue"]
            if name in FIELDS:
                parsed.add_filter(name, value, negated=negated)
                join_next = False
                continue
            # Not a field: "foo:bar" is the words foo and bar.
            found = [Term(match["field"]), Term(_SPACE.sub(" ", value).strip(), phrase=match["fquoted"] is not None)]
        elif match["phrase"] is not None:
            found = [Term(_SPACE.sub(" ", match["phrase"]).strip(), phrase=True)]
        else:
            word = match["word"]
            if word == "OR" and not negated:
                join_next = bool(parsed.clauses)
                continue
            found = [Term(word)]
        for term in found:
            if not _HAS_WORD.search(term.text):
                continue  # punctuation alone: nothing to search for
            terms += 1
            if terms > MAX_TERMS:
                raise SearchQueryError(f"Too many search terms (at most {MAX_TERMS}).")
            if negated:
                parsed.excluded.append(term)
            elif join_next:
                parsed.clauses[-1].append(term)
            else:
                parsed.clauses.append([term])
            join_next = False
    return parsed


def parse_date(value: str, *, end: bool = False) -> datetime.date:
    """"2021", "2021-06" or "2021-06-15": the first day of that period, or its last with end=True."""
    match = _DATE.match(value.strip())
    if not match:
        raise SearchQueryError(
            f"date: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, or a range like 2021-06..2021-07."
        )
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
        month = int(month)
        if day is None:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return datetime.date(year, month, last if end else 1)
        return datetime.date(year, month, int(day))
    except ValueError:
        raise SearchQueryError(f"date: {value!r} is not a valid date.") from None


def parse_date_range(value: str) -> DateRange:
    if ".." in value:
        first, _, last = value.partition("..")
        if not first.strip() and not last.strip():
            raise SearchQueryError("date: a range needs at least one end, e.g. 2021-06.. or ..2021-07.")
    else:
        first = last = value
    start = parse_date(first) if first.strip() else None
    end = parse_date(last, end=True) if last.strip() else None
    if start and end and start > end:
        raise SearchQueryError(f"date: the range {value!r} ends before it starts.")
    return DateRange(start, end)
