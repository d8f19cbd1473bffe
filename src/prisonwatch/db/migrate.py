"""Schema migrations with Alembic, run programmatically on the configured database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from prisonwatch.db.engine import engine_for
from prisonwatch.settings import Settings

MIGRATIONS = Path(__file__).with_name("migrations")


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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Return the newest migration shipped with this version."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the migration a database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(settings: Settings | None = None, revision: str = "head") -> SchemaStatus:
    """Apply all pending migrations to the configured database and return its status."""
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


def ensure_ready(settings: Settings | None = None) -> SchemaStatus:
    """Create the schema in an empty database; refuse one that needs ``db upgrade``."""
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
