"""The web pages, the reviewer workspace and the JSON API over the registry."""

from __future__ import annotations

from prisonwatch.web.app import create_app

__all__ = ["create_app"]
