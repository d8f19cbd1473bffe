"""The API docs at /api/docs: Swagger UI from an installed package, under a CSP of its own."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from prisonwatch.web import urls

# Swagger UI's script and styles, installed with the fastapi-offline package: no CDN needed.
DOCS_ASSETS = Path(fastapi_offline.__file__).with_name("static")
DOCS_ASSETS_URL = urls.api("/docs/assets")


def docs_page(app: FastAPI) -> tuple[str, str]:
    """Return the Swagger UI page and a CSP that lets its own inline script run, nothing else."""
    page = get_swagger_ui_html(
        openapi_url=str(app.openapi_url),
        title=f"{app.title} - API",
        swagger_js_url=f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{DOCS_ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{DOCS_ASSETS_URL}/favicon.png",
        swagger_ui_parameters={"validatorUrl": None},
    )
    html = bytes(page.body).decode()
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    # Swagger UI sets style attributes from its script, hence 'unsafe-inline' for styles only.
    csp = (
        f"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        f"script-src 'self' {hashes}; frame-ancestors 'none'; form-action 'self'; "
        "base-uri 'none'"
    )
    return html, csp


def install(app: FastAPI) -> str:
    """Serve the docs page and its files; return the page's CSP."""
    html, csp = docs_page(app)

    @app.get(urls.api("/docs"), include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(html)

    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=DOCS_ASSETS), name="docs_assets")
    return csp
