"""Checks on values people type in: partial dates, counts, event types, yes/no."""

from __future__ import annotations

from datetime import date
from typing import Any

from prisonwatch.db.models import EVENT_TYPES
from prisonwatch.errors import InputError

QUALIFIERS = ("exact", "at least", "about", "more than", "fewer than", "up to")
PRECISIONS = {1: "year", 2: "month", 3: "day"}


def check_partial_date(value: str, what: str) -> str:
    """Return ``value`` if it is a calendar YYYY, YYYY-MM or YYYY-MM-DD; else raise InputError."""
    text = str(value).strip()
    parts = text.split("-")
    ok = len(parts) in (1, 2, 3) and all(p.isdigit() for p in parts) and len(parts[0]) == 4
    ok = ok and all(len(p) == 2 for p in parts[1:])
    if ok:
        try:
            filled = [int(p) for p in parts] + [1] * (3 - len(parts))
            date(filled[0], filled[1], filled[2])
        except ValueError:
            ok = False
    if not ok:
        raise InputError(f"{what} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _bool(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0", ""):
        return False
    raise InputError(f"{what} {value!r}: write true or false")


def check_event_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Return a reviewer's corrections to an event, each value checked; raise InputError."""
    checked = dict(changes)
    for field, value in changes.items():
        empty = value is None or (isinstance(value, str) and not value.strip())
        if field == "date_value" and not empty:
            checked[field] = check_partial_date(value, "date_value")
            if "date_precision" not in changes:
                checked["date_precision"] = PRECISIONS[len(checked[field].split("-"))]
        elif field == "date_precision" and not empty and value not in PRECISIONS.values():
            raise InputError(f"date_precision {value!r}: write year, month or day")
        elif field == "count" and not empty:
            try:
                checked[field] = int(str(value).strip())
            except ValueError:
                raise InputError(f"count {value!r} is not a whole number: write e.g. 52") from None
            if checked[field] < 0:
                raise InputError(f"count {value!r} is below zero: write a count of people")
        elif field == "count_qualifier" and not empty and value not in QUALIFIERS:
            raise InputError(f"count_qualifier {value!r}: write one of {', '.join(QUALIFIERS)}")
        elif field == "type" and value not in EVENT_TYPES:
            raise InputError(f"type {value!r}: write one of {', '.join(EVENT_TYPES)}")
        elif field == "background":
            checked[field] = _bool(value, "background")
        elif field == "destination" and isinstance(value, str):
            checked[field] = [v.strip() for v in value.split(",") if v.strip()]
        elif empty:
            checked[field] = None
    return checked
