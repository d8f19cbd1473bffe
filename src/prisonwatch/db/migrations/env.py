"""Alembic environment: runs migrations on the connection handed over by ``migrate.py``."""

from __future__ import annotations

from alembic import context

from prisonwatch.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("prisonwatch migrations run through prisonwatch.db.migrate, not alembic")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
