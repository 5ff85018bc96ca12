"""Backups: `backup` and `restore` keep every row and file, across engines, and refuse what would do harm."""
import hashlib
import json
import threading
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import flask_migrate
import pytest
import sqlalchemy as sa

from tests.conftest import FIXTURE_CURRICULUM, empty_database, make_app
from tests.postgresql import OwnDatabases
from tests.test_search import found, search
from upskill.backup import evidence
from upskill.backup.values import order_of
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import AuditEvent, School, User

SEARCHED = "feed throat"


def every_row(app):
    """Return {table: [row, ...]} of every table of the models, typed by the models, in primary-key order."""
    with app.app_context():
        dialect = db.engine.dialect.name
        return {table.name: [tuple(row) for row in db.session.execute(
                    sa.select(table).order_by(*order_of(table, dialect)))]
                for table in db.metadata.sorted_tables}


def every_file(folder):
    """Return {path: sha256} of every file under folder."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def original(database_url, tmp_path_factory):
    """The demo data on the suite's database, backed up; its rows, files and a search, as they were."""
    folder = tmp_path_factory.mktemp("original")
    app = make_app(database_url, UPLOADS_DIR=str(folder / "uploads"))
    try:
        with app.app_context():
            sync_curriculum(FIXTURE_CURRICULUM)
            db.session.commit()
        assert "Demo data loaded" in app.test_cli_runner().invoke(args=["demo", "load"]).output
        result = app.test_cli_runner().invoke(args=["backup", "--to", str(folder / "backup.zip")])
        assert result.exit_code == 0, result.output
        yield {"archive": folder / "backup.zip", "rows": every_row(app), "files": every_file(folder / "uploads"),
               "found": found(search(app.test_client(), SEARCHED)), "engine": database_url.split(":", 1)[0]}
    finally:
        empty_database(app)


@pytest.fixture
def own_postgresql():
    """Make new PostgreSQL databases of this test's own, dropped afterwards."""
    databases = OwnDatabases("upskill_backup_test")
    yield databases.create
    databases.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path, own_postgresql):
    """An app on a new, empty database of each engine (not even migrated) with an empty upload folder."""
    url = f"sqlite:///{tmp_path / 'restored.sqlite3'}" if request.param == "sqlite" else own_postgresql()
    app = make_app(url, UPLOADS_DIR=str(tmp_path / "restored-uploads"))
    yield app
    with app.app_context():
        db.engine.dispose()


def restore(app, archive, *options):
    return app.test_cli_runner().invoke(args=["restore", str(archive), "--yes", *options])


def test_a_restored_backup_has_every_row_and_file_and_search_finds_the_same(original, target):
    result = restore(target, original["archive"])
    assert result.exit_code == 0, result.output
    assert f"Restored the {original['engine'].split('+')[0]} backup" in result.output
    assert "rows and files match the manifest" in result.output
    restored = every_row(target)
    for table, rows in original["rows"].items():
        assert restored[table] == rows, table
    assert sum(map(len, restored.values())) > 500 and restored["evidence_file"]
    assert every_file(Path(target.config["UPLOADS_DIR"])) == original["files"] != {}
    assert original["found"] and found(search(target.test_client(), SEARCHED)) == original["found"]


def test_new_rows_after_a_restore_get_new_ids(original, target):
    assert restore(target, original["archive"]).exit_code == 0
    highest = max(row[0] for row in original["rows"]["audit_event"])
    with target.app_context():
        event = AuditEvent(action="after-restore", detail={})
        db.session.add(event)
        db.session.commit()
        assert event.id > highest


