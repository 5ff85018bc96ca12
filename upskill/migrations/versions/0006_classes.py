"""Schools and training companies, classes with their teachers and students, company placements.

Revision ID: 6a2d8e4b9c10
Revises: 3f7a9c1d2e64
Create Date: 2026-12-03 11:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '6a2d8e4b9c10'
down_revision = '3f7a9c1d2e64'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('school') as batch:
        batch.add_column(sa.Column('kind', sa.String(length=10), nullable=False, server_default='school'))
        batch.add_column(sa.Column('in_pilot', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('pilot_from', sa.Date(), nullable=True))
        batch.add_column(sa.Column('pilot_to', sa.Date(), nullable=True))
    op.create_table('school_class',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('modules', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id']),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_school_class_school_id', 'school_class', ['school_id'])
    op.create_table('class_teacher',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('class_id', 'user_id')
    )
    op.create_table('enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('student_number', sa.String(length=40), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('class_id', 'student_id')
    )
    op.create_index('ix_enrolment_class_id', 'enrolment', ['class_id'])
    op.create_index('ix_enrolment_student_id', 'enrolment', ['student_id'])
    op.create_table('placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('trainer_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['company_id'], ['school.id']),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['trainer_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('student_id', 'company_id')
    )
    op.create_index('ix_placement_student_id', 'placement', ['student_id'])
    op.create_index('ix_placement_company_id', 'placement', ['company_id'])
    op.create_index('ix_placement_trainer_id', 'placement', ['trainer_id'])


def downgrade():
    op.drop_table('placement')
    op.drop_table('enrolment')
    op.drop_table('class_teacher')
    op.drop_table('school_class')
    with op.batch_alter_table('school') as batch:
        batch.drop_column('pilot_to')
        batch.drop_column('pilot_from')
        batch.drop_column('in_pilot')
        batch.drop_column('kind')
