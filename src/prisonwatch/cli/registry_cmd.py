"""``prisonwatch person``, ``events``, ``deals`` and ``stats``: what the accepted facts say."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from prisonwatch.cli.common import open_session
from prisonwatch.cli.output import console, print_json

ORDER = 75


class StatsFormat(StrEnum):
    """How ``stats`` prints its counts."""

    table = "table"
    csv = "csv"
    json = "json"


class Period(StrEnum):
    """The period ``stats`` counts by."""

    day = "day"
    month = "month"


def _sources_line(sources: list[dict]) -> str:
    from rich.markup import escape

    from prisonwatch.registry.describe import sources_label

    return escape(sources_label(sources))


def person_cmd(
    name: str = typer.Argument(..., help="A name in any spelling or script, or a person id."),
    as_json: bool = typer.Option(False, "--json", help="Print the timeline as JSON."),
) -> None:
    """Find a person under any spelling and print their timeline from accepted events.

    Example: prisonwatch person "Колесникова"
    """
    from prisonwatch.errors import NotFoundError
    from prisonwatch.registry.lookup import find_persons
    from prisonwatch.registry.timeline import person_timeline

    with open_session(write=False, quiet=as_json) as session:
        found = find_persons(session, name, limit=5)
        if not found:
            raise NotFoundError(f"nobody in the registry is called {name!r}: try another spelling")
        if len(found) > 1 and found[0].score == found[1].score:
            console.print(f"{name!r} fits several persons:")
            for item in found:
                console.print(f"  {item.person.id}  {item.person.primary_name}  ({item.reason})")
            raise typer.Exit(1)
        timeline = person_timeline(session, found[0].person.id).to_json()
        reason = found[0].reason
    if as_json:
        print_json(timeline)
        return
    person, status = timeline["person"], timeline["status"]
    console.print(f"[bold]{person['name']}[/]  ({person['id']})  [dim]found by: {reason}[/]")
    others = [n["name"] for n in person["names"] if n["name"] != person["name"]]
    if others:
        console.print("also written: " + ", ".join(others))
    line = f"status: [bold]{status['state']}[/]"
    for key in ("held_since", "sentenced_on", "released_on", "released_how"):
        if status.get(key):
            line += f", {key.replace('_', ' ')} {status[key]}"
    console.print(line)
    basis = status.get("based_on")
    if basis:
        when = basis["date"] or (
            f"reported {basis['reported']}" if basis["reported"] else "undated"
        )
        console.print(
            f"rests on: {basis['type'].replace('_', ' ')} ({when}) from "
            + (_sources_line(basis.get("sources", [])) or "no source"),
        )
    table = Table("date", "event", "role", "details", "sources")
    for step in timeline["steps"]:
        details = ", ".join(
            str(x)
            for x in (
                f"{step['count']} people" if step["count"] else None,
                step["actor"],
                "→ " + ", ".join(step["destination"]) if step["destination"] else None,
                "part of a deal" if step["deal_id"] else None,
                "background" if step["background"] else None,
            )
            if x
        )
        table.add_row(
            step["date"]
            or step["date_text"]
            or (f"~{step['reported']}" if step["reported"] else "?"),
            step["type"],
            step["role"],
            details,
            _sources_line(step["sources"]),
        )
    console.print(table)


def events_cmd(
    event_type: list[str] = typer.Option([], "--type", help="Only these types (repeatable)."),
    country: str | None = typer.Option(None, help="Only events in this country."),
    since: str | None = typer.Option(None, help="On or after this date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, help="On or before this date (YYYY[-MM[-DD]])."),
    review: str = typer.Option("accepted", help="accepted, proposed (under review) or any."),
    sort: str = typer.Option("newest", help="newest (undated last), oldest, count or type."),
    limit: int = typer.Option(50, min=1, max=100_000),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List events, newest first, filtered by type, country, dates and review state.

    Example: prisonwatch events --type release --type pardon --country Belarus --since 2025
    """
    from rich.markup import escape

    from prisonwatch.registry.listing import ListFilters, list_events

    filters = ListFilters(
        types=tuple(event_type),
        country=country,
        since=since,
        until=until,
        review=review,
        sort=sort,
    )
    with open_session(write=False, quiet=as_json) as session:
        found = list_events(session, filters, limit=limit)
    if as_json:
        for row in found.items:
            print_json(row)
        return
    table = Table("date", "event", "country", "id")
    for row in found.items:
        when = row["date"] or (f"~{row['reported']}" if row["reported"] else "undated")
        table.add_row(when, escape(row["label"]), row["target_country"] or "", row["id"])
    console.print(table)
    console.print(f"{len(found.items)} of {found.total} event(s)")


