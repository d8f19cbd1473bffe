"""``prisonwatch persons``: add, list and show persons by hand."""

from __future__ import annotations

import typer
from rich.table import Table

from prisonwatch.cli.common import open_session
from prisonwatch.cli.output import console, print_json

ORDER = 50

persons_app = typer.Typer(help="Add, list and show persons.", no_args_is_help=True)


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
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
) -> None:
    """List persons, optionally those whose names contain QUERY.

    Example: prisonwatch persons list kalesn --limit 20
    """
    from prisonwatch.persons import person_summary, search_persons

    with open_session(write=False) as session:
        found = search_persons(session, query, limit=limit)
        if as_json:
            for person in found:
                print_json(person_summary(person))
            return
        table = Table("id", "name", "other names", "outside ids")
        for person in found:
            others = ", ".join(n.name for n in person.names if n.name != person.primary_name)
            ids = ", ".join(f"{e.scheme}:{e.value}" for e in person.external_ids)
            table.add_row(person.id, person.primary_name, others, ids)
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

    with open_session(write=False) as session:
        data = person_summary(get_person(session, person_id))
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{data['name']}[/]  ({data['id']})")
    for name in data["names"]:
        console.print(f"  {name['name']}  [dim]{name['script']}, {name['origin']}[/]")
    for scheme, value in data["external_ids"].items():
        console.print(f"  {scheme}: {value}")
    for key, value in sorted(data["attributes"].items()):
        console.print(f"  [dim]{key}:[/] {value}")


def register(app: typer.Typer) -> None:
    """Add the ``persons`` commands to the CLI."""
    app.add_typer(persons_app, name="persons")
