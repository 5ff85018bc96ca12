"""Command-line interface: `flask --app upskill curriculum ...` and `... demo ...`."""
import json
import sys

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from upskill.curriculum.source import errors_of
from upskill.curriculum.stats import curriculum_stats
from upskill.curriculum.sync import CurriculumInvalid, sync_curriculum
from upskill.curriculum.source import read_curriculum
from upskill.curriculum.validate import check_folder
from upskill.pilot.suggestion_check import known_suggestion_problems
from upskill.extensions import db

curriculum_cli = AppGroup("curriculum", help="Check, sync and count the curriculum files.")
demo_cli = AppGroup("demo", help="Demonstration data for trying the platform.")

PATH_OPTION = click.option(
    "--path", type=click.Path(file_okay=False), default=None,
    help="Curriculum folder (default: the configured UPSKILL_CURRICULUM_DIR).",
)


def _folder(path):
    return path or current_app.config["CURRICULUM_DIR"]


def _print_problems(curriculum, problems):
    for problem in problems:
        click.echo(problem.format(curriculum.root), err=True)
    errors = len(errors_of(problems))
    click.echo(f"{errors} problem(s) and {len(problems) - errors} warning(s) found.", err=True)


UNKNOWN_CODES_SHOWN = 5  # a site without the pilot's records would otherwise get a line per code


@curriculum_cli.command("check")
@PATH_OPTION
@click.option("--against-db", is_flag=True,
              help="Also fail on a suggestion code in revisions.yaml that the database has no suggestion for.")
def check_command(path, against_db):
    """Validate every curriculum file; print problems and warnings as path:line: message.

    Exits 1 when there is a problem; warnings ask a person to look but do not fail. Only
    --against-db reads the database.
    """
    curriculum, problems = check_folder(_folder(path))
    if against_db:
        try:
            in_db = known_suggestion_problems(curriculum)
        except SQLAlchemyError as error:
            raise click.ClickException(f"--against-db: the database does not answer ({type(error).__name__}); "
                                       "check UPSKILL_DATABASE_URL") from None
        problems = sorted(problems + in_db, key=lambda p: (str(p.path), p.line))
    if problems:
        _print_problems(curriculum, problems)
    if errors_of(problems):
        sys.exit(1)
    click.echo(f"Curriculum OK: {len(curriculum.modules)} modules checked in {curriculum.root}.")


@curriculum_cli.command("sync")
@PATH_OPTION
def sync_command(path):
    """Store the curriculum in the database by code; refuse if `check` finds problems."""
    try:
        report = sync_curriculum(_folder(path))
    except CurriculumInvalid as invalid:
        db.session.rollback()
        _print_problems(invalid.curriculum, invalid.problems)
        click.echo("Nothing was synced: fix the problems above first.", err=True)
        sys.exit(1)
    db.session.commit()
    for label, codes in (("added", report.added), ("updated", report.updated),
                         ("restored", report.restored), ("retired", report.retired)):
        for code in codes:
            click.echo(f"{label:9} {code}")
    if report.changed:
        click.echo(f"Synced: {len(report.added)} added, {len(report.updated)} updated, "
                   f"{len(report.restored)} restored, {len(report.retired)} retired, "
                   f"{report.unchanged} unchanged.")
    else:
        click.echo(f"No changes: {report.unchanged} items and terms are up to date.")
    if report.restemmed:
        click.echo(f"Search index: new search tokens for {report.restemmed} texts.")
    _print_revision_report(report)


def _print_revision_report(report):
    if report.revision_texts:
        click.echo(f"Change log: {report.revision_texts} revision text(s) stored.")
    click.echo(f"Suggestions marked applied: {len(report.applied)}.")
    for warning in report.suggestion_warnings:
        click.echo(f"warning: {warning}", err=True)
    if unknown := report.unknown_suggestions:
        shown = ", ".join(unknown[:UNKNOWN_CODES_SHOWN]) + (", ..." if len(unknown) > UNKNOWN_CODES_SHOWN else "")
        click.echo(f"note: revisions.yaml names {len(unknown)} suggestion(s) this database has no record of "
                   f"({shown}); they are marked applied once they are here", err=True)


@curriculum_cli.command("archive")
@PATH_OPTION
@click.option("--revision", default=None, help="The revision archived (default: the one programme.yaml names).")
@click.option("--output", type=click.Path(dir_okay=False), required=True,
              help="The archive to write, e.g. curriculum/history/1.1.json.gz.")
def archive_command(path, revision, output):
    """Write the English text of every item of a curriculum folder to an archive of its revision."""
    from upskill.curriculum.history import ArchiveError, write_archive

    try:
        revision, count = write_archive(read_curriculum(_folder(path)), output, revision)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Archived {count} texts of revision {revision} in {output}.")


@curriculum_cli.command("stats")
@PATH_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_command(path, as_json):
    """Count modules, lessons, tasks, quiz questions, terms, figures, words and coverage."""
    curriculum, _ = check_folder(_folder(path))
    stats = curriculum_stats(curriculum)
    if as_json:
        click.echo(json.dumps(stats, indent=2))
        return
    for key in ("modules", "lessons", "tasks", "quiz_questions", "glossary_terms", "figures"):
        click.echo(f"{key.replace('_', ' '):16} {stats[key]}")
    for lang, words in stats["words"].items():
        click.echo(f"{lang}: {words:>8} words, {stats['coverage'][lang]:.0%} translated")


@curriculum_cli.command("translations")
@PATH_OPTION
@click.option("--lang", type=click.Choice(["lt", "fi", "fr"]), default=None, help="One language (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--diff", "diff_code", default=None, metavar="CODE",
              help="Print the English changes since CODE's translation was made (needs --lang).")
@click.option("--mark-current", "mark_code", default=None, metavar="CODE",
              help="Record that CODE's translation matches the English as it is now (CODE or 'all'; needs --lang).")
def translations_command(path, lang, as_json, diff_code, mark_code):
    """List translated, outdated and missing files per language and module, with English words."""
    from upskill.curriculum import translation_report

    curriculum = read_curriculum(_folder(path))
    langs = [lang] if lang else ["lt", "fi", "fr"]
    if (diff_code or mark_code) and not lang:
        raise click.UsageError("--diff and --mark-current need --lang")
    if mark_code:
        for changed in translation_report.mark_current(curriculum, lang, mark_code):
            click.echo(f"marked current: {changed}")
        return
    if diff_code:
        click.echo(translation_report.diff(curriculum, lang, diff_code))
        return
    report = translation_report.summary(curriculum, langs)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for lang_code, modules in report.items():
        for module, counts in modules.items():
            click.echo(f"{lang_code} {module or 'programme':<10} translated {counts['translated']:3d}  "
                       f"outdated {counts['outdated']:3d}  missing {counts['missing']:3d}  "
                       f"English words to translate {counts['words_to_do']:6d}")


@demo_cli.command("load")
def demo_load_command():
    """Load the demonstration schools and accounts (running it again changes nothing)."""
    from upskill.demo import load_demo

    created = load_demo()
    db.session.commit()
    click.echo(f"Demo data loaded: {created} new record(s).")
