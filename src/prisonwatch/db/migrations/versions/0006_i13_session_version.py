"""Give each user a session version, so logout, a password change or removal ends sessions.

A session cookie carries the version it was issued under; raising the user's version makes
every older cookie of that user worthless at its next request.

Revision ID: 0006_i13
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_i13"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add users.session_version, 0 for existing users."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    """Drop users.session_version."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_version")
