"""Worksheets as curriculum items of their own (M04.W1).

Revision ID: 7d2c4e91a0b3
Revises: 515341ef9fd4
Create Date: 2026-12-03 08:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '7d2c4e91a0b3'
down_revision = '515341ef9fd4'
branch_labels = None
depends_on = None

OLD_KINDS = ("programme", "module", "lesson", "task", "quiz")


def upgrade():
    # PostgreSQL keeps the kinds in a native enum type; SQLite stores the name as text.
    if op.get_bind().dialect.name == "postgresql":
        with op.get_context().autocommit_block():
            op.execute("ALTER TYPE item_kind ADD VALUE IF NOT EXISTS 'worksheet'")


def downgrade():
    op.execute(sa.text("DELETE FROM curriculum_item WHERE kind = 'worksheet'"))
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL cannot drop one value of an enum type: make the type again without it.
        op.execute("ALTER TYPE item_kind RENAME TO item_kind_old")
        sa.Enum(*OLD_KINDS, name="item_kind").create(op.get_bind())
        op.execute("ALTER TABLE curriculum_item ALTER COLUMN kind TYPE item_kind USING kind::text::item_kind")
        op.execute("DROP TYPE item_kind_old")
