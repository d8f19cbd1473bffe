"""Registry import from CSV: the simple ``id,name,aliases`` layout and the human-rights layout.

The human-rights layout is the one Belarusian groups publish their political-prisoner lists in.
A re-import updates persons (matched by their outside id) instead of duplicating them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch import audit
from prisonwatch.db.models import Document, ExternalId, Person, PersonName
from prisonwatch.errors import InputError, Interrupted, PrisonwatchError
from prisonwatch.invisible import strip_invisible
from prisonwatch.io.csvfile import CsvRow, read_rows, read_text
from prisonwatch.io.held import ctrl_c_held
from prisonwatch.persons import (
    NewPerson,
    add_name,
    create_person,
    person_by_external_id,
    search_key,
)
from prisonwatch.persons import person_summary as summary
from prisonwatch.registry.imported import ListSource, RegistryFact, list_document, record_facts
from prisonwatch.tunables import tunable

SIMPLE_COLUMNS = ("id", "name", "aliases")
HRG_COLUMNS = (
    "id",
    "url",
    "name",
    "status",
    "gender",
    "photo",
    "description",
    "birthday",
    "arrested",
    "articles",
    "prison",
    "declaration",
    "decision",
    "penalty",
    "judge",
    "councel",
    "penalty_start_date",
    "release_date",
    "verdict_date",
    "appeal_date",
)
# What each written status means: held now, no longer held, died, or not a political case (np).
STATUS_WORDS = {
    "active": "active",
    "held": "active",
    "current": "active",
    "former": "former",
    "released": "former",
    "freed": "former",
    "died": "died",
    "dead": "died",
    "deceased": "died",
    "np": "np",
    "освобожден": "former",
    "освобождён": "former",
    "вызвалены": "former",
    "умер": "died",
    "памёр": "died",
}
HRG_STATUSES = tuple(dict.fromkeys(STATUS_WORDS.values()))
GENDERS = {
    "m": "male",
    "male": "male",
    "f": "female",
    "female": "female",
    "м": "male",
    "муж": "male",
    "мужской": "male",
    "ж": "female",
    "жен": "female",
    "женский": "female",
    "": None,
}
DATE_FIELDS = ("birthday", "arrested", "penalty_start_date", "release_date", "verdict_date")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


DEFAULT_SCHEME = "registry"


@dataclass
class ListOptions:
    """How to name the list a CSV is: title, address and the date it was taken (optional)."""

    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass
class ImportReport:
    """What a registry import did: persons created, updated, facts stated, rows refused."""

    source: str
    layout: str
    scheme: str = "registry"
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    facts: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    batches: int = 0
    stored_through: int = 0  # last line of the file inside a committed batch

    def stored(self) -> str:
        """Return what an interrupted import kept, in words, and what to do next."""
        if not self.batches:
            return "nothing of this file was stored; run the same command again"
        return (
            f"the rows up to line {self.stored_through} were stored ({self.batches} whole "
            "batches); run the same command again to import the rest (stored rows are matched "
            "by their id, not duplicated)"
        )


def _check_day(year: int, month: int, day: int, value: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"date {value!r} is not a day of the calendar") from None


def parse_date(value: str) -> str:
    """Return an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or raise ValueError."""
    value = value.strip()
    if not value:
        return value
    iso = _ISO.match(value)
    if iso:
        year, month, day = iso.groups()
        if day:
            return _check_day(int(year), int(month), int(day), value)
        if month and not 1 <= int(month) <= 12:
            raise ValueError(f"date {value!r} has no month {month}")
        return value
    match = _DMY.match(value)
    if match:
        day_, month_, year_ = (int(g) for g in match.groups())
        return _check_day(year_, month_, day_, value)
    raise ValueError(f"date {value!r} is neither YYYY-MM-DD nor DD.MM.YYYY")


def detect_layout(header: list[str]) -> str:
    """Return ``hrg`` for the human-rights layout and ``simple`` for ``id,name,aliases``."""
    return "hrg" if all(c in header for c in HRG_COLUMNS) else "simple"


def _row_to_person(row: CsvRow, layout: str) -> NewPerson:
    values = {k: strip_invisible(v or "").strip() for k, v in row.values.items()}
    if "__error__" in values:
        raise ValueError(values["__error__"])
    for column, value in values.items():
        if "\x00" in value:  # PostgreSQL text cannot hold it; SQLite would keep an odd name
            raise ValueError(f"column {column} holds a NUL character: remove it")
    if not values.get("id"):
        raise ValueError("empty id")
    if not values.get("name"):
        raise ValueError("empty name")
    if layout == "simple":
        aliases = [a.strip() for a in values.get("aliases", "").split("|") if a.strip()]
        return NewPerson(name=values["name"], aliases=aliases, origin="registry")
    status = STATUS_WORDS.get(values["status"].casefold())
    if status is None:
        raise ValueError(
            f"status {values['status']!r} is not one of {', '.join(sorted(STATUS_WORDS))}"
        )
    if values["gender"].casefold() not in GENDERS:
        raise ValueError(f"gender {values['gender']!r} is not m/f/male/female/м/ж")
    attributes = {
        c: values[c] for c in HRG_COLUMNS if c not in ("id", "name", "gender") and values[c]
    }
    for name in DATE_FIELDS:
        if name in attributes:
            try:
                attributes[name] = parse_date(attributes[name])
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
    attributes.pop("status")
    attributes["registry_status"] = status
    return NewPerson(
        name=values["name"],
        gender=GENDERS[values["gender"].casefold()],
        birth_date=attributes.pop("birthday", None) or None,
        country="Belarus",
        attributes=attributes,
        origin="registry",
    )


def _facts(attributes: dict[str, str]) -> list[RegistryFact]:
    """Return the events a human-rights row states: arrest, sentence, release or death."""
    facts: list[RegistryFact] = []
    status = attributes.get("registry_status")
    if status == "np":
        return facts
    prison = attributes.get("prison")
    arrested = attributes.get("arrested")
    if arrested or status == "active":
        quote = f"arrested {arrested}" if arrested else "listed as held"
        facts.append(
            RegistryFact(
                "arrest",
                quote + (f"; held in {prison}" if prison else ""),
                arrested or None,
                {k: attributes[k] for k in ("prison",) if k in attributes},
            )
        )
    verdict = attributes.get("verdict_date")
    if verdict or attributes.get("penalty"):
        details: dict[str, str] = {
            k: attributes[k] for k in ("penalty", "articles", "judge") if k in attributes
        }
        words = ", ".join(f"{k} {v}" for k, v in details.items())
        facts.append(
            RegistryFact(
                "sentence",
                f"sentenced{' ' + verdict if verdict else ''}" + (f": {words}" if words else ""),
                verdict or None,
                details,
            )
        )
    released = attributes.get("release_date")
    if status == "former":
        facts.append(
            RegistryFact(
                "release",
                f"released {released}" if released else "listed as no longer held",
                released or None,
            )
        )
    elif status == "died":
        facts.append(RegistryFact("death_in_custody", "listed as died in custody"))
    return facts


def _update(person: Person, new: NewPerson) -> bool:
    before = summary(person)
    if new.name != person.primary_name:
        add_name(person, person.primary_name, origin="registry", kind="alias")
        person.primary_name = new.name
    add_name(person, new.name, origin="registry")
    for alias in new.aliases:
        add_name(person, alias, origin="registry", kind="alias")
    person.gender = new.gender or person.gender
    person.birth_date = new.birth_date or person.birth_date
    person.country = new.country or person.country
    if new.attributes:
        person.attributes = {**(person.attributes or {}), **new.attributes}
    return summary(person) != before


def _pick_scheme(session: Session, path: Path, ids: list[str]) -> str:
    """Return the scheme a file's ids were imported under before, so re-imports update."""
    found: set[str] = set()
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        found.update(
            session.scalars(select(ExternalId.scheme).where(ExternalId.value.in_(chunk)).distinct())
        )
    if len(found) > 1:
        raise InputError(
            f"{path}: its ids are on record under several registries ({', '.join(sorted(found))})"
            ": say which with --scheme"
        )
    return found.pop() if found else DEFAULT_SCHEME


