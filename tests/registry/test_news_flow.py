"""The whole flow over the shared news texts: idempotent, one event per wave, one person each."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import select

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Document, Event, Person
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.io.dump import export_dump
from prisonwatch.registry.flow import RegistryHook
from prisonwatch.registry.sources import sources_for
from prisonwatch.settings import Settings


def _ingest(settings: Settings, folder: Path) -> RegistryHook:
    hook = RegistryHook(settings)
    report = ingest(
        [str(folder)],
        IngestOptions(extract=True, on_stored=hook),
        lambda: session_scope(settings),
    )
    assert not report.failures, [f.reason for f in report.failures]
    return hook


def _dump(settings: Settings) -> str:
    out = io.StringIO()
    with session_scope(settings, write=False) as session:
        export_dump(session, out)
    return out.getvalue()


def test_news_dev_twice_gives_the_same_database(settings: Settings, shared: Path) -> None:
    texts = shared / "data" / "news_dev" / "texts"
    first = _ingest(settings, texts)
    assert sum(r.claims_new for r in first.reports) > 50
    before = _dump(settings)
    again = _ingest(settings, texts)
    assert sum(r.claims_new for r in again.reports) == 0
    assert _dump(settings) == before

    with session_scope(settings, write=False) as session:
        # Syarhei (one outlet) and Siarhei (another) Tsikhanouski are one person.
        people = [
            p
            for p in session.scalars(select(Person))
            if any("tsikhanousk" in n.name.lower() for n in p.names)
        ]
        assert len(people) == 1, [[n.name for n in p.names] for p in people]
        spellings = {n.name.split()[0] for n in people[0].names}
        assert {"Syarhei", "Siarhei"} <= spellings

        # The release of 52 on 11 September 2025 was reported by two outlets: one event.
        waves = list(
            session.scalars(select(Event).where(Event.type == "release", Event.count == 52))
        )
        assert len(waves) == 1
        documents = {
            s.document_id
            for s in sources_for(session, [waves[0].id], accepted_only=False)[waves[0].id]
        }
        assert len(documents) >= 2

        # Russian texts propose claims too (in Russian), and no claim lacks its evidence.
        russian = set(session.scalars(select(Document.id).where(Document.language == "ru")))
        assert russian
        claims = list(session.scalars(select(Claim)))
        assert [c for c in claims if c.document_id in russian and c.kind == "event"]
        assert all(c.quote for c in claims if c.kind == "event")


def test_the_seed_yields_one_deal_of_four_parts(sqlite_settings: Settings, shared: Path) -> None:
    from prisonwatch.db.models import Deal

    _ingest(sqlite_settings, shared / "data" / "seed" / "belarus-release-123.txt")
    with session_scope(sqlite_settings, write=False) as session:
        deals = list(session.scalars(select(Deal)))
        assert len(deals) == 1
        members = session.scalars(select(Event).where(Event.deal_id == deals[0].id))
        types = {e.type for e in members}
        assert {"release", "negotiation", "transfer", "sanctions_lifted"} <= types
