"""Accounts: several roles per user, deactivation, one-time access links, the audit log.

Revision ID: 3f7a9c1d2e64
Revises: 9b41e2c7d5a8
Create Date: 2026-12-03 11:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '3f7a9c1d2e64'
down_revision = '9b41e2c7d5a8'
branch_labels = None
depends_on = None

ROLE = sa.Enum('student', 'teacher', 'company_trainer', 'coordinator', 'admin',
               name='role', native_enum=False, length=20)


def upgrade():
    bind = op.get_bind()
    held = bind.execute(sa.text("SELECT id, role FROM user_account")).all()
    with op.batch_alter_table('user_account') as batch:
        batch.drop_column('role')
        batch.alter_column('password_hash', existing_type=sa.String(length=256), nullable=True)
        batch.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True))
    if bind.dialect.name == 'postgresql':
        # The old one-role column's enum type, which would clash with the new table's row type.
        op.execute("DROP TYPE IF EXISTS user_role")
    op.create_table('user_role',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', ROLE, nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'role')
    )
    if held:
        op.bulk_insert(sa.table('user_role', sa.column('user_id', sa.Integer()), sa.column('role', sa.String())),
                       [{'user_id': user_id, 'role': role} for user_id, role in held])
    op.create_table('access_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=10), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index('ix_access_link_user_id', 'access_link', ['user_id'])
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=45), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_audit_event_at', 'audit_event', ['at'])
    op.create_index('ix_audit_event_actor_id', 'audit_event', ['actor_id'])
    op.create_index('ix_audit_event_action', 'audit_event', ['action'])


def downgrade():
    op.drop_table('audit_event')
    op.drop_table('access_link')
    bind = op.get_bind()
    first_roles = bind.execute(sa.text("SELECT user_id, MIN(role) FROM user_role GROUP BY user_id")).all()
    op.drop_table('user_role')
    old_role = sa.Enum('student', 'teacher', 'coordinator', 'admin', name='user_role')
    old_role.create(bind, checkfirst=True)
    with op.batch_alter_table('user_account') as batch:
        batch.add_column(sa.Column('role', old_role, nullable=False, server_default='student'))
        batch.drop_column('last_login_at')
        batch.drop_column('active')
    for user_id, role in first_roles:
        role = role if role in ('student', 'teacher', 'coordinator', 'admin') else 'teacher'
        bind.execute(sa.text("UPDATE user_account SET role = :role WHERE id = :id"), {"role": role, "id": user_id})
