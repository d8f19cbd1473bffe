"""The exception tree mapped once to HTTP: a page with one sentence, or a JSON body."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from prisonwatch.errors import PrisonwatchError
from prisonwatch.web import urls
from prisonwatch.web.guards import PAGE_CSP, security_headers
from prisonwatch.web.render import render
from prisonwatch.web.security import LoginRequired, TooManyAttempts

log = logging.getLogger(__name__)
CRASH = "Something went wrong on our side; it was logged: try later."

HTTP_SENTENCES = {
    404: "There is no page at this address: check it, or start again from the home page.",
    405: "This address does not take that kind of request: use the links and forms of the site.",
}


def wants_json(request: Request) -> bool:
    """Return True for the JSON API."""
    return request.url.path == urls.API or request.url.path.startswith(urls.API + "/")


def respond(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """Return the error as JSON for the API, as a page with one sentence otherwise."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status, headers=headers)
    response = render(
        request, "error.html", {"message": message, "status": status}, status_code=status
    )
    response.headers.update(headers or {})
    return response


def for_visitors(message: str) -> str:
    """Return an error sentence without its command-line advice, which a web visitor cannot use."""
    at = message.find(": run 'prisonwatch")
    if at < 0:
        at = message.find(': run "prisonwatch')
    if at < 0:
        return message
    return message[:at] + ": check the address, or find it from the home page or the lists"


def _known(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PrisonwatchError)
    if isinstance(exc, LoginRequired) and not wants_json(request):
        return RedirectResponse(urls.login(exc.next_url), status_code=303)
    headers = {"Retry-After": "60"} if isinstance(exc, TooManyAttempts) else None
    message = exc.message if wants_json(request) else for_visitors(exc.message)
    return respond(request, exc.http_status, message, headers)


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = HTTP_SENTENCES.get(exc.status_code, str(exc.detail))
    return respond(request, exc.status_code, message, dict(exc.headers or {}))


def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "the request"
    message = f"{where} is not valid ({first.get('msg', 'invalid')}): correct it and retry"
    if wants_json(request):
        # FastAPI's own validation body, so the OpenAPI schema's 422 stays true; plus a sentence.
        body = {"detail": jsonable_encoder(exc.errors()), "error": message, "status": 422}
        return JSONResponse(body, 422)
    return respond(request, 422, message)


def _crash(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    # Sent by the outermost error middleware, past SecurityHeaders: so the headers go on here.
    headers = security_headers(request.url.path, PAGE_CSP)
    try:
        return respond(request, 500, CRASH, headers)
    except Exception:  # the error page itself failed: a plain sentence still goes out
        return PlainTextResponse(CRASH, 500, headers=headers)


def install(app: FastAPI) -> None:
    """Map every exception once: ours by their http_status, the framework's, and crashes."""
    app.add_exception_handler(PrisonwatchError, _known)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _crash)