def test_restore_refuses_a_database_that_holds_rows_unless_told_to_replace_them(original, tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'busy.sqlite3'}", UPLOADS_DIR=str(tmp_path / "uploads"))
    with app.app_context():
        flask_migrate.upgrade()
        db.session.add(School(code="KEEP", name="A school with its own records", city="Vilnius", country="LT"))
        db.session.commit()
    refused = restore(app, original["archive"])
    assert refused.exit_code == 1
    assert "Nothing was restored: the database already holds rows (" in refused.output
    assert "1 in school" in refused.output and "--replace" in refused.output
    assert [row[1] for row in every_row(app)["school"]] == ["KEEP"] and not (tmp_path / "uploads").exists()
    replaced = restore(app, original["archive"], "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert every_row(app)["school"] == original["rows"]["school"]
    assert restore(app, original["archive"], "--replace").exit_code == 0  # over the whole of the demo's rows
    assert every_row(app) == original["rows"]


def rewritten(archive, destination, change):
    """Copy the archive to destination with change(name, data) applied to every member's bytes."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(destination, "w") as out:
        for member in source.namelist():
            out.writestr(member, change(member, source.read(member)))
    return destination


def nothing_written(app, uploads):
    with app.app_context():
        assert sa.inspect(db.engine).get_table_names() == []
    return not uploads.exists() or not any(uploads.rglob("*"))


def test_a_damaged_archive_is_refused_before_anything_is_written(original, tmp_path):
    photo = next(name for name in original["files"])
    damaged = rewritten(original["archive"], tmp_path / "damaged.zip",
                        lambda member, data: data[:-1] + b"!" if member == f"files/{photo}" else data)
    app = make_app(f"sqlite:///{tmp_path / 'new.sqlite3'}", UPLOADS_DIR=str(tmp_path / "uploads"))
    result = restore(app, damaged)
    assert result.exit_code == 1
    assert f"Nothing was restored: files/{photo} does not have the sha256 the manifest gives" in result.output
    assert nothing_written(app, tmp_path / "uploads")


def with_table_lines(archive, destination, table, change):
    """Copy the archive with change(lines) applied to one table's rows, the manifest made to agree."""
    with zipfile.ZipFile(archive) as source:
        lines = change(source.read(f"tables/{table}.jsonl").splitlines(keepends=True))
        manifest = json.loads(source.read("manifest.json"))
    entry = next(entry for entry in manifest["tables"] if entry["name"] == table)
    entry.update(rows=len(lines), sha256=hashlib.sha256(b"".join(lines)).hexdigest())
    replaced = {f"tables/{table}.jsonl": b"".join(lines), "manifest.json": json.dumps(manifest).encode()}
    return rewritten(archive, destination, lambda member, data: replaced.get(member, data))


def test_a_restore_that_fails_halfway_leaves_no_rows_and_no_files(original, target, tmp_path):
    clash = with_table_lines(original["archive"], tmp_path / "clash.zip", "showcase_comment",
                             lambda lines: lines + lines[:1])  # the first comment twice: the same id
    result = restore(target, clash)
    assert result.exit_code == 1
    assert "Nothing was restored: the rows of showcase_comment were refused (IntegrityError: " in result.output
    assert "the database was rolled back" in result.output and len(result.output.splitlines()[-1]) < 400
    assert all(rows == [] for rows in every_row(target).values())
    assert every_file(Path(target.config["UPLOADS_DIR"])) == {}


def test_restore_asks_before_it_writes(original, tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'new.sqlite3'}", UPLOADS_DIR=str(tmp_path / "uploads"))
    result = app.test_cli_runner().invoke(args=["restore", str(original["archive"])], input="n\n")
    assert "Restore the " in result.output and "backup made at" in result.output
    assert result.exit_code == 1 and "Aborted" in result.output
    assert nothing_written(app, tmp_path / "uploads")


# What migration 0011 (fef860cca131) added: a backup without them is one of schema 0010 (7c3e5a9d1f20).
TABLES_OF_0011 = {"item_revision_text", "pilot_version", "survey_answer", "survey_taken", "showcase_consent",
                  "showcase_item", "showcase_comment"}
SUGGESTION_COLUMNS_OF_0011 = {"triaged_by_id", "triaged_at"}


def as_of_schema_0010(archive, destination):
    """Copy the archive as the version before migration 0011 would have written it."""
    with zipfile.ZipFile(archive) as source:
        manifest = json.loads(source.read("manifest.json"))
        suggestion = next(entry for entry in manifest["tables"] if entry["name"] == "suggestion")
        keep = [i for i, c in enumerate(suggestion["columns"]) if c["name"] not in SUGGESTION_COLUMNS_OF_0011]
        lines = b"".join(json.dumps([json.loads(line)[i] for i in keep], ensure_ascii=False,
                                    separators=(",", ":")).encode() + b"\n"
                         for line in source.read("tables/suggestion.jsonl").splitlines())
    suggestion.update(columns=[suggestion["columns"][i] for i in keep], sha256=hashlib.sha256(lines).hexdigest())
    manifest.update(migration_head="7c3e5a9d1f20",
                    tables=[entry for entry in manifest["tables"] if entry["name"] not in TABLES_OF_0011])
    replaced = {"tables/suggestion.jsonl": lines, "manifest.json": json.dumps(manifest).encode()}
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(destination, "w") as out:
        for member in source.namelist():
            if member.removeprefix("tables/").removesuffix(".jsonl") not in TABLES_OF_0011:
                out.writestr(member, replaced.get(member, source.read(member)))
    return destination


def test_a_backup_of_an_older_schema_is_restored_and_migrated_up(original, target, tmp_path):
    result = restore(target, as_of_schema_0010(original["archive"], tmp_path / "old.zip"))
    assert result.exit_code == 0, result.output
    assert "schema 7c3e5a9d1f20" in result.output and "Running upgrade 7c3e5a9d1f20 -> fef860cca131" in result.output
    restored = every_row(target)
    assert len(restored["suggestion"]) == len(original["rows"]["suggestion"]) > 0
    assert restored["task_work"] == original["rows"]["task_work"]
    assert all(restored[table] == [] for table in TABLES_OF_0011 - {"pilot_version"})
    with target.app_context(), db.engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT version_num FROM alembic_version")) == "fef860cca131"


def test_a_backup_of_a_newer_schema_or_not_a_backup_at_all_is_refused(original, tmp_path):
    def newer(member, data):
        return data.replace(b'"migration_head": "', b'"migration_head": "f00d') if member == "manifest.json" else data

    app = make_app(f"sqlite:///{tmp_path / 'new.sqlite3'}", UPLOADS_DIR=str(tmp_path / "uploads"))
    result = restore(app, rewritten(original["archive"], tmp_path / "newer.zip", newer))
    assert result.exit_code == 1 and "which this version of UPSKILL does not know" in result.output
    (tmp_path / "notes.txt").write_text("not a backup")
    result = restore(app, tmp_path / "notes.txt")
    assert result.exit_code == 1 and "cannot be read as a backup archive" in result.output
    assert nothing_written(app, tmp_path / "uploads")


def test_the_manifest_says_what_the_backup_holds(original):
    with zipfile.ZipFile(original["archive"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "upskill-backup" and manifest["format_version"] == 1
        assert manifest["engine"] == original["engine"].split("+")[0]
        assert datetime.fromisoformat(manifest["created_at"]).tzinfo is not None
        assert {t["name"]: t["rows"] for t in manifest["tables"]} == {n: len(r) for n, r in original["rows"].items()}
        assert {f["path"]: f["sha256"] for f in manifest["files"]} == original["files"]
        first_work = json.loads(archive.read("tables/task_work.jsonl").splitlines()[0])
    kinds = {c["name"]: c["kind"] for t in manifest["tables"] if t["name"] == "task_work" for c in t["columns"]}
    assert kinds["checklist"] == "json" and kinds["updated_at"] == "datetime"
    assert first_work[list(kinds).index("updated_at")].endswith("+00:00")


def test_backup_without_to_writes_a_dated_archive_in_the_instance_folder(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'empty.sqlite3'}", UPLOADS_DIR=str(tmp_path / "uploads"))
    app.instance_path = str(tmp_path / "instance")
    with app.app_context():
        flask_migrate.upgrade()
    result = app.test_cli_runner().invoke(args=["backup"])
    assert result.exit_code == 0, result.output
    made = list((tmp_path / "instance" / "backups").iterdir())
    assert [path.name[:18] for path in made] == [f"upskill-{datetime.now(timezone.utc):%Y-%m-%d}"]
    assert f"Backed up 0 rows in {len(db.metadata.sorted_tables)} tables and 0 evidence files" in result.output


def test_a_backup_that_fails_leaves_no_archive_behind(original, tmp_path, monkeypatch):
    def unreadable(name):
        raise PermissionError(f"cannot read {name}")

    app = make_app(f"sqlite:///{tmp_path / 'unmigrated.sqlite3'}", UPLOADS_DIR=str(tmp_path / "uploads"))
    result = app.test_cli_runner().invoke(args=["backup", "--to", str(tmp_path / "b.zip")])
    assert result.exit_code == 1 and "No backup was made: the database is at schema none" in result.output
    assert restore(app, original["archive"]).exit_code == 0
    (tmp_path / "backups").mkdir()
    monkeypatch.setattr(evidence, "read_chunks", unreadable)  # the disk fails halfway through the files
    result = app.test_cli_runner().invoke(args=["backup", "--to", str(tmp_path / "backups" / "b.zip")])
    assert result.exit_code == 1 and "No backup was made: cannot read" in result.output
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_backup_taken_while_the_site_writes_is_of_one_instant(target, tmp_path):
    app = target  # the site, on a database of each engine
    with app.app_context():
        flask_migrate.upgrade()
    stop, written, failed = threading.Event(), [], []

    def enrol_schools():  # each transaction adds a school and its first user: never one without the other
        with app.app_context():
            try:
                while not stop.is_set() and len(written) < 5000:
                    school = School(code=f"S{len(written)}", name="School", city="Kaunas", country="LT")
                    db.session.add_all([school, User(email=f"u{len(written)}@example.org", name="U", school=school)])
                    db.session.commit()
                    written.append(school.code)
            except Exception as error:  # the test says so below, instead of a thread dying unseen
                failed.append(error)

    writer = threading.Thread(target=enrol_schools)
    writer.start()
    try:
        while len(written) < 20 and not failed:
            stop.wait(0.01)
        before = len(written)
        result = app.test_cli_runner().invoke(args=["backup", "--to", str(tmp_path / "live.zip")])
        during = len(written) - before
    finally:
        stop.set()
        writer.join()
    assert result.exit_code == 0, result.output
    assert not failed, failed
    with zipfile.ZipFile(tmp_path / "live.zip") as archive:
        rows = {t["name"]: t["rows"] for t in json.loads(archive.read("manifest.json"))["tables"]}
    print(f"schools: {before} written before the backup, {during} while it ran, {rows['school']} in it")
    assert before <= rows["school"] <= len(written) and rows["school"] == rows["user_account"]
    copy = make_app(f"sqlite:///{tmp_path / 'copy.sqlite3'}", UPLOADS_DIR=str(tmp_path / "copy-uploads"))
    assert restore(copy, tmp_path / "live.zip").exit_code == 0
    assert len(every_row(copy)["user_account"]) == rows["school"]
