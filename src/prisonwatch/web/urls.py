"""Every URL of the site, as route paths and as builders, in one place."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

API = "/api"

HOME = "/"
PERSONS = "/persons"
PERSON = "/persons/{person_id}"
EVENTS = "/events"
EVENT = "/events/{event_id}"
DEALS = "/deals"
DOCUMENTS = "/documents"
FEED = "/feed.atom"
DEAL = "/deals/{deal_id}"
DOCUMENT = "/documents/{document_id}"
LOGIN = "/login"
LOGOUT = "/logout"
REVIEW = "/review"
REVIEW_ACTION = "/review/claims/{claim_id}/{action}"
REVIEW_MERGE = "/review/merge"
REVIEW_UNDO = "/review/undo"
REVIEW_BULK = "/review/bulk"
HISTORY = "/review/history"
RECORD_HISTORY = "/review/history/{record_id}"
STATIC = "/static"


def _with_query(path: str, params: dict[str, Any]) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return f"{path}?{urlencode(kept, doseq=True)}" if kept else path


def _fill(template: str, **values: str) -> str:
    return template.format(**{k: quote(v, safe="") for k, v in values.items()})


def api(path: str) -> str:
    """Return the JSON twin of a page path."""
    return API + (path if path != "/" else "/home")


def home() -> str:
    """Return the home page."""
    return HOME


def persons(**params: Any) -> str:
    """Return the persons search with its query and filters."""
    return _with_query(PERSONS, params)


def person(person_id: str) -> str:
    """Return a person's page."""
    return _fill(PERSON, person_id=person_id)


def events(**params: Any) -> str:
    """Return the events list with its filters."""
    return _with_query(EVENTS, params)


def deals(**params: Any) -> str:
    """Return the deals list with its filters."""
    return _with_query(DEALS, params)


def documents(**params: Any) -> str:
    """Return the documents list with its filters."""
    return _with_query(DOCUMENTS, params)


def feed(**params: Any) -> str:
    """Return the Atom feed of newly accepted events (per country or person when given)."""
    return _with_query(FEED, params)


def event(event_id: str) -> str:
    """Return an event's page."""
    return _fill(EVENT, event_id=event_id)


def deal(deal_id: str) -> str:
    """Return a deal's page."""
    return _fill(DEAL, deal_id=deal_id)


def document(document_id: str, claim_id: str | None = None) -> str:
    """Return a document's page, scrolled to one claim's evidence when given."""
    path = _with_query(_fill(DOCUMENT, document_id=document_id), {"claim": claim_id})
    return f"{path}#claim-{claim_id}" if claim_id else path


def subject(subject_type: str, subject_id: str) -> str | None:
    """Return the page of a claim's subject, if it has one."""
    builders = {"event": event, "person": person, "deal": deal}
    build = builders.get(subject_type)
    return build(subject_id) if build else None


def login(next_url: str | None = None) -> str:
    """Return the login page, coming back to ``next_url`` afterwards."""
    return _with_query(LOGIN, {"next": next_url})


def logout() -> str:
    """Return the logout action."""
    return LOGOUT


def review(**params: Any) -> str:
    """Return the review queue with its filters."""
    return _with_query(REVIEW, params)


def review_action(claim_id: str, action: str) -> str:
    """Return the form action that accepts, rejects or edits one claim."""
    return _fill(REVIEW_ACTION, claim_id=claim_id, action=action)


def review_merge() -> str:
    """Return the form action that merges two persons."""
    return REVIEW_MERGE


def review_bulk() -> str:
    """Return the form action that decides many claims at once."""
    return REVIEW_BULK


def review_undo() -> str:
    """Return the form action that undoes a decision."""
    return REVIEW_UNDO


def history(record_id: str | None = None, **params: Any) -> str:
    """Return the audit history, of one record when given."""
    path = _fill(RECORD_HISTORY, record_id=record_id) if record_id else HISTORY
    return _with_query(path, params)


def static(name: str) -> str:
    """Return a static file."""
    return f"{STATIC}/{name}"