def _same_name(session: Session, person: Person) -> Person | None:
    key = search_key(person.primary_name)
    stmt = (
        select(Person)
        .join(PersonName, PersonName.person_id == Person.id)
        .where(PersonName.search_key == key, Person.id != person.id, Person.merged_into.is_(None))
    )
    return session.scalars(stmt).first()


def import_registry_csv(
    session: Session,
    path: Path,
    *,
    scheme: str | None = None,
    actor: str = "import",
    source: ListOptions | None = None,
    commit: Callable[[], None] | None = None,
    batch_rows: int | None = None,
) -> ImportReport:
    """Import a registry CSV; bad rows are reported as ``file:line: reason``.

    Without a scheme, ids already on record keep the scheme they came with, so importing the
    same list again updates persons instead of duplicating them. The list's statements (status,
    arrest, sentence, release) become accepted claims from the list, named and dated.

    Given ``commit``, it is called after every ``batch_rows`` rows (``import.batch_rows`` by
    default) so that other writers get the database between batches; an interrupted import keeps
    its whole batches, says which, and a second run completes it without duplicates.
    """
    header, rows_iter = read_rows(path, ("id", "name"))
    layout = detect_layout(header)
    if layout == "simple" and "aliases" not in header and len(header) != 2:
        raise InputError(
            f"{path}: header {','.join(header)} is neither id,name,aliases nor the "
            f"human-rights layout ({','.join(HRG_COLUMNS[:4])},…): fix the header"
        )
    rows = list(rows_iter)
    ids = [(r.values.get("id") or "").strip() for r in rows]
    chosen = scheme or _pick_scheme(session, path, [i for i in ids if i])
    report = ImportReport(source=str(path), layout=layout, scheme=chosen)
    options = source or ListOptions()
    doc = None
    if layout == "hrg":
        doc = list_document(
            session,
            ListSource(
                text=read_text(path),
                title=options.title or f"{chosen} list ({path.name})",
                scheme=chosen,
                url=options.url,
                published=options.published,
            ),
        )
    seen: dict[str, int] = {}
    names: dict[str, int] = {}
    every = max(1, int(batch_rows or tunable("import.batch_rows")))
    try:
        for done, row in enumerate(rows, start=1):
            _import_row(session, row, path, layout, chosen, doc, actor, report, seen, names)
            if commit is not None and done % every == 0 and done < len(rows):
                with ctrl_c_held():
                    commit()
                    report.batches += 1
                    report.stored_through = row.line
    except KeyboardInterrupt:
        if commit is None:
            raise
        raise Interrupted(f"{path}: import interrupted: {report.stored()}") from None
    except PrisonwatchError as exc:
        if commit is None or not report.batches:
            raise
        # Same error (its HTTP status, Retry-After), now also saying which batches were kept.
        exc.message = f"{exc.message}; {report.stored()}"
        exc.args = (exc.message,)
        raise
    return report


