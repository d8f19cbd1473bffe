"""Consoles shared by every command: results to stdout, messages to stderr."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout, unwrapped, UTF-8 as is."""
    print(json.dumps(data, ensure_ascii=False, indent=None))


def print_error(message: str) -> None:
    """Print one error line on stderr; names in it cannot colour, move or mark up the terminal."""
    from rich.markup import escape

    from prisonwatch.errors import terminal_safe

    err_console.print(f"[bold red]error:[/] {escape(terminal_safe(message))}", highlight=False)
