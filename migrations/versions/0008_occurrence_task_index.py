"""occurrence: the index on task_id alone dropped, the unique (task_id, org_code, period) begins with it

Every next notice date a sweep rewrites changes an indexed column, so each such row is written again
into every index of the table: a busy day at 1M rewrites 295,000 of them. The unique constraint on
(task_id, org_code, period) already finds a task's occurrences, so the index on task_id alone only cost
writes.

Revision ID: 0008_occ_task_ix
Revises: 0007_lz4
Create Date: 2026-12-07
"""

from alembic import op


revision = '0008_occ_task_ix'
down_revision = '0007_lz4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('occurrence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occurrence_task_id'))


def downgrade() -> None:
    with op.batch_alter_table('occurrence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occurrence_task_id'), ['task_id'], unique=False)
