"""`flask --app upskill backup [--to FILE]` and `flask --app upskill restore FILE [--yes] [--replace]`."""
import click
from flask.cli import with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from upskill.backup.archive import BackupInvalid
from upskill.backup.dump import make_backup
from upskill.backup.restore import DatabaseNotEmpty, RestoreFailed, database_error, describe, restore_backup
from upskill.backup.schema import SchemaMismatch
from upskill.backup.snapshot import SnapshotError
from upskill.extensions import db


@click.command("backup")
@click.option("--to", "to", type=click.Path(dir_okay=False), default=None,
              help="The archive to write (default: instance/backups/upskill-<date>-<time>.zip).")
@with_appcontext
def backup_command(to):
    """Back up the database and the evidence files into one archive, while the site keeps running."""
    try:
        summary = make_backup(to)
    except (SchemaMismatch, SnapshotError, OSError) as error:
        raise click.ClickException(f"No backup was made: {error}") from None
    except SQLAlchemyError as error:
        raise click.ClickException(f"No backup was made: {database_error(error)}") from None
    click.echo(f"Backed up {summary.rows} rows in {summary.tables} tables and {summary.files} evidence files "
               f"to {summary.path} ({summary.size / 1e6:.1f} MB). Built books are not included: they are rebuilt.")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask before writing into the database.")
@click.option("--replace", is_flag=True, help="Delete the rows the database holds before restoring.")
@with_appcontext
def restore_command(file, yes, replace):
    """Restore a backup into an empty database (SQLite or PostgreSQL) and the upload folder."""
    try:
        manifest = describe(file)
        if not yes:
            click.confirm(f"Restore the {manifest.get('engine')} backup made at {manifest.get('created_at')} into "
                          f"{db.engine.url.render_as_string(hide_password=True)}?", abort=True)
        summary = restore_backup(file, replace=replace)
    except (BackupInvalid, DatabaseNotEmpty, RestoreFailed, SchemaMismatch, OSError) as error:
        raise click.ClickException(f"Nothing was restored: {error}") from None
    except SQLAlchemyError as error:
        raise click.ClickException(f"Nothing was restored: {database_error(error)}") from None
    click.echo(f"Restored the {summary.engine_from} backup made at {summary.created_at} into {summary.engine_to}: "
               f"{summary.rows} rows in {summary.tables} tables and {summary.files} evidence files "
               f"({summary.files_written} written, the others were already there); rows and files match the "
               f"manifest; schema {summary.migration_head}.")
