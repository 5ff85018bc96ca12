"""Search tokens per item text, and the database's full-text index over them.

An existing database gets empty tokens here; the next `curriculum sync` fills them.

Revision ID: 4e7a9c2d5b10
Revises: 2b9d4f6e8a31
Create Date: 2026-12-08 09:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '4e7a9c2d5b10'
down_revision = '2b9d4f6e8a31'
branch_labels = None
depends_on = None

SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE item_text_fts USING fts5(search_stems, content='item_text', content_rowid='id')",
    """CREATE TRIGGER item_text_fts_insert AFTER INSERT ON item_text BEGIN
         INSERT INTO item_text_fts (rowid, search_stems) VALUES (new.id, new.search_stems);
       END""",
    """CREATE TRIGGER item_text_fts_delete AFTER DELETE ON item_text BEGIN
         INSERT INTO item_text_fts (item_text_fts, rowid, search_stems) VALUES ('delete', old.id, old.search_stems);
       END""",
    """CREATE TRIGGER item_text_fts_update AFTER UPDATE OF search_stems ON item_text BEGIN
         INSERT INTO item_text_fts (item_text_fts, rowid, search_stems) VALUES ('delete', old.id, old.search_stems);
         INSERT INTO item_text_fts (rowid, search_stems) VALUES (new.id, new.search_stems);
       END""",
    "INSERT INTO item_text_fts (item_text_fts) VALUES ('rebuild')",
]
POSTGRESQL_INDEX = [
    "ALTER TABLE item_text ADD COLUMN search_vector tsvector"
    " GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_stems)) STORED",
    "CREATE INDEX ix_item_text_search_vector ON item_text USING gin (search_vector)",
]


def upgrade():
    with op.batch_alter_table('item_text') as batch:
        batch.add_column(sa.Column('search_stems', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('title_stems', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('stems_version', sa.Integer(), nullable=False, server_default='0'))
    for statement in SQLITE_INDEX if _is_sqlite() else POSTGRESQL_INDEX:
        op.execute(statement)


def downgrade():
    if _is_sqlite():
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER item_text_fts_{trigger}")
        op.execute("DROP TABLE item_text_fts")
    else:
        op.execute("DROP INDEX ix_item_text_search_vector")
        op.execute("ALTER TABLE item_text DROP COLUMN search_vector")
    with op.batch_alter_table('item_text') as batch:
        batch.drop_column('stems_version')
        batch.drop_column('title_stems')
        batch.drop_column('search_stems')


def _is_sqlite():
    return op.get_bind().dialect.name == "sqlite"
