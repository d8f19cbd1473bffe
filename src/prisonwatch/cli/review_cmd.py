"""``prisonwatch review``: accept or reject what the machine proposes, one claim at a time."""

from __future__ import annotations

import getpass
import json
import os
from typing import Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from prisonwatch.cli.common import open_session
from prisonwatch.cli.output import console, print_json

ORDER = 70

review_app = typer.Typer(
    help="Review proposed claims: interactive without a subcommand, or scripted with one.",
    invoke_without_command=True,
)

USER_HELP = "Who decides, for the audit log (default: $PRISONWATCH_USER or your login)."


def _user(user: str | None) -> str:
    return user or os.environ.get("PRISONWATCH_USER") or getpass.getuser()


def _parse_value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _changes(pairs: list[str]) -> dict[str, Any]:
    from prisonwatch.errors import InputError

    changes: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InputError(f"--set {pair!r}: write it as FIELD=VALUE, e.g. count=123")
        changes[key.strip()] = _parse_value(value.strip())
    return changes


# The key hints, escaped so that Rich prints the brackets instead of reading them as markup.
KEYS = escape("[a]ccept [r]eject [e]dit [s]kip [u]ndo [q]uit")
EDIT_HELP = (
    "FIELD=VALUE, several separated by spaces; dates as YYYY, YYYY-MM or YYYY-MM-DD; "
    "person_id=… chooses a candidate"
)


def _show(claim: Any, position: tuple[int, int] | None = None, source: str | None = None) -> None:
    from prisonwatch.registry.claims import claim_summary
    from prisonwatch.registry.describe import claim_label

    data = claim_summary(claim)
    body = Table.grid(padding=(0, 2))
    body.add_row("says", escape(claim_label(data["kind"], data["value"])))
    value = {
        k: v for k, v in data["value"].items() if k != "candidates" and v not in (None, [], "")
    }
    body.add_row("fields", escape(json.dumps(value, ensure_ascii=False)))
    body.add_row("quote", escape(f"“{data['quote'] or ''}”"))
    body.add_row("reason", escape(data["reason"]))
    body.add_row("confidence", f"{data['confidence']:.2f}")
    body.add_row("source", escape(source or str(data["document_id"])))
    for number, candidate in enumerate(data["value"].get("candidates") or [], start=1):
        body.add_row(
            f"candidate {number}",
            escape(
                f"{candidate['name']} ({candidate['person_id']}) {candidate['score']:.2f}: "
                f"{candidate['reason']}"
            ),
        )
    where = f"{position[0]} of {position[1]} · " if position else ""
    console.print(Panel(body, title=escape(f"{where}claim {data['id']} [{data['state']}]")))


