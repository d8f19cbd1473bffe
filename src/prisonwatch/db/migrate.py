"""Schema migrations with Alembic, run programmatically on the configured database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from prisonwatch.db.engine import engine_for
from prisonwatch.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# Alembic takes a second to import; a command on an up-to-date database needs only these two
# lines of each migration file to know that nothing is to be done.
_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*"([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands against the migrations shipped with this version."""

    url: str
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        """Return True when every migration has been applied."""
        return self.current == self.head


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Return the newest migration shipped with this version."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the migration a database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(settings: Settings | None = None, revision: str = "head") -> SchemaStatus:
    """Apply all pending migrations to the configured database and return its status."""
    from alembic import command

    engine = engine_for(settings)
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return status(settings)


def status(settings: Settings | None = None) -> SchemaStatus:
    """Return the configured database's migration status."""
    engine = engine_for(settings)
    return SchemaStatus(
        url=engine.url.render_as_string(hide_password=True),
        current=current_revision(engine),
        head=head_revision(),
    )


def _quick_head() -> str | None:
    """Return the single head of the shipped migrations read from their files, or None."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
        if "down_revision" in found:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _quick_current(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            rows = list(conn.execute(text("SELECT version_num FROM alembic_version")))
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def ensure_ready(settings: Settings | None = None) -> SchemaStatus:
    """Create the schema in an empty database; refuse one that needs ``db upgrade``."""
    engine = engine_for(settings)
    head = _quick_head()
    if head is not None and _quick_current(engine) == head:
        return SchemaStatus(engine.url.render_as_string(hide_password=True), head, head)
    current = status(settings)
    if current.current is None:
        return upgrade(settings)
    if not current.up_to_date:
        from prisonwatch.errors import ConfigError

        raise ConfigError(
            f"the database {current.url} is at migration {current.current}, this version needs "
            f"{current.head}: run 'prisonwatch db upgrade'"
        )
    return current
