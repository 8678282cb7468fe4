"""the admin pages of dondoc web: users, their sessions, refused logins, review drafts

Revision ID: 0003_admin
Revises: 0002
Create Date: 2026-12-06

If another revision lands after 0002 first, point `down_revision` at it: these tables depend on
no other change.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003_admin'
down_revision = '0002'
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', _TEXT(length=254), nullable=False),
    sa.Column('name', _TEXT(), nullable=False),
    sa.Column('role', _TEXT(), nullable=False),
    sa.Column('password_hash', _TEXT(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    op.create_table('login_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', _TEXT(length=254), nullable=False),
    sa.Column('client', _TEXT(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_login_failure_client_at', 'login_failure', ['client', 'at'], unique=False)
    op.create_index('ix_login_failure_email_at', 'login_failure', ['email', 'at'], unique=False)
    op.create_table('review_draft',
    sa.Column('id', _TEXT(length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', _TEXT(), nullable=False),
    sa.Column('source_name', _TEXT(), nullable=False),
    sa.Column('source_sha256', _TEXT(length=64), nullable=False),
    sa.Column('text', _TEXT(), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('errors', sa.JSON(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_review_draft_user_id'), 'review_draft', ['user_id'], unique=False)
    op.create_table('web_session',
    sa.Column('id', _TEXT(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_web_session_user_id'), 'web_session', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_web_session_user_id'), table_name='web_session')
    op.drop_table('web_session')
    op.drop_index(op.f('ix_review_draft_user_id'), table_name='review_draft')
    op.drop_table('review_draft')
    op.drop_index('ix_login_failure_email_at', table_name='login_failure')
    op.drop_index('ix_login_failure_client_at', table_name='login_failure')
    op.drop_table('login_failure')
    op.drop_table('app_user')