@review_app.callback()
def interactive(
    ctx: typer.Context,
    user: str | None = typer.Option(None, help=USER_HELP),
    kind: str | None = typer.Option(None, help="Only claims of this kind (event, event_person…)."),
) -> None:
    """Review proposed claims one at a time: [a]ccept, [r]eject, [e]dit, [s]kip, [u]ndo, [q]uit.

    Example: prisonwatch review --kind event
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.prompt import Prompt

    from prisonwatch.db.models import Document
    from prisonwatch.errors import PrisonwatchError
    from prisonwatch.registry import review
    from prisonwatch.registry.describe import source_label

    who = _user(user)
    skipped: set[str] = set()
    done = 0
    while True:
        with open_session() as session:
            queue = [
                c
                for c in review.list_claims(session, kind=kind, limit=len(skipped) + 1)
                if c.id not in skipped
            ]
            if not queue:
                console.print("nothing left to review")
                return
            claim = queue[0]
            left = review.count_claims(session, "proposed", kind=kind)
            doc = session.get(Document, claim.document_id) if claim.document_id else None
            source = source_label(doc.__dict__) if doc else None
            _show(claim, (done + len(skipped) + 1, done + left), source)
            key = Prompt.ask(KEYS, default="s")
            try:
                if key == "a":
                    console.print(review.accept(session, claim.id, actor=who).message)
                    done += 1
                elif key == "r":
                    why = Prompt.ask("why", default="")
                    console.print(review.reject(session, claim.id, actor=who, reason=why).message)
                    done += 1
                elif key == "e":
                    fields = ", ".join(review.editable_fields(claim))
                    console.print(escape(f"fields: {fields}. {EDIT_HELP}"))
                    text = Prompt.ask("FIELD=VALUE")
                    decision = review.edit(session, claim.id, _changes(text.split()), actor=who)
                    console.print(decision.message)
                    done += 1
                elif key == "u":
                    console.print(review.undo(session, actor=who).message)
                    done = max(0, done - 1)
                elif key == "q":
                    return
                else:
                    skipped.add(claim.id)
            except PrisonwatchError as exc:
                console.print(f"[red]{escape(exc.message)}[/]")


@review_app.command("list")
def list_cmd(
    state: str = typer.Option("proposed", help="proposed, accepted, rejected or superseded."),
    kind: str | None = typer.Option(None, help="event, event_person, deal_member or person."),
    document: str | None = typer.Option(None, help="Only claims from this document id."),
    limit: int = typer.Option(50, min=1, max=100_000),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per claim."),
) -> None:
    """List claims with their quote, reason and confidence.

    Example: prisonwatch review list --kind event_person --json
    """
    from prisonwatch.registry.claims import claim_summary
    from prisonwatch.registry.review import list_claims

    with open_session(write=False, quiet=as_json) as session:
        found = list_claims(session, state=state, kind=kind, document_id=document, limit=limit)
        if as_json:
            for claim in found:
                print_json(claim_summary(claim))
            return
        from prisonwatch.registry.describe import claim_label

        table = Table("claim", "says", "conf.", "reason")
        for claim in found:
            table.add_row(
                claim.id,
                escape(claim_label(claim.kind, claim.value or {})),
                f"{claim.confidence:.2f}",
                escape(claim.reason),
            )
        console.print(table)
        console.print(f"{len(found)} claim(s) {state}")


@review_app.command("accept")
def accept_cmd(
    claims: list[str] = typer.Argument(..., help="Claim ids."),
    reason: str | None = typer.Option(None, help="Why, for the audit log."),
    user: str | None = typer.Option(None, help=USER_HELP),
) -> None:
    """Accept proposed claims.

    Example: prisonwatch review accept clm_0123abcd --reason "checked the source"
    """
    from prisonwatch.registry.review import accept

    with open_session() as session:
        for claim_id in claims:
            console.print(accept(session, claim_id, actor=_user(user), reason=reason).message)


@review_app.command("reject")
def reject_cmd(
    claims: list[str] = typer.Argument(..., help="Claim ids."),
    reason: str | None = typer.Option(None, help="Why, for the audit log."),
    user: str | None = typer.Option(None, help=USER_HELP),
) -> None:
    """Reject proposed claims; they stay on record, marked rejected.

    Example: prisonwatch review reject clm_0123abcd --reason "a relative, not a prisoner"
    """
    from prisonwatch.registry.review import reject

    with open_session() as session:
        for claim_id in claims:
            console.print(reject(session, claim_id, actor=_user(user), reason=reason).message)


@review_app.command("edit")
def edit_cmd(
    claim: str = typer.Argument(..., help="Claim id."),
    set_: list[str] = typer.Option([], "--set", help="FIELD=VALUE (JSON values allowed)."),
    person: str | None = typer.Option(None, help="For a person link: the person it names."),
    reason: str | None = typer.Option(None, help="Why, for the audit log."),
    user: str | None = typer.Option(None, help=USER_HELP),
) -> None:
    """Correct a claim; the correction is accepted and the original kept as superseded.

    Example: prisonwatch review edit clm_0123abcd --set count=123 --set date_value=2025-12-13
    """
    from prisonwatch.errors import InputError
    from prisonwatch.registry.review import edit

    changes = _changes(set_)
    if person:
        changes["person_id"] = person
    if not changes:
        raise InputError("nothing to change: give --set FIELD=VALUE or --person ID")
    with open_session() as session:
        console.print(edit(session, claim, changes, actor=_user(user), reason=reason).message)


@review_app.command("bulk")
def bulk_cmd(
    action: str = typer.Argument(..., help="accept or reject."),
    document: str | None = typer.Option(None, help="Every proposed claim of this document."),
    event: str | None = typer.Option(None, help="Every proposed claim of this event."),
    min_confidence: float | None = typer.Option(
        None, min=0.0, max=1.0, help="Only claims at least this confident."
    ),
    kind: str | None = typer.Option(None, help="Only claims of this kind."),
    reason: str | None = typer.Option(None, help="Why, for the audit log (one for all)."),
    user: str | None = typer.Option(None, help=USER_HELP),
) -> None:
    """Accept or reject many claims at once; 'review undo' undoes the whole batch.

    Example: prisonwatch review bulk accept --document 3f2a… --min-confidence 0.8 --reason checked
    """
    from prisonwatch.registry.bulk import BulkSelection, bulk_decide

    selection = BulkSelection(
        document_id=document, event_id=event, min_confidence=min_confidence, kind=kind
    )
    with open_session() as session:
        result = bulk_decide(session, action, selection, actor=_user(user), reason=reason)
    console.print(escape(result.message))
    if result.audit_id:
        console.print(f"undo with: prisonwatch review undo {result.audit_id}")


@review_app.command("merge-persons")
def merge_cmd(
    source: str = typer.Argument(..., help="The person id that goes away."),
    target: str = typer.Argument(..., help="The person id that stays."),
    reason: str | None = typer.Option(None, help="Why, for the audit log."),
    user: str | None = typer.Option(None, help=USER_HELP),
) -> None:
    """Merge two records of one person: names, ids and event links move to TARGET.

    Example: prisonwatch review merge-persons per_aaaa per_bbbb --reason "same person"
    """
    from prisonwatch.registry.review import merge_persons

    with open_session() as session:
        console.print(
            merge_persons(session, source, target, actor=_user(user), reason=reason).message
        )


@review_app.command("undo")
def undo_cmd(
    decision: int | None = typer.Argument(
        None, help="Audit entry id (default: the last decision)."
    ),
    reason: str | None = typer.Option(None, help="Why, for the audit log."),
    user: str | None = typer.Option(None, help=USER_HELP),
) -> None:
    """Undo a review decision.

    Example: prisonwatch review undo 42
    """
    from prisonwatch.registry.review import undo

    with open_session() as session:
        console.print(undo(session, decision, actor=_user(user), reason=reason).message)


@review_app.command("history")
def history_cmd(
    record: str = typer.Argument(..., help="A claim, person or event id."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show the audit history of one record.

    Example: prisonwatch review history clm_0123abcd
    """
    from prisonwatch.registry.history import history

    with open_session(write=False, quiet=as_json) as session:
        entries = history(session, record)
    if as_json:
        for entry in entries:
            print_json(entry)
        return
    table = Table("#", "when", "who", "what", "why", "undone by")
    for entry in entries:
        table.add_row(
            str(entry["id"]),
            entry["at"],
            escape(entry["actor"]),
            escape(entry["summary"]),
            escape(entry["reason"] or ""),
            str(entry["undone_by"] or ""),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``review`` to the CLI."""
    app.add_typer(review_app, name="review")
