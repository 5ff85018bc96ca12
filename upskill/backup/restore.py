"""`restore`: an archive into an empty database of either engine, checked before and after, all or nothing."""
from dataclasses import dataclass

import flask_migrate
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from upskill.backup import archive, evidence, load, schema
from upskill.backup.archive import BackupInvalid
from upskill.backup.values import KINDS
from upskill.extensions import db


class DatabaseNotEmpty(RuntimeError):
    """The target database holds rows, and the restore was not told to replace them."""


class RestoreFailed(RuntimeError):
    """The database refused the backup's rows; everything was rolled back."""


def database_error(error):
    """The first line of what the database said, without the statement and its parameters."""
    said = str(getattr(error, "orig", None) or error).strip().splitlines()
    return f"{type(error).__name__}: {said[0] if said else 'no message'}"


@dataclass(frozen=True)
class RestoreSummary:
    """What a restore put where, for the person who ran it."""

    engine_from: str
    engine_to: str
    created_at: str
    migration_head: str
    tables: int
    rows: int
    files: int
    files_written: int


def describe(path):
    """Return the manifest of an archive (for a question before anything is written)."""
    with archive.reading(path) as (_, manifest):
        return manifest


def check_archive(out_of, manifest):
    """Refuse an archive whose manifest is incomplete or whose members are not what it says."""
    try:
        for entry in manifest["tables"]:
            if any(column["kind"] not in KINDS for column in entry["columns"]):
                raise BackupInvalid(f"table {entry['name']}: a column of a kind this version does not know")
            archive.check_member(out_of, archive.table_member(entry["name"]), entry["sha256"], entry["rows"])
        for entry in manifest["files"]:
            if not evidence.is_evidence_name(entry["path"]) or not entry["path"].endswith(entry["sha256"]):
                raise BackupInvalid(f"{entry['path']!r} is not the name of an evidence file with that content")
            archive.check_member(out_of, archive.file_member(entry["path"]), entry["sha256"])
        missing = [key for key in ("migration_head", "engine", "created_at") if key not in manifest]
        if missing:
            raise BackupInvalid(f"the manifest does not say {', '.join(missing)}")
    except (KeyError, TypeError, AttributeError) as error:
        raise BackupInvalid(f"the manifest is incomplete ({type(error).__name__}: {error})") from None


def rows_held():
    """Return {table: rows} for the tables of the models that hold rows in the configured database."""
    existing = set(sa.inspect(db.engine).get_table_names())
    with db.engine.connect() as connection:
        counts = {table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
                  for table in db.metadata.sorted_tables if table.name in existing}
    return {name: count for name, count in counts.items() if count}


def restore_backup(path, replace=False):
    """Restore the archive at path into the configured database and upload folder; return a summary."""
    with archive.reading(path) as (out_of, manifest):
        check_archive(out_of, manifest)
        head = manifest["migration_head"]
        schema.require_known(head)
        with db.engine.connect() as connection:
            current = schema.revision_of(connection)
        _refuse_rows(replace, current, head)
        schema.bring_to(current, head)
        written = []
        try:
            _restore_files(out_of, manifest, written)
            _restore_rows(out_of, manifest, replace)
        except BaseException:
            for name in written:
                evidence.remove_evidence(name)
            raise
    if head != schema.code_head():
        flask_migrate.upgrade()  # a backup of an older schema: the migrations carry its rows forward
    return RestoreSummary(manifest["engine"], db.engine.dialect.name, manifest["created_at"], head,
                          len(manifest["tables"]), sum(t["rows"] for t in manifest["tables"]),
                          len(manifest["files"]), len(written))


def _refuse_rows(replace, current, head):
    held = rows_held()
    if not held:
        return
    shown = ", ".join(f"{count} in {name}" for name, count in list(held.items())[:5])
    if not replace:
        raise DatabaseNotEmpty(f"the database already holds rows ({shown}): restore into an empty database, "
                               "or add --replace to delete its rows first")
    if current != head:
        raise DatabaseNotEmpty(f"the database holds rows at schema {current}, the backup is of schema {head}: "
                               "--replace only replaces rows of the same schema; restore into an empty database")


def _restore_files(out_of, manifest, written):
    """Store the evidence files not already there, adding each name to written once it is stored."""
    for entry in manifest["files"]:
        if not evidence.has_evidence(entry["path"]):
            evidence.write_evidence(entry["path"], archive.read_chunks(out_of, archive.file_member(entry["path"])))
            written.append(entry["path"])


def _restore_rows(out_of, manifest, replace):
    """Insert every table's rows in one transaction, and read them back before it commits."""
    with db.engine.begin() as connection:
        tables = load.target_tables(connection, manifest)
        ordered = [(tables[entry["name"]], entry) for entry in manifest["tables"]]
        if replace:
            for table, _ in reversed(ordered):
                connection.execute(table.delete())
        for table, entry in ordered:
            try:
                load.insert_rows(connection, out_of, table, entry)
            except SQLAlchemyError as error:
                raise RestoreFailed(f"the rows of {table.name} were refused ({database_error(error)}); "
                                    "the database was rolled back") from error
        load.reset_sequences(connection, [table for table, _ in ordered])
        for table, entry in ordered:
            load.check_rows(connection, table, entry)
