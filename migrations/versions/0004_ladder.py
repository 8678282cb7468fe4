"""the ladder: whole past materialised once per task, cascaded deadlines, audit rows found by occurrence

Revision ID: 0004
Revises: 0003_admin
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003_admin'
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table('task') as batch:
        batch.add_column(sa.Column('materialised_from', sa.Date(), nullable=True))
    with op.batch_alter_table('occurrence') as batch:
        batch.add_column(sa.Column('upper_due', sa.Date(), nullable=True))
    with op.batch_alter_table('audit_log') as batch:
        batch.add_column(sa.Column('occurrence_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('dispatch_id', _TEXT(length=32), nullable=True))
        batch.create_index(batch.f('ix_audit_log_occurrence_id'), ['occurrence_id'], unique=False)
        batch.create_index(batch.f('ix_audit_log_dispatch_id'), ['dispatch_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_log') as batch:
        batch.drop_index(batch.f('ix_audit_log_dispatch_id'))
        batch.drop_index(batch.f('ix_audit_log_occurrence_id'))
        batch.drop_column('dispatch_id')
        batch.drop_column('occurrence_id')
    with op.batch_alter_table('occurrence') as batch:
        batch.drop_column('upper_due')
    with op.batch_alter_table('task') as batch:
        batch.drop_column('materialised_from')