def _import_row(
    session: Session,
    row: CsvRow,
    path: Path,
    layout: str,
    chosen: str,
    doc: Document | None,
    actor: str,
    report: ImportReport,
    seen: dict[str, int],
    names: dict[str, int],
) -> None:
    """Store one row: create or update its person and record the list's facts about them."""
    try:
        new = _row_to_person(row, layout)
    except ValueError as exc:
        report.errors.append(f"{path}:{row.line}: {exc}")
        return
    outside_id = strip_invisible(row.values["id"]).strip()
    if outside_id in seen:
        report.errors.append(
            f"{path}:{row.line}: id {outside_id!r} already on line {seen[outside_id]}"
        )
        return
    seen[outside_id] = row.line
    key = search_key(new.name)
    if key in names:
        report.warnings.append(
            f"{path}:{row.line}: name {new.name!r} also on line {names[key]}: imported as "
            "two persons; if they are one, run 'prisonwatch review merge-persons'"
        )
    names.setdefault(key, row.line)
    profile = new.attributes.get("url")
    new.external_ids = {chosen: outside_id}
    person = person_by_external_id(session, chosen, outside_id)
    if person is None:
        person = create_person(session, new, actor=actor, reason=f"imported from {path.name}")
        report.created += 1
        twin = _same_name(session, person)
        if twin is not None and names[key] == row.line:
            report.warnings.append(
                f"{path}:{row.line}: name {new.name!r} is also person {twin.id}: if they "
                f"are one, run 'prisonwatch review merge-persons {person.id} {twin.id}'"
            )
    else:
        before = summary(person)
        if _update(person, new):
            session.flush()
            audit.record(
                session,
                actor=actor,
                action="update",
                record_type="person",
                record_id=person.id,
                before=before,
                after=summary(person),
                reason=f"re-imported from {path.name}",
            )
            report.updated += 1
        else:
            report.unchanged += 1
    if profile:
        for ext in person.external_ids:
            if ext.scheme == chosen and ext.value == outside_id:
                ext.url = profile
    if doc is not None:
        report.facts += record_facts(
            session,
            doc,
            person,
            scheme=chosen,
            outside_id=outside_id,
            facts=_facts(new.attributes),
            actor=actor,
        )
