"""``prisonwatch serve``: the web pages and JSON API under uvicorn."""

from __future__ import annotations

import typer

from prisonwatch.cli.output import err_console

ORDER = 90
# Forwarded headers are believed only from PRISONWATCH_TRUSTED_PROXIES (the app applies them),
# never by uvicorn's default of 127.0.0.1, so a client cannot choose the address that the login
# limit counts by sending X-Forwarded-For through a local proxy.
PROXY_HEADERS = False


def serve_cmd(
    host: str = typer.Option("127.0.0.1", help="Address to listen on; 127.0.0.1 stays local."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(
        1, min=1, max=16, help="Processes serving requests (2 uses two cores; each holds a copy)."
    ),
) -> None:
    """Serve the public pages, the reviewer workspace and the JSON API.

    Example: prisonwatch serve --port 8080   (then open http://127.0.0.1:8080/)
    """
    import os

    import uvicorn

    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.settings import get_settings
    from prisonwatch.web import create_app
    from prisonwatch.web.app import WORKERS_ENV, warm
    from prisonwatch.web.security import secret_key

    settings = get_settings()
    # On every host, a reverse proxy on this machine included: a weak key is refused, and a
    # fresh install makes and keeps its own (data_dir/secret_key, mode 0600).
    secret_key(settings)
    ensure_ready(settings)
    if workers > 1:
        # Each process builds its own app from the environment (the key is on disk by now).
        os.environ[WORKERS_ENV] = str(workers)
        err_console.print(
            f"serving {settings.url()} on http://{host}:{port}/ ({workers} processes)"
        )
        uvicorn.run(
            "prisonwatch.web.app:served_app",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="info",
            proxy_headers=PROXY_HEADERS,
        )
        return
    app = create_app(settings)
    # Seconds on a large registry, paid here rather than by the first visitor.
    warm(app)
    err_console.print(f"serving {settings.url()} on http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=PROXY_HEADERS)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the CLI."""
    app.command("serve")(serve_cmd)
