"""notice: no foreign keys to occurrence and outbox

A busy day writes 295,000 notices; PostgreSQL checked both keys row by row (a lookup and a row lock in
each parent table), half the time of their INSERT. The planner writes the notices first, each naming the
digest it goes in by an id chosen beforehand, then only the digests with something new, whole: no digest
row is written twice or written to be deleted.

Revision ID: 0009_notice_fk
Revises: 0008_occ_task_ix
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0009_notice_fk'
down_revision = '0008_occ_task_ix'
branch_labels = None
depends_on = None

# SQLite's copy of the table has unnamed keys (as 0001 made them): named by this convention for the batch
_NAMES = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}


def upgrade() -> None:
    keys = [(fk["name"] or _NAMES["fk"] % {"table_name": "notice", "column_0_name": fk["constrained_columns"][0],
                                           "referred_table_name": fk["referred_table"]})
            for fk in sa.inspect(op.get_bind()).get_foreign_keys('notice')]
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table('notice', naming_convention=_NAMES) as batch_op:
            for name in keys:
                batch_op.drop_constraint(name, type_='foreignkey')
        return
    for name in keys:
        op.drop_constraint(name, 'notice', type_='foreignkey')


def downgrade() -> None:
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_foreign_key('notice_occurrence_id_fkey', 'occurrence', ['occurrence_id'], ['id'])
        batch_op.create_foreign_key('notice_outbox_id_fkey', 'outbox', ['outbox_id'], ['id'])
