"""Students' work: lessons read, task work and its attempts, files, assessments, state changes, quiz attempts.

Revision ID: 8c3e5f7a1b22
Revises: 6a2d8e4b9c10
Create Date: 2026-12-03 12:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '8c3e5f7a1b22'
down_revision = '6a2d8e4b9c10'
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade():
    op.create_table('lesson_read',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('read_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('student_id', 'item_code')
    )
    op.create_index('ix_lesson_read_student_id', 'lesson_read', ['student_id'])
    op.create_table('task_work',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('checklist', sa.JSON(), nullable=False),
    sa.Column('measurements', sa.JSON(), nullable=False),
    sa.Column('text', sa.JSON(), nullable=False),
    sa.Column('draft_revision', sa.Integer(), nullable=False),
    sa.Column('updated_at', TS, nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('student_id', 'item_code')
    )
    op.create_index('ix_task_work_student_id', 'task_work', ['student_id'])
    op.create_index('ix_task_work_item_code', 'task_work', ['item_code'])
    op.create_table('attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('submitted_at', TS, nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=False),
    sa.Column('checklist', sa.JSON(), nullable=False),
    sa.Column('measurements', sa.JSON(), nullable=False),
    sa.Column('text', sa.JSON(), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', TS, nullable=True),
    sa.Column('confirmation_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['work_id'], ['task_work.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('submission_key'),
    sa.UniqueConstraint('work_id', 'number')
    )
    op.create_index('ix_attempt_work_id', 'attempt', ['work_id'])
    op.create_table('evidence_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('evidence_index', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_evidence_file_attempt_id', 'evidence_file', ['attempt_id'])
    op.create_index('ix_evidence_file_sha256', 'evidence_file', ['sha256'])
    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('levels', sa.JSON(), nullable=False),
    sa.Column('comments', sa.JSON(), nullable=False),
    sa.Column('overall_comment', sa.Text(), nullable=False),
    sa.Column('rubric', sa.JSON(), nullable=False),
    sa.Column('assessed_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['assessor_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('attempt_id')
    )
    op.create_table('state_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=12), nullable=False),
    sa.Column('to_state', sa.String(length=12), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('at', TS, nullable=False),
    sa.ForeignKeyConstraint(['work_id'], ['task_work.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_state_change_work_id', 'state_change', ['work_id'])
    op.create_table('quiz_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('taken_on', sa.Date(), nullable=False),
    sa.Column('at', TS, nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_quiz_attempt_student_id', 'quiz_attempt', ['student_id'])


def downgrade():
    for table in ('quiz_attempt', 'state_change', 'assessment', 'evidence_file', 'attempt', 'task_work', 'lesson_read'):
        op.drop_table(table)
