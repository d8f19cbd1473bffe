"""``prisonwatch serve``: the web pages and JSON API under uvicorn."""

from __future__ import annotations

import typer

from prisonwatch.cli.output import err_console

ORDER = 90
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def serve_cmd(
    host: str = typer.Option("127.0.0.1", help="Address to listen on; 127.0.0.1 stays local."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the public pages, the reviewer workspace and the JSON API.

    Example: prisonwatch serve --port 8080   (then open http://127.0.0.1:8080/)
    """
    import uvicorn

    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.errors import ConfigError
    from prisonwatch.settings import DEFAULT_SECRET, get_settings
    from prisonwatch.web import create_app
    from prisonwatch.web.app import warm

    settings = get_settings()
    if host not in LOCAL_HOSTS and settings.secret_key == DEFAULT_SECRET:
        raise ConfigError(
            f"--host {host} exposes the reviewer login beyond this machine with the default "
            "session key: set PRISONWATCH_SECRET_KEY to a long random string first"
        )
    ensure_ready(settings)
    app = create_app(settings)
    # Seconds on a large registry, paid here rather than by the first visitor.
    warm(app)
    err_console.print(f"serving {settings.url()} on http://{host}:{port}/")
    # Proxy headers are trusted from the local host only, so Secure cookies follow real TLS.
    uvicorn.run(app, host=host, port=port, proxy_headers=True, log_level="info")


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the CLI."""
    app.command("serve")(serve_cmd)
