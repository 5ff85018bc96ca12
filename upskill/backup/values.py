"""Column values in a portable form: each column has a kind, and each kind one JSON encoding."""
import base64
import json
import enum
from datetime import date, datetime, timezone
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

KINDS = ("integer", "number", "text", "boolean", "datetime", "date", "json", "enum", "bytes")


def kind_of(column_type):
    """Name the kind of a column's type; raise TypeError for a type the backup does not know."""
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    for sa_type, kind in ((sa.Enum, "enum"), (sa.Boolean, "boolean"), (sa.DateTime, "datetime"), (sa.Date, "date"),
                          (sa.JSON, "json"), (sa.LargeBinary, "bytes"), (sa.Integer, "integer"),
                          (sa.Numeric, "number"), (sa.String, "text")):
        if isinstance(column_type, sa_type):
            return kind
    raise TypeError(f"the backup does not know how to keep a column of type {column_type!r}")


def encode(value, kind):
    """Return the JSON-ready form of a value read from the database."""
    if value is None:
        return None
    if kind == "datetime":
        aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # the models keep UTC
        return aware.astimezone(timezone.utc).isoformat()
    if kind == "date":
        return value.isoformat()
    if kind == "enum":
        return value.name if isinstance(value, enum.Enum) else str(value)
    if kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    if kind == "number" and isinstance(value, Decimal):
        return str(value)
    if kind == "boolean":
        return bool(value)
    return value


def decode(value, kind):
    """Return the value to insert for a value read from an archive."""
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value).astimezone(timezone.utc)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "bytes":
        return base64.b64decode(value)
    if kind == "number" and isinstance(value, str):
        return Decimal(value)
    return value


def order_of(table, dialect_name):
    """The ORDER BY of a table's primary key, strings compared by code point on every engine."""
    order = []
    for column in table.primary_key.columns:
        native_enum = isinstance(column.type, sa.Enum) and column.type.native_enum and dialect_name != "sqlite"
        if dialect_name == "postgresql" and isinstance(column.type, sa.String) and not native_enum:
            order.append(column.collate("C"))
        else:
            order.append(column)
    return order


def row_line(row, kinds):
    """Return one row as the line a backup stores: a compact JSON array, without the newline."""
    return json.dumps([encode(value, kind) for value, kind in zip(row, kinds)],
                      ensure_ascii=False, separators=(",", ":")).encode()
