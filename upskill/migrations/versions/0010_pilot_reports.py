"""Pilot periods and their schools, the schools' pilot reports, suggestions tied to curriculum items.

Revision ID: 7c3e5a9d1f20
Revises: 4e7a9c2d5b10
Create Date: 2026-12-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '7c3e5a9d1f20'
down_revision = '4e7a9c2d5b10'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pilot_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('modules', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('pilot_period_school',
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['pilot_period.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('period_id', 'school_id')
    )
    op.create_table('pilot_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('entries', sa.JSON(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['period_id'], ['pilot_period.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id']),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('period_id', 'school_id', 'number')
    )
    op.create_index('ix_pilot_report_period_id', 'pilot_report', ['period_id'])
    op.create_index('ix_pilot_report_school_id', 'pilot_report', ['school_id'])
    op.create_table('suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('proposed_change', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.Column('applied_in', sa.String(length=20), nullable=True),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('submission_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['suggestion.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['pilot_report.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id']),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('submission_key'),
    sa.UniqueConstraint('year', 'number')
    )
    op.create_index('ix_suggestion_item_code', 'suggestion', ['item_code'])
    op.create_index('ix_suggestion_report_id', 'suggestion', ['report_id'])
    op.create_index('ix_suggestion_author_id', 'suggestion', ['author_id'])


def downgrade():
    op.drop_table('suggestion')
    op.drop_table('pilot_report')
    op.drop_table('pilot_period_school')
    op.drop_table('pilot_period')
