"""digest parts: what digest items about one task, period and deadline share, stored once

A digest item written from now on names its part by key (dondoc.store.digest_parts) instead of
carrying its dispatch, title, text and dates in words itself. Payloads stored before keep their
whole items and render as they are: nothing to migrate.

Revision ID: 0006_digest_parts
Revises: 0005_sweep
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0006_digest_parts'
down_revision = '0005_sweep'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'digest_part',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )


def downgrade() -> None:
    op.drop_table('digest_part')
