"""A consistent view of the database to dump while the site keeps writing to it.

SQLite: a copy taken with sqlite3's online backup API into a temporary file (never a copy of the
live file). PostgreSQL: one REPEATABLE READ, read-only transaction, which sees one instant.
"""
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa


class SnapshotError(RuntimeError):
    """The database cannot be read consistently; the message says why."""


@contextmanager
def consistent_connection(engine):
    """Yield a connection on which every read sees the same instant of the database."""
    if engine.dialect.name == "sqlite":
        with sqlite_copy(engine.url.database) as copy:
            snapshot = sa.create_engine(f"sqlite:///{copy}")
            try:
                with snapshot.connect() as connection:
                    yield connection
            finally:
                snapshot.dispose()
    elif engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with connection.begin():
                yield connection
    else:
        raise SnapshotError(f"backups know SQLite and PostgreSQL, not {engine.dialect.name}")


@contextmanager
def sqlite_copy(database):
    """Yield the path of a copy of the SQLite file made by the online backup API, deleted afterwards."""
    if not database or database == ":memory:" or not Path(database).is_file():
        raise SnapshotError(f"no SQLite database file at {database!r}")
    with tempfile.TemporaryDirectory(prefix="upskill-backup-") as folder:
        copy = Path(folder) / "snapshot.sqlite3"
        source = sqlite3.connect(Path(database).resolve().as_uri() + "?mode=ro", uri=True, timeout=60)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)  # all pages in one step: the copy is of one instant
        finally:
            target.close()
            source.close()
        yield copy
