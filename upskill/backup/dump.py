"""`backup`: the database as JSON lines per table and the evidence files, in one archive."""
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from upskill.backup import archive, evidence, schema
from upskill.backup.snapshot import consistent_connection
from upskill.backup.values import kind_of, order_of, row_line
from upskill.extensions import db
from upskill.security import private_folder

ROWS_PER_FETCH = 2000


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, for the person who made it."""

    path: Path
    tables: int
    rows: int
    files: int
    size: int


def default_path(now):
    """instance/backups/upskill-<date>-<time>.zip"""
    folder = private_folder(Path(current_app.instance_path) / "backups")
    return folder / f"upskill-{now:%Y-%m-%d-%H%M%S}.zip"


def table_lines(connection, table, kinds):
    """Yield each row of table as one JSON line, in primary-key order."""
    query = sa.select(table).order_by(*order_of(table, connection.dialect.name))
    for row in connection.execution_options(yield_per=ROWS_PER_FETCH).execute(query):
        yield row_line(row, kinds)


def dump_tables(connection, out):
    """Write every table of the models into the archive; return their manifest entries."""
    entries = []
    for table in db.metadata.sorted_tables:  # parents before children: the order a restore inserts in
        kinds = [kind_of(column.type) for column in table.columns]
        rows, sha256 = archive.write_lines(out, archive.table_member(table.name), table_lines(connection, table, kinds))
        entries.append({"name": table.name, "rows": rows, "sha256": sha256,
                        "primary_key": [column.name for column in table.primary_key.columns],
                        "columns": [{"name": c.name, "kind": k} for c, k in zip(table.columns, kinds)]})
    return entries


def dump_files(out):
    """Write every evidence file into the archive; return their manifest entries."""
    entries = []
    for name in evidence.evidence_names():
        size, sha256 = archive.write_chunks(out, archive.file_member(name), evidence.read_chunks(name))
        entries.append({"path": name, "size": size, "sha256": sha256})
    return entries


def make_backup(to=None):
    """Write a backup of the database and the evidence files to `to` (default: instance/backups/)."""
    now = datetime.now(timezone.utc)
    path = Path(to) if to else default_path(now)
    with consistent_connection(db.engine) as connection:
        head = schema.revision_of(connection)
        if head != schema.code_head():
            raise schema.SchemaMismatch(f"the database is at schema {head or 'none (never migrated)'}, this code "
                                        f"expects {schema.code_head()}: run `flask --app upskill db upgrade` first")
        with archive.writing(path) as out:
            tables = dump_tables(connection, out)
            files = dump_files(out)  # listed after the snapshot: every file a row names is already stored
            archive.write_manifest(out, {
                "format": archive.FORMAT, "format_version": archive.FORMAT_VERSION, "app_version": _app_version(),
                "migration_head": head, "engine": connection.dialect.name, "created_at": now.isoformat(),
                "books": "not included: built books are made again from the curriculum when first downloaded",
                "tables": tables, "files": files,
            })
    return BackupSummary(path, len(tables), sum(t["rows"] for t in tables), len(files), path.stat().st_size)


def _app_version():
    try:
        return version("upskill")
    except PackageNotFoundError:
        return "unknown"
