"""The schema a backup belongs to: the migration heads of the code and of a database."""
import flask_migrate
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app


class SchemaMismatch(RuntimeError):
    """A backup and a database (or this code) are at schemas that do not fit; the message says how."""


def _scripts():
    return ScriptDirectory(current_app.extensions["migrate"].directory)


def code_head():
    """Return the newest migration this code knows."""
    return _scripts().get_current_head()


def revision_of(connection):
    """Return the migration a database is at (None before the first)."""
    return MigrationContext.configure(connection).get_current_revision()


def require_known(revision):
    """Refuse a backup whose schema this code does not know (made by a newer version)."""
    try:
        known = revision is not None and _scripts().get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise SchemaMismatch(f"the backup is of schema {revision}, which this version of UPSKILL does not know "
                             f"(its newest is {code_head()}): restore it with the version that made it, or a newer one")


def ancestors_of(revision):
    """Return the set of migrations up to and including revision."""
    return {script.revision for script in _scripts().iterate_revisions(revision, "base")}


def bring_to(current, revision):
    """Migrate an empty database from current to revision (up, or down from a newer schema)."""
    if current == revision:
        return
    if current is None or current in ancestors_of(revision):
        flask_migrate.upgrade(revision=revision)
    else:
        flask_migrate.downgrade(revision=revision)
