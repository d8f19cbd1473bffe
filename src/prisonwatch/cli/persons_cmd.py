"""``prisonwatch persons``: add, list and show persons by hand."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from prisonwatch.cli.common import open_session
from prisonwatch.cli.output import console, print_json

ORDER = 50

persons_app = typer.Typer(help="Add, list, show, edit and delete persons.", no_args_is_help=True)


@persons_app.command("add")
def add_cmd(
    name: str = typer.Argument(..., help="The person's name as it should be shown."),
    alias: list[str] = typer.Option([], "--alias", "-a", help="Another spelling (repeatable)."),
    gender: str | None = typer.Option(None, help="male or female."),
    country: str | None = typer.Option(None, help="Country holding the person."),
    external_id: list[str] = typer.Option(
        [], "--id", help="An outside id as SCHEME=VALUE, e.g. wikidata=Q4717446 (repeatable)."
    ),
    user: str = typer.Option("cli", help="Who is adding the person, for the audit log."),
) -> None:
    """Add a person with names and outside ids.

    Example: prisonwatch persons add "Ales Bialiatski" --alias "Алесь Бяляцкі" --id wikidata=Q1
    """
    from prisonwatch.errors import InputError
    from prisonwatch.persons import NewPerson, create_person

    ids = {}
    for item in external_id:
        scheme, sep, value = item.partition("=")
        if not sep or not scheme or not value:
            raise InputError(f"--id {item!r}: write it as SCHEME=VALUE, e.g. wikidata=Q4717446")
        ids[scheme] = value
    new = NewPerson(name=name, aliases=alias, gender=gender, country=country, external_ids=ids)
    with open_session() as session:
        person = create_person(session, new, actor=user, reason="added by hand")
        console.print(f"added {person.primary_name} as {person.id}")


@persons_app.command("list")
def list_cmd(
    query: str | None = typer.Argument(None, help="Part of a name to filter by."),
    limit: int = typer.Option(50, min=1, max=10_000, help="How many to show."),
    kind: str = typer.Option(
        "prisoner", help="prisoner, participant (envoys, judges, relatives) or all."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
) -> None:
    """List persons (prisoners by default), optionally those whose names contain QUERY.

    Example: prisonwatch persons list kalesn --limit 20
    """
    from prisonwatch.errors import InputError
    from prisonwatch.persons import person_summary, search_persons

    if kind not in ("prisoner", "participant", "all"):
        raise InputError(f"--kind {kind!r}: write prisoner, participant or all")
    with open_session(write=False, quiet=as_json) as session:
        found = search_persons(session, query, limit=limit, kind=None if kind == "all" else kind)
        if as_json:
            for person in found:
                print_json(person_summary(person))
            return
        table = Table("id", "name", "other names", "outside ids", "kind")
        for person in found:
            others = ", ".join(n.name for n in person.names if n.name != person.primary_name)
            ids = ", ".join(f"{e.scheme}:{e.value}" for e in person.external_ids)
            table.add_row(person.id, person.primary_name, others, ids, person.kind)
        console.print(table)
        console.print(f"{len(found)} person(s)")


@persons_app.command("show")
def show_cmd(
    person_id: str = typer.Argument(..., help="The person's id (see 'persons list')."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one person with every name and outside id.

    Example: prisonwatch persons show per_0123456789abcdef0123
    """
    from prisonwatch.persons import get_person, person_summary

    with open_session(write=False, quiet=as_json) as session:
        data = person_summary(get_person(session, person_id))
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{data['name']}[/]  ({data['id']})")
    for name in data["names"]:
        console.print(f"  {name['name']}  [dim]{name['script']}, {name['origin']}[/]")
    for scheme, value in data["external_ids"].items():
        console.print(f"  {scheme}: {value}")
    console.print(f"  kind: {data['kind']}")
    for key, value in sorted(data["attributes"].items()):
        console.print(f"  [dim]{key.replace('_', ' ')}:[/] {escape(str(value))}")


@persons_app.command("edit")
def edit_cmd(
    person_id: str = typer.Argument(..., help="The person's id (see 'persons list')."),
    name: str | None = typer.Option(None, help="A new name to show (the old one stays an alias)."),
    gender: str | None = typer.Option(None, help="male or female; '' to clear."),
    birth_date: str | None = typer.Option(None, help="YYYY, YYYY-MM or YYYY-MM-DD; '' to clear."),
    country: str | None = typer.Option(None, help="Country holding the person; '' to clear."),
    kind: str | None = typer.Option(None, help="prisoner or participant."),
    reason: str | None = typer.Option(None, help="Why, for the audit log."),
    user: str = typer.Option("cli", help="Who is editing, for the audit log."),
) -> None:
    """Correct a person's name, gender, birth date, country or kind (audited).

    Example: prisonwatch persons edit per_0123 --birth-date 1962-09-25 --reason "per passport"
    """
    from prisonwatch.errors import InputError
    from prisonwatch.registry.person_edit import update_person

    changes = {
        k: v
        for k, v in dict(
            name=name, gender=gender, birth_date=birth_date, country=country, kind=kind
        ).items()
        if v is not None
    }
    if not changes:
        raise InputError(
            "nothing to change: give --name, --gender, --birth-date, --country or --kind"
        )
    with open_session() as session:
        person = update_person(session, person_id, changes, actor=user, reason=reason)
        console.print(f"updated {person.primary_name} ({person.id}): {', '.join(changes)}")


@persons_app.command("delete")
def delete_cmd(
    person_id: str = typer.Argument(..., help="The person's id (see 'persons list')."),
    reason: str = typer.Option(..., help="Why, for the audit log."),
    user: str = typer.Option("cli", help="Who is deleting, for the audit log."),
) -> None:
    """Delete a person; their open claims are rejected, all of it in the audit log.

    Example: prisonwatch persons delete per_0123 --reason "an envoy, not a prisoner"
    """
    from prisonwatch.registry.person_edit import delete_person

    with open_session() as session:
        rejected = delete_person(session, person_id, actor=user, reason=reason)
    console.print(f"deleted {person_id}; {rejected} claim(s) about them rejected")


def register(app: typer.Typer) -> None:
    """Add the ``persons`` commands to the CLI."""
    app.add_typer(persons_app, name="persons")
