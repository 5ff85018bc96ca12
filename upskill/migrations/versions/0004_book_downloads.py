"""Anonymous download counts of the course books, per file and day.

Revision ID: 9b41e2c7d5a8
Revises: 7d2c4e91a0b3
Create Date: 2026-12-03 08:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '9b41e2c7d5a8'
down_revision = '7d2c4e91a0b3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('book_download',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=120), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('file_name', 'day')
    )


def downgrade():
    op.drop_table('book_download')
