"""A progress version per enrolment, moved on by every change to the student's work.

Revision ID: 2b9d4f6e8a31
Revises: 8c3e5f7a1b22
Create Date: 2026-12-03 12:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '2b9d4f6e8a31'
down_revision = '8c3e5f7a1b22'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('enrolment') as batch:
        batch.add_column(sa.Column('progress_version', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('enrolment') as batch:
        batch.drop_column('progress_version')
