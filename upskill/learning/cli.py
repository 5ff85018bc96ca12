"""`flask --app upskill files check`: the evidence folder against the database, after a crash or a restore."""
import sys

import click
from flask.cli import AppGroup

from upskill.learning.files_check import check_files, remove_orphans

files_cli = AppGroup("files", help="Check the students' evidence files against the database.")


@files_cli.command("check")
@click.option("--remove-orphans", "remove", is_flag=True,
              help="Delete the files that no hand-in names (left by a crash or an interrupted erasure).")
@click.option("--grace", default=600, show_default=True, type=click.IntRange(min=0),
              help="Seconds during which an unnamed file may still be a hand-in being saved, and is left alone.")
def check_command(remove, grace):
    """List orphan files, and hand-ins whose file is missing or altered; exit 1 if any problem remains."""
    report = check_files(grace)
    for relative, size in report.orphans:
        click.echo(f"orphan: {relative} ({size} bytes): no hand-in names it")
    for sha256, ids in report.missing:
        click.echo(f"missing: {sha256} (evidence file {', '.join(map(str, ids))}): the file is gone")
    for sha256, ids, problem in report.damaged:
        click.echo(f"damaged: {sha256} (evidence file {', '.join(map(str, ids))}): {problem}")
    removed = remove_orphans(report) if remove and report.orphans else 0
    click.echo(f"{report.checked} stored file(s) checked: {len(report.orphans)} orphan(s), "
               f"{len(report.missing)} missing, {len(report.damaged)} damaged"
               + (f"; {report.recent} newer than {grace} s left alone" if report.recent else "")
               + (f"; {removed} orphan(s) removed" if remove else "") + ".")
    if report.problems - removed:
        sys.exit(1)
