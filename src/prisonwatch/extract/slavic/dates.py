"""Russian and Belarusian dates ('16 августа', 'у чацвер', 'в прошлом месяце'), by rule 9."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Month stems in both languages (any case: августа, жніўня, у жніўні).
_MONTHS: tuple[tuple[str, int], ...] = (
    ("январ", 1),
    ("студзен", 1),
    ("феврал", 2),
    ("лют", 2),
    ("март", 3),
    ("сакавік", 3),
    ("апрел", 4),
    ("красавік", 4),
    ("ма[йяюе]", 5),
    ("трав", 5),
    ("июн", 6),
    ("чэрв", 6),
    ("июл", 7),
    ("ліп", 7),
    ("август", 8),
    ("жні", 8),
    ("сентябр", 9),
    ("верас", 9),
    ("октябр", 10),
    ("кастрычнік", 10),
    ("ноябр", 11),
    ("лістапад", 11),
    ("декабр", 12),
    ("снеж", 12),
)
_MONTH = "|".join(f"{stem}\\w*" for stem, _ in _MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})(?:\s+(\d{{4}}))?", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b(?:в|во|у|ў)\s+({_MONTH})(?:\s+(\d{{4}}))?", re.IGNORECASE)
_WEEKDAYS: tuple[tuple[str, int], ...] = (
    ("понедельник", 0),
    ("панядзел", 0),
    ("вторник", 1),
    ("аўтор", 1),
    ("сред", 2),
    ("серад", 2),
    ("четверг", 3),
    ("чацвер", 3),
    ("пятниц", 4),
    ("пятніц", 4),
    ("суббот", 5),
    ("субот", 5),
    ("воскресень", 6),
    ("нядзел", 6),
)
_WEEKDAY = re.compile(
    r"\b(?:в|во|у|ў)\s+(" + "|".join(f"{s}\\w*" for s, _ in _WEEKDAYS) + r")", re.IGNORECASE
)
_RELATIVE = re.compile(
    r"\b(вчера|учора|сегодня|сёння|позавчера|пазаўчора|"
    r"в прошлом месяце|у мінулым месяцы|в этом месяце|у гэтым месяцы|"
    r"в прошлом году|у мінулым годзе|летось|в этом году|у гэтым годзе)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Date:
    """A date expression with its resolved value at the precision the text supports."""

    text: str
    start: int
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str | None  # year, month, day
    inferred: bool  # the year (or day) came from the publication date


def _month(word: str) -> int | None:
    low = word.lower()
    for stem, number in _MONTHS:
        if re.match(stem, low):
            return number
    return None


def month_of(word: str) -> int | None:
    """Return the month a Russian or Belarusian month word (any case) names, or None."""
    return _month(word) if re.fullmatch(_MONTH, word.lower()) else None


def _weekday(word: str) -> int | None:
    low = word.lower()
    for stem, number in _WEEKDAYS:
        if low.startswith(stem):
            return number
    return None


def _iso(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _day_before(month: int, day: int, pub: dt.date) -> dt.date | None:
    """Return the latest (month, day) not after ``pub``."""
    for year in (pub.year, pub.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= pub:
            return candidate
    return None


def find_dates(text: str, published: str | None) -> list[Date]:
    """Return the dates in ``text`` resolved as EVAL.md rule 9 says.

    A day and month without a year take the year of the last full date before them in the
    account; failing that, the latest such day not after the publication date (inferred).
    """
    pub = _iso(published)
    out: list[Date] = []
    taken: list[tuple[int, int]] = []
    year_hint: int | None = None
    for m in _DAY_MONTH.finditer(text):
        month = _month(m.group(2))
        if month is None:
            continue
        day = int(m.group(1))
        if m.group(3):
            year_hint = int(m.group(3))
            value, inferred = f"{m.group(3)}-{month:02d}-{day:02d}", False
        elif year_hint:
            value, inferred = f"{year_hint}-{month:02d}-{day:02d}", False
        elif pub and (resolved := _day_before(month, day, pub)):
            value, inferred = resolved.isoformat(), True
        else:
            value, inferred = None, False
        out.append(Date(m.group(), m.start(), m.end(), value, "day" if value else None, inferred))
        taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if any(s <= m.start(1) < e for s, e in taken):
            continue
        month = _month(m.group(1))
        if month is None:
            continue
        if m.group(2):
            value, inferred = f"{m.group(2)}-{month:02d}", False
        elif pub:
            year = pub.year if month <= pub.month else pub.year - 1
            value, inferred = f"{year}-{month:02d}", True
        else:
            value, inferred = None, False
        out.append(Date(m.group(), m.start(), m.end(), value, "month" if value else None, inferred))
    for m in _WEEKDAY.finditer(text):
        weekday = _weekday(m.group(1))
        value = None
        if pub and weekday is not None:
            back = (pub.weekday() - weekday) % 7
            value = (pub - dt.timedelta(days=back)).isoformat()
        out.append(Date(m.group(), m.start(), m.end(), value, "day" if value else None, True))
    for m in _RELATIVE.finditer(text):
        out.append(_relative(m, pub))
    return sorted(out, key=lambda d: d.start)


def _relative(m: re.Match[str], pub: dt.date | None) -> Date:
    word = m.group().lower()
    if pub is None:
        return Date(m.group(), m.start(), m.end(), None, None, False)
    value: str
    precision: str
    if word in ("вчера", "учора"):
        value, precision = (pub - dt.timedelta(days=1)).isoformat(), "day"
    elif word in ("позавчера", "пазаўчора"):
        value, precision = (pub - dt.timedelta(days=2)).isoformat(), "day"
    elif word in ("сегодня", "сёння"):
        value, precision = pub.isoformat(), "day"
    elif "месяц" in word:
        first = pub.replace(day=1)
        month = first - dt.timedelta(days=1) if ("прошл" in word or "мінул" in word) else first
        value, precision = month.strftime("%Y-%m"), "month"
    else:
        past = "прошл" in word or "мінул" in word or word == "летось"
        value, precision = str(pub.year - 1 if past else pub.year), "year"
    return Date(m.group(), m.start(), m.end(), value, precision, True)
