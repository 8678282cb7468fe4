"""a sweep that costs what is due: each open occurrence's next notice date, each task's materialised-until day

Existing databases are filled by the first sweep after the upgrade, not here: every open occurrence
starts at 1900-01-01 ("look again"), so that sweep looks at all of them once, as every sweep did
before, plans what the level-triggered planner planned, and stores each one's next notice date;
every task starts with no materialised-until day, so that sweep materialises each task once over the
look-back window, as every sweep did before, and stores it. From then on a sweep costs what is due.

Revision ID: 0005_sweep
Revises: 0004
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0005_sweep'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('task') as batch:
        batch.add_column(sa.Column('materialised_until', sa.Date(), nullable=True))
        batch.create_index(batch.f('ix_task_materialised_until'), ['materialised_until'], unique=False)
    with op.batch_alter_table('occurrence') as batch:
        batch.add_column(sa.Column('next_notice_at', sa.Date(), nullable=False, server_default=sa.text("'1900-01-01'")))
        batch.add_column(sa.Column('next_notice_kind', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('ack_open', sa.Boolean(), nullable=False, server_default=sa.text('true')))
        batch.create_index('ix_occurrence_status_next', ['status', 'next_notice_at', 'org_code'], unique=False)
    with op.batch_alter_table('outbox') as batch:
        batch.create_index('ix_outbox_as_of', ['as_of'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.drop_index('ix_outbox_as_of')
    with op.batch_alter_table('occurrence') as batch:
        batch.drop_index('ix_occurrence_status_next')
        batch.drop_column('ack_open')
        batch.drop_column('next_notice_kind')
        batch.drop_column('next_notice_at')
    with op.batch_alter_table('task') as batch:
        batch.drop_index(batch.f('ix_task_materialised_until'))
        batch.drop_column('materialised_until')
