"""digests' payloads compressed with lz4 on PostgreSQL (where the server supports it)

A busy day writes ~300,000 notices in ~30,000 digests whose JSON payloads (90 MB at 300k open
occurrences) PostgreSQL compresses into TOAST: with its default pglz that was a third of the digests'
UPDATE time; lz4 compresses several times faster. Only new values are compressed so; the column's type
and content are unchanged, and reading needs nothing. SQLite has no such setting: nothing to do there,
nor on a PostgreSQL built without lz4.

Revision ID: 0007_lz4
Revises: 0006_digest_parts
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0007_lz4'
down_revision = '0006_digest_parts'
branch_labels = None
depends_on = None


def _lz4_supported() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return False
    return bool(bind.execute(sa.text(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")).scalar())


def upgrade() -> None:
    if _lz4_supported():
        op.execute('ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION lz4')


def downgrade() -> None:
    if _lz4_supported():
        op.execute('ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION DEFAULT')
