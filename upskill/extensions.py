"""Flask extensions, created unbound and attached to the app in create_app."""
import sqlite3

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base of every model."""


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, _record):
    """Give every SQLite connection WAL mode, foreign keys, a busy timeout (15 s, as the load test needs) and a
    commit that reaches the disk before it returns (FULL: a power cut loses nothing acknowledged; NORMAL
    would keep the last commits only in the operating system's cache, for 0.3 ms a commit saved)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")  # a burst of writes waits its turn rather than failing
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
