"""The schema comes from the migrations, matches the models, and starting the app creates nothing."""
import flask_migrate
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from tests.conftest import make_app
from upskill import create_app
from upskill.extensions import db
from upskill.models.search_index import outside_the_models


def test_models_match_the_migrations(app):
    with app.app_context():
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": outside_the_models})
            differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_starting_the_app_creates_no_tables(tmp_path):
    url = "sqlite:///" + str(tmp_path / "fresh.sqlite3")
    app = make_app(url)
    app.test_client().get("/healthz")
    assert inspect(create_engine(url)).get_table_names() == []


def test_db_upgrade_creates_the_schema_and_downgrade_removes_it(tmp_path):
    url = "sqlite:///" + str(tmp_path / "fresh.sqlite3")
    app = make_app(url)
    with app.app_context():
        flask_migrate.upgrade()
        tables = set(inspect(db.engine).get_table_names())
        flask_migrate.downgrade(revision="base")
        remaining = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert {"curriculum_item", "item_text", "glossary_term", "school", "user_account"} <= tables
    assert remaining == {"alembic_version"}


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_commits_that_reach_the_disk(tmp_path):
    app = create_app({"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'tuned.sqlite3'}"})
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: a power cut loses no commit
    with app.app_context():
        db.engine.dispose()
