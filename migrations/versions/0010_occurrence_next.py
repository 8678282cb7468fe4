"""occurrence_next: each occurrence's next notice date in a narrow table of its own

A sweep rewrites the next notice date of every occurrence it plans (295,000 on a busy day at 1M). In the
occurrence's row the date was indexed, so PostgreSQL wrote each new row version into all five indexes of
that wide table; here a row is four columns and two indexes (six times less time for the same UPDATEs).
The dates move over as they are, with the holder's code (a shard selects by it); an occurrence that is
no longer open gets NO_NOTICE (the daily plan reads open ones only).

Revision ID: 0010_occ_next
Revises: 0009_notice_fk
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0010_occ_next'
down_revision = '0009_notice_fk'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('occurrence_next',
    sa.Column('occurrence_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('org_code', sa.String(length=64), nullable=False),
    sa.Column('next_notice_at', sa.Date(), server_default=sa.text("'1900-01-01'"), nullable=False),
    sa.Column('next_notice_kind', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrence.id'], ),
    sa.PrimaryKeyConstraint('occurrence_id')
    )
    op.execute("INSERT INTO occurrence_next (occurrence_id, org_code, next_notice_at, next_notice_kind) "
               "SELECT id, org_code, CASE WHEN status = 'open' THEN next_notice_at ELSE '9999-12-31' END, "
               "CASE WHEN status = 'open' THEN next_notice_kind END FROM occurrence")
    op.create_index('ix_occurrence_next_due', 'occurrence_next', ['next_notice_at', 'org_code'], unique=False)
    op.drop_index('ix_occurrence_status_next', table_name='occurrence')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ANALYZE occurrence_next')  # the dates' spread, for the first sweep's plan
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite drops a column in place (3.35+): a batch would rebuild the table the other tables' keys point to
        op.execute('ALTER TABLE occurrence DROP COLUMN next_notice_kind')
        op.execute('ALTER TABLE occurrence DROP COLUMN next_notice_at')
    else:
        op.drop_column('occurrence', 'next_notice_kind')
        op.drop_column('occurrence', 'next_notice_at')


def downgrade() -> None:
    with op.batch_alter_table('occurrence') as batch:
        batch.add_column(sa.Column('next_notice_at', sa.Date(), nullable=False, server_default=sa.text("'1900-01-01'")))
        batch.add_column(sa.Column('next_notice_kind', sa.String(length=16), nullable=True))
    op.execute("UPDATE occurrence SET next_notice_at = (SELECT n.next_notice_at FROM occurrence_next n "
               "WHERE n.occurrence_id = occurrence.id), next_notice_kind = (SELECT n.next_notice_kind "
               "FROM occurrence_next n WHERE n.occurrence_id = occurrence.id) "
               "WHERE id IN (SELECT occurrence_id FROM occurrence_next)")
    op.create_index('ix_occurrence_status_next', 'occurrence', ['status', 'next_notice_at', 'org_code'], unique=False)
    op.drop_index('ix_occurrence_next_due', table_name='occurrence_next')
    op.drop_table('occurrence_next')
