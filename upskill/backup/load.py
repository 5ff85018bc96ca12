"""Rows from an archive into a database: bulk inserts in foreign-key order, then a check by re-reading."""
import hashlib
import json

import sqlalchemy as sa

from upskill.backup import archive
from upskill.backup.archive import BackupInvalid
from upskill.backup.values import decode, order_of, row_line

ROWS_PER_INSERT = 500


def target_tables(connection, manifest):
    """Reflect the target's tables named by the manifest; refuse one that is missing or lacks a column."""
    names = [entry["name"] for entry in manifest["tables"]]
    metadata = sa.MetaData()
    metadata.reflect(connection, only=lambda name, _: name in names)
    for entry in manifest["tables"]:
        table = metadata.tables.get(entry["name"])
        if table is None:
            raise BackupInvalid(f"the database has no table {entry['name']} for the backup's rows")
        missing = [c["name"] for c in entry["columns"] if c["name"] not in table.c]
        if missing:
            raise BackupInvalid(f"the database's table {table.name} has no column {', '.join(missing)}")
    return metadata.tables


def insert_rows(connection, out_of, table, entry):
    """Insert the rows of one table; a column naming its own table's rows is filled in afterwards."""
    names = [c["name"] for c in entry["columns"]]
    kinds = [c["kind"] for c in entry["columns"]]
    later = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table and fk.parent.name in names]
    pk = entry["primary_key"]
    batch, updates = [], []
    for number, line in enumerate(archive.read_lines(out_of, archive.table_member(entry["name"])), 1):
        row = _row_of(line, names, kinds, f"{entry['name']} row {number}")
        if later and any(row[name] is not None for name in later):
            updates.append({**{f"old_{k}": row[k] for k in pk}, **{name: row[name] for name in later}})
            row.update({name: None for name in later})
        batch.append(row)
        if len(batch) == ROWS_PER_INSERT:
            connection.execute(table.insert(), batch)
            batch = []
    if batch:
        connection.execute(table.insert(), batch)
    if updates:
        where = sa.and_(*(table.c[k] == sa.bindparam(f"old_{k}") for k in pk))
        connection.execute(table.update().where(where).values({name: sa.bindparam(name) for name in later}), updates)


def _row_of(line, names, kinds, where):
    try:
        values = json.loads(line)
        if not isinstance(values, list) or len(values) != len(names):
            raise ValueError(f"{len(names)} values expected")
        return {name: decode(value, kind) for name, value, kind in zip(names, values, kinds)}
    except (ValueError, TypeError, AttributeError) as error:
        raise BackupInvalid(f"{where} cannot be read ({error})") from None


def reset_sequences(connection, tables):
    """Move each PostgreSQL id sequence past the ids inserted, so new rows get new ids."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        if len(table.primary_key.columns) != 1:
            continue
        column = next(iter(table.primary_key.columns))
        sequence = connection.scalar(sa.select(sa.func.pg_get_serial_sequence(table.name, column.name)))
        if sequence:
            highest = connection.scalar(sa.select(sa.func.max(column))) or 0
            connection.execute(sa.select(sa.func.setval(sequence, highest + 1, False)))


def check_rows(connection, table, entry):
    """Refuse a table whose rows, read back as a backup reads them, are not the manifest's."""
    names = [c["name"] for c in entry["columns"]]
    kinds = [c["kind"] for c in entry["columns"]]
    query = sa.select(*(table.c[name] for name in names)).order_by(*order_of(table, connection.dialect.name))
    digest, count = hashlib.sha256(), 0
    for row in connection.execute(query):
        digest.update(row_line(row, kinds) + b"\n")
        count += 1
    if count != entry["rows"]:
        raise BackupInvalid(f"{table.name}: {count} rows in the database after the restore, "
                            f"the backup has {entry['rows']}")
    if digest.hexdigest() != entry["sha256"]:
        raise BackupInvalid(f"{table.name}: the rows read back differ from the backup's")
