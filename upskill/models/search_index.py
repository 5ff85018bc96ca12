"""The database's full-text index over ItemText.search_stems, which the models do not map.

Migration 0009 makes it: on SQLite an external-content FTS5 table kept in step by triggers, on
PostgreSQL a stored generated tsvector column with a GIN index. Both index the same tokens,
split at the spaces, so both find the same rows.
"""
import sqlalchemy as sa

FTS_TABLE = "item_text_fts"
VECTOR_COLUMN = "search_vector"
VECTOR_INDEX = "ix_item_text_search_vector"

_fts = sa.table(FTS_TABLE, sa.column("rowid"), sa.column("search_stems"))
_vector = sa.table("item_text", sa.column("id"), sa.column(VECTOR_COLUMN))


def text_ids_matching(search_query, dialect_name):
    """Return a SELECT of the ids of the item texts the query matches, through the index."""
    if dialect_name == "sqlite":
        return sa.select(_fts.c.rowid).where(_fts.c.search_stems.op("MATCH")(search_query.fts5()))
    tsquery = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), search_query.tsquery())
    return sa.select(_vector.c.id).where(_vector.c[VECTOR_COLUMN].op("@@")(tsquery))


def outside_the_models(obj, name, type_, reflected, compare_to):
    """Tell Alembic's comparison to leave the index alone: the models do not describe it."""
    if type_ == "table" and name is not None and name.startswith(FTS_TABLE):
        return False  # the FTS5 table and the shadow tables SQLite keeps for it
    return not (type_ == "column" and name == VECTOR_COLUMN) and not (type_ == "index" and name == VECTOR_INDEX)
