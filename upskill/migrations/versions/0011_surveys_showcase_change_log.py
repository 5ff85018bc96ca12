"""Anonymous student surveys, the pilot showcase, items' English text per revision, who triaged a suggestion, the pilot data's version.

Revision ID: fef860cca131
Revises: 7c3e5a9d1f20
Create Date: 2026-12-07 14:14:25.039063

"""
from alembic import op
import sqlalchemy as sa


revision = 'fef860cca131'
down_revision = '7c3e5a9d1f20'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('item_revision_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=120), nullable=False),
    sa.Column('revision', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_code', 'revision')
    )
    with op.batch_alter_table('item_revision_text', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_revision_text_item_code'), ['item_code'], unique=False)

    op.create_table('pilot_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('survey_answer',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('module_code', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.Column('interest', sa.Integer(), nullable=False),
    sa.Column('clarity', sa.Integer(), nullable=False),
    sa.Column('practice', sa.Integer(), nullable=False),
    sa.Column('time', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['pilot_period.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_answer_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_answer_school_id'), ['school_id'], unique=False)

    op.create_table('survey_taken',
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('module_code', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['pilot_period.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('student_id', 'period_id', 'module_code'),
    sqlite_with_rowid=False
    )
    op.create_table('showcase_consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('shown_name', sa.Enum('first_name', 'pseudonym', name='shownname', native_enum=False, length=20), nullable=False),
    sa.Column('pseudonym', sa.String(length=40), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('attempt_id')
    )
    with op.batch_alter_table('showcase_consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_showcase_consent_student_id'), ['student_id'], unique=False)

    op.create_table('showcase_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('task_code', sa.String(length=20), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['added_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('attempt_id')
    )
    with op.batch_alter_table('showcase_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_showcase_item_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_showcase_item_task_code'), ['task_code'], unique=False)

    op.create_table('showcase_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('state', sa.Enum('waiting', 'approved', 'rejected', name='commentstate', native_enum=False, length=20), nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('moderated_by_id', sa.Integer(), nullable=True),
    sa.Column('moderated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['showcase_item.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderated_by_id'], ['user_account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('submission_key')
    )
    with op.batch_alter_table('showcase_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_showcase_comment_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_showcase_comment_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_showcase_comment_school_id'), ['school_id'], unique=False)

    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.add_column(sa.Column('triaged_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('triaged_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key('fk_suggestion_triaged_by_id', 'user_account', ['triaged_by_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_constraint('fk_suggestion_triaged_by_id', type_='foreignkey')
        batch_op.drop_column('triaged_at')
        batch_op.drop_column('triaged_by_id')

    with op.batch_alter_table('showcase_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_showcase_comment_school_id'))
        batch_op.drop_index(batch_op.f('ix_showcase_comment_item_id'))
        batch_op.drop_index(batch_op.f('ix_showcase_comment_author_id'))

    op.drop_table('showcase_comment')
    with op.batch_alter_table('showcase_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_showcase_item_task_code'))
        batch_op.drop_index(batch_op.f('ix_showcase_item_school_id'))

    op.drop_table('showcase_item')
    with op.batch_alter_table('showcase_consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_showcase_consent_student_id'))

    op.drop_table('showcase_consent')
    op.drop_table('survey_taken')
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_answer_school_id'))
        batch_op.drop_index(batch_op.f('ix_survey_answer_period_id'))

    op.drop_table('survey_answer')
    with op.batch_alter_table('item_revision_text', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_revision_text_item_code'))

    op.drop_table('item_revision_text')
    op.drop_table('pilot_version')