def documents_cmd(
    publisher: str | None = typer.Option(None, help="Only documents from this outlet."),
    since: str | None = typer.Option(None, help="Published on or after (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, help="Published on or before (YYYY[-MM[-DD]])."),
    review: str = typer.Option(
        "any", help="proposed (claims wait), accepted (all decided) or any."
    ),
    sort: str = typer.Option("newest", help="newest, oldest, ingested or title."),
    limit: int = typer.Option(50, min=1, max=100_000),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List documents by title, outlet and date, with their claims waiting and decided.

    Example: prisonwatch documents --review proposed
    """
    from rich.markup import escape

    from prisonwatch.registry.listing import ListFilters, list_documents

    filters = ListFilters(publisher=publisher, since=since, until=until, review=review, sort=sort)
    with open_session(write=False, quiet=as_json) as session:
        found = list_documents(session, filters, limit=limit)
    if as_json:
        for row in found.items:
            print_json(row)
        return
    table = Table("document", "waiting", "accepted", "rejected", "id")
    for row in found.items:
        claims = row["claims"]
        table.add_row(
            escape(row["label"]),
            str(claims.get("proposed", 0)),
            str(claims.get("accepted", 0)),
            str(claims.get("rejected", 0)),
            row["id"],
        )
    console.print(table)
    console.print(f"{len(found.items)} of {found.total} document(s)")


def event_cmd(
    event_id: str = typer.Argument(..., help="Event id."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one event: persons, sources and any values the sources disagree on.

    Example: prisonwatch event evt_0123456789abcdef0123
    """
    from prisonwatch.registry.events import event_view

    with open_session(write=False, quiet=as_json) as session:
        view = event_view(session, event_id).to_json()
    if as_json:
        print_json(view)
        return
    event = view["event"]
    console.print(
        f"[bold]{event['type']}[/] {event['date'] or ''} ({event['id']})"
        f"{'' if view['accepted'] else ' [yellow]under review[/]'}"
    )
    for person in view["persons"]:
        console.print(f"  {person['role']}: {person['name']}")
    for item in view["competing"]:
        values = "; ".join(f"{v['value']} ({len(v['claims'])} source(s))" for v in item["values"])
        console.print(f"  [yellow]sources disagree on {item['field']}:[/] {values}")
    from rich.markup import escape

    from prisonwatch.registry.describe import source_label

    for source in view["sources"]:
        console.print(
            f"  {escape('[' + source['state'] + ']')} {escape(source_label(source))}: "
            f"“{escape(source['quote'] or '')}”"
        )


def deals_cmd(as_json: bool = typer.Option(False, "--json")) -> None:
    """List each deal: its talks, releases, transfers and concessions, with sources.

    Example: prisonwatch deals
    """
    from prisonwatch.registry.deals import list_deals

    with open_session(write=False, quiet=as_json) as session:
        deals = [d.to_json() for d in list_deals(session)]
    if as_json:
        for deal in deals:
            print_json(deal)
        return
    if not deals:
        console.print("no accepted deal yet")
    for deal in deals:
        mediators = ", ".join(deal["mediators"]) or "not named"
        from rich.markup import escape

        from prisonwatch.registry.describe import deal_label

        console.print(
            f"[bold]{escape(deal_label(deal['date'], deal['parts']))}[/]  mediators: "
            f"{escape(mediators)}  [dim]({deal['id']})[/]"
        )
        for side in ("talks", "releases", "transfers", "concessions", "other"):
            for event in deal["parts"].get(side, []):
                bits = [event["type"]]
                if event["count"]:
                    bits.append(f"{event['count_qualifier'] or ''} {event['count']}".strip())
                if event["object"]:
                    bits.append(f"on {event['object']}")
                if event["destination"]:
                    bits.append("→ " + ", ".join(event["destination"]))
                if event["actor"]:
                    bits.append(f"by {event['actor']}")
                console.print(
                    f"  {side:12} {' '.join(bits)}  [dim]{_sources_line(event['sources'])}[/]"
                )


def stats_cmd(
    by: Period = typer.Option(Period.month, help="Count by day or month."),
    fmt: StatsFormat = typer.Option(StatsFormat.table, "--format", help="table, csv or json."),
    chart: Path | None = typer.Option(None, help="Also draw a chart into this .png or .svg file."),
    country: str | None = typer.Option(None, help="Only events in this country."),
) -> None:
    """Count people arrested, released and held over time, and list the release waves.

    Example: prisonwatch stats --by month --chart counts.png
    """
    from prisonwatch.errors import InputError
    from prisonwatch.registry.stats import counts_over_time, release_waves, write_chart, write_csv

    if chart and chart.suffix.lower() not in (".png", ".svg"):
        raise InputError(f"--chart {chart}: give a file name ending in .png or .svg")
    with open_session(write=False, quiet=fmt is not StatsFormat.table) as session:
        rows = counts_over_time(session, by=by.value, country=country)
        waves = release_waves(session, country=country)
    if chart:
        write_chart(rows, chart)
        console.print(f"chart written to {chart}")
    if fmt is StatsFormat.csv:
        write_csv(rows, sys.stdout)
        return
    if fmt is StatsFormat.json:
        print_json({"periods": [r.__dict__ for r in rows], "waves": [w.to_json() for w in waves]})
        return
    table = Table("period", "arrested", "released", "held (known) at end")
    for row in rows:
        table.add_row(row.period, str(row.arrested), str(row.released), str(row.held_at_end))
    console.print(table)
    waves_table = Table("release wave", "released", "types", "to", "deal")  # ids: --format json
    for wave in waves:
        waves_table.add_row(
            wave.date or "?",
            str(wave.released),
            ", ".join(wave.types),
            ", ".join(wave.destinations),
            "part of a deal" if wave.deal_id else "",
        )
    console.print(waves_table)


def register(app: typer.Typer) -> None:
    """Add the registry views to the CLI."""
    app.command("person")(person_cmd)
    app.command("events")(events_cmd)
    app.command("documents")(documents_cmd)
    app.command("event")(event_cmd)
    app.command("deals")(deals_cmd)
    app.command("stats")(stats_cmd)
