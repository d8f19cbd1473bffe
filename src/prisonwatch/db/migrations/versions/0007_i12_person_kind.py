"""Mark each person as a prisoner or a participant in another role (envoy, judge, relative).

Persons who only take part in events as negotiators, actors, mediators or relatives are kept
apart from the people events happened to: they are never counted or exported as prisoners.

Revision ID: 0007_i12
Revises: 0006_i13
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_i12"
down_revision = "0006_i13"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add persons.kind, every existing person a prisoner."""
    with op.batch_alter_table("persons") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(12), nullable=False, server_default="prisoner")
        )
        batch.create_index("ix_persons_kind", ["kind"])


def downgrade() -> None:
    """Drop persons.kind."""
    with op.batch_alter_table("persons") as batch:
        batch.drop_index("ix_persons_kind")
        batch.drop_column("kind")
