"""the loop: answers from the email, acknowledgements, extensions, reorganisations

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table('occurrence') as batch:
        batch.add_column(sa.Column('submitted_doc', _TEXT(), nullable=True))
        batch.add_column(sa.Column('submitted_note', _TEXT(), nullable=True))
        batch.add_column(sa.Column('submitted_by', _TEXT(), nullable=True))
        batch.add_column(sa.Column('extended_due', sa.Date(), nullable=True))
        batch.add_column(sa.Column('extended_effective_due', sa.Date(), nullable=True))
        batch.add_column(sa.Column('moved_from', _TEXT(length=64), nullable=True))
    op.create_table('acknowledgement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('org_code', _TEXT(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', _TEXT(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('task_id', 'org_code', name='uq_acknowledgement_task_org')
    )
    op.create_index(op.f('ix_acknowledgement_task_id'), 'acknowledgement', ['task_id'], unique=False)
    op.create_table('link_use',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_id', _TEXT(length=64), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('org_code', _TEXT(length=64), nullable=False),
    sa.Column('action', _TEXT(), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrence.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_id')
    )
    op.create_index(op.f('ix_link_use_occurrence_id'), 'link_use', ['occurrence_id'], unique=False)
    op.create_table('extension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('from_due', sa.Date(), nullable=False),
    sa.Column('to_due', sa.Date(), nullable=False),
    sa.Column('reason', _TEXT(), nullable=False),
    sa.Column('document', _TEXT(), nullable=True),
    sa.Column('status', _TEXT(), nullable=False),
    sa.Column('requested_by', _TEXT(), nullable=True),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', _TEXT(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['occurrence_id'], ['occurrence.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_extension_occurrence_id'), 'extension', ['occurrence_id'], unique=False)
    op.create_table('org_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', _TEXT(), nullable=False),
    sa.Column('old_codes', sa.JSON(), nullable=False),
    sa.Column('new_codes', sa.JSON(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('actor', _TEXT(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('org_change')
    op.drop_index(op.f('ix_extension_occurrence_id'), table_name='extension')
    op.drop_table('extension')
    op.drop_index(op.f('ix_link_use_occurrence_id'), table_name='link_use')
    op.drop_table('link_use')
    op.drop_index(op.f('ix_acknowledgement_task_id'), table_name='acknowledgement')
    op.drop_table('acknowledgement')
    with op.batch_alter_table('occurrence') as batch:
        for name in ('moved_from', 'extended_effective_due', 'extended_due', 'submitted_by', 'submitted_note',
                     'submitted_doc'):
            batch.drop_column(name)
