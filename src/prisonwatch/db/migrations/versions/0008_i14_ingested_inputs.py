"""Remember the inputs an ingest took in, so a re-run skips them before parsing.

A bulk run killed half way and started again reads the same archives: each record's bytes and
the run's overrides hash to a key, and an input whose key is here is neither parsed nor stored
again. Off-topic pages are remembered too (without a document).

Revision ID: 0008_i14
Revises: 0007_i12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_i14"
down_revision = "0007_i12"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the table."""
    op.create_table(
        "ingested_inputs",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_ingested_inputs_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_ingested_inputs")),
    )
    with op.batch_alter_table("ingested_inputs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ingested_inputs_document_id"), ["document_id"], unique=False
        )


def downgrade() -> None:
    """Drop the table."""
    with op.batch_alter_table("ingested_inputs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ingested_inputs_document_id"))
    op.drop_table("ingested_inputs")
