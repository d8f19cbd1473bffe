"""Dates at the precision the text gives, resolved against the publication date, never invented.

dateparser's traps (NLP.md: invented days, weekdays resolved a week early, durations read as
dates) are avoided by a small grammar of the forms that news uses; anything else stays null.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ]
    )
    for m in names.split()
}
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A token that is a year on its own ('since 2019'): the states and totals that began then.
YEAR_WORD = re.compile(r"(1[89]|20)[0-9]{2}")
_FORMS = [
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<m2>\d\d)-(?P<d2>\d\d)\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")),
    ("dmy", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("my", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
    ("md", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*,?\s*(?:19|20)\d\d)")),
    ("dm", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b")),
    ("y", re.compile(r"\b" + _YEAR + r"\b")),
    ("m", re.compile(r"\b" + _MONTH + r"\b")),
    ("wd", re.compile(r"\b(?P<wd>" + "|".join(WEEKDAYS) + r")\b")),
    ("rel", re.compile(r"\b(?P<rel>today|yesterday|tonight|this morning|last night)\b")),
    ("lastm", re.compile(r"\b(?P<which>last|this|earlier this|past) month\b")),
    ("lasty", re.compile(r"\b(?P<which>last|this|earlier this) year\b")),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten) "
            r"(?P<unit>day|days|month|months|year|years) ago\b"
        ),
    ),
]
_SMALL = {
    w: i + 1
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}
# "May" is also a modal verb; only read it as a month beside a day or a year.
_AMBIGUOUS_MONTHS = {
    "may",
    "mar",
    "jan",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "feb",
    "apr",
}


@dataclass(frozen=True)
class PartialDate:
    """A date with its precision; ``value`` is None when the text gives too little."""

    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str | None  # year, month, day
    text: str  # the words it came from
    relative: bool  # True when it needed the publication date (weekday, last month)
    weak: bool = False  # True when read from the sentence, not from the trigger's own phrases


def parse_published(published: str | None) -> dt.date | None:
    """Return the publication date as a date when it has day precision, else None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_back(ref: dt.date, month: int) -> tuple[int, int]:
    year = ref.year if month <= ref.month else ref.year - 1
    return year, month


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def resolve(text: str, published: str | None) -> PartialDate | None:
    """Return the date that ``text`` states, resolved against ``published``; None if no date."""
    low = text.casefold()
    ref = parse_published(published)
    for kind, pattern in _FORMS:
        m = pattern.search(low)
        if not m:
            continue
        g = m.groupdict()
        if kind == "iso":
            y, mo, d = int(g["year"]), int(g["m2"]), int(g["d2"])
            if _valid(y, mo, d):
                return PartialDate(f"{y:04d}-{mo:02d}-{d:02d}", "day", text, False)
            continue
        if kind in ("mdy", "dmy"):
            y, mo, d = int(g["year"]), MONTHS[g["month"]], int(g["day"])
            if _valid(y, mo, d):
                return PartialDate(f"{y:04d}-{mo:02d}-{d:02d}", "day", text, False)
            continue
        if kind == "my":
            return PartialDate(
                f"{int(g['year']):04d}-{MONTHS[g['month']]:02d}", "month", text, False
            )
        if kind in ("md", "dm"):
            mo, d = MONTHS[g["month"]], int(g["day"])
            if ref is None:
                return PartialDate(None, None, text, True)
            y, mo = _month_back(ref, mo)
            if mo == ref.month and d > ref.day + 1:
                y -= 1
            if _valid(y, mo, d):
                return PartialDate(f"{y:04d}-{mo:02d}-{d:02d}", "day", text, True)
            continue
        if kind == "y":
            return PartialDate(g["year"], "year", text, False)
        if kind == "m":
            if g["month"] in _AMBIGUOUS_MONTHS:
                continue
            if ref is None:
                return PartialDate(None, None, text, True)
            y, mo = _month_back(ref, MONTHS[g["month"]])
            return PartialDate(f"{y:04d}-{mo:02d}", "month", text, True)
        if kind == "wd":
            if ref is None:
                return PartialDate(None, None, text, True)
            back = (ref.weekday() - WEEKDAYS[g["wd"]]) % 7
            return PartialDate((ref - dt.timedelta(days=back)).isoformat(), "day", text, True)
        if kind == "rel":
            if ref is None:
                return PartialDate(None, None, text, True)
            back = 1 if g["rel"] == "yesterday" else 0
            return PartialDate((ref - dt.timedelta(days=back)).isoformat(), "day", text, True)
        if kind == "lastm":
            if ref is None or g["which"] == "past":
                return PartialDate(None, None, text, True)
            y, mo = ref.year, ref.month
            if g["which"] == "last":
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
            return PartialDate(f"{y:04d}-{mo:02d}", "month", text, True)
        if kind == "lasty":
            if ref is None:
                return PartialDate(None, None, text, True)
            y = ref.year - 1 if g["which"] == "last" else ref.year
            return PartialDate(f"{y:04d}", "year", text, True)
        if kind == "ago":
            if ref is None:
                return PartialDate(None, None, text, True)
            n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"]]
            if g["unit"].startswith("day"):
                return PartialDate((ref - dt.timedelta(days=n)).isoformat(), "day", text, True)
            if g["unit"].startswith("year"):
                return PartialDate(f"{ref.year - n:04d}", "year", text, True)
            return PartialDate(None, None, text, True)
    return None


def is_before(date: PartialDate, published: str | None, days: int) -> bool:
    """Return True when ``date`` ends more than ``days`` days before the publication date."""
    ref = parse_published(published)
    if date.value is None or ref is None:
        return False
    parts = [int(p) for p in date.value.split("-")]
    if len(parts) == 1:
        end = dt.date(parts[0], 12, 31)
    elif len(parts) == 2:
        if (parts[0], parts[1]) < (ref.year, ref.month):
            return True  # "last month", "in April": a month before the publication month
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        end = nxt - dt.timedelta(days=1)
    else:
        end = dt.date(parts[0], parts[1], parts[2])
    return (ref - end).days > days
