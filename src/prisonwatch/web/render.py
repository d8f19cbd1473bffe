"""One context, two renderings: each page is registered as HTML and as its JSON twin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from prisonwatch.web import chart, highlight, urls
from prisonwatch.web.schemas import ErrorBody
from prisonwatch.web.security import csrf_token, session_data

TEMPLATES = Path(__file__).with_name("templates")
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "The input cannot be used."),
        (403, "The caller lacks a token or role."),
        (404, "No such record."),
        (409, "The request contradicts the current state."),
    )
}

F = TypeVar("F", bound=Callable[..., Any])


def outside_url(url: str | None) -> str | None:
    """Return a source's address when it is http(s), so a ``javascript:`` link never renders."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def _common(request: Request) -> dict[str, Any]:
    query = f"?{request.url.query}" if request.url.query else ""
    return {
        "current_user": session_data(request).get("user"),
        "csrf_token": lambda: csrf_token(request),
        "json_url": urls.api(request.url.path) + query,
    }


def make_templates() -> Jinja2Templates:
    """Return the Jinja2 templates, every value escaped unless marked safe."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        urls=urls,
        chart_svg=chart.svg,
        segments=highlight.segments,
        outside_url=outside_url,
        zip=zip,
    )
    return Jinja2Templates(env=env, context_processors=[_common])


def render(
    request: Request, template: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """Render a template with the app's templates."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def page(
    router: APIRouter,
    path: str,
    *,
    name: str,
    template: str,
    model: type[BaseModel],
    html_dependencies: list[Any] | None = None,
    api_dependencies: list[Any] | None = None,
) -> Callable[[F], F]:
    """Register ``build`` (which returns ``model``) as an HTML page and as its JSON twin."""

    def decorator(build: F) -> F:
        router.add_api_route(
            urls.api(path),
            build,
            methods=["GET"],
            name=f"api_{name}",
            response_model=model,
            responses=ERROR_RESPONSES,
            dependencies=api_dependencies,
            summary=(build.__doc__ or name).strip().rstrip("."),
        )

        def html(request: Request, context: BaseModel = Depends(build)) -> HTMLResponse:
            return render(request, template, {"ctx": context})

        router.add_api_route(
            path,
            html,
            methods=["GET"],
            name=name,
            response_class=HTMLResponse,
            include_in_schema=False,
            dependencies=html_dependencies,
        )
        return build

    return decorator
