"""Fixtures: a new app per test on a migrated database (SQLite, or PostgreSQL when asked), and a browser."""
import contextlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

import flask_migrate
import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import create_engine, event, text
from werkzeug.serving import make_server

from tests import object_store
from upskill import create_app
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db

FIXTURE_CURRICULUM = Path(__file__).parent / "fixtures" / "curriculum"
REAL_CURRICULUM = Path(__file__).resolve().parent.parent / "curriculum"


def _reset_postgresql(url):
    """Empty the test database's public schema; refuse databases not named for tests."""
    if "test" not in url.rsplit("/", 1)[-1]:
        raise RuntimeError(f"refusing to wipe {url}: its name does not say test")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def pytest_collection_modifyitems(items):
    """Mark one_engine every test that never asks for the suite's database: its engine cannot change the outcome."""
    for item in items:
        if "database_url" not in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.one_engine)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A database with the schema made by the migrations, once per test session."""
    url = os.environ.get("UPSKILL_TEST_DATABASE_URL")
    if url:
        _reset_postgresql(url)
    else:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    migrate(url)
    return url


def migrate(url):
    """Give the database at url the schema, made by the migrations."""
    app = create_app({"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        flask_migrate.upgrade()
        db.engine.dispose()


UPLOADS = Path(tempfile.mkdtemp(prefix="upskill-test-uploads-"))


def make_app(database_url, **overrides):
    """Build an app for tests on the session database (uploads in a folder of this test run)."""
    config = {
        "UPLOADS_DIR": str(UPLOADS),
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "CURRICULUM_DIR": str(FIXTURE_CURRICULUM),
        "CONTENT_VERSION_TTL": 0,
        **overrides,
    }
    return create_app(config)


def empty_database(app):
    """Delete every row the test made, whatever it did, and let the app's connections go."""
    with app.app_context():
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.engine.dispose()


@pytest.fixture
def app(database_url):
    """A new app per test; every table is emptied afterwards, whatever the test did."""
    app = make_app(database_url)
    yield app
    empty_database(app)


@pytest.fixture
def app_factory(database_url):
    """Make apps with settings of their own on the test database; each is emptied and closed afterwards."""
    made = []

    def build(**overrides):
        made.append(make_app(database_url, **overrides))
        return made[-1]

    yield build
    for app in made:
        empty_database(app)


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on a loopback port, once per test session, with boto3's test credentials set."""
    saved = {name: os.environ.get(name) for name in object_store.CREDENTIALS}
    os.environ.update(object_store.CREDENTIALS)
    process, endpoint_url = object_store.start_moto()
    yield endpoint_url
    process.terminate()
    process.wait(timeout=10)
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def s3_bucket(s3_server):
    """A new bucket on the test S3 store; .settings points an app's storage at it. Removed afterwards."""
    bucket = object_store.new_bucket(s3_server)
    yield bucket
    bucket.empty_and_remove()


@pytest.fixture
def synced_app(app):
    """The app with the fixture curriculum synced into its database."""
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    return app


@pytest.fixture
def client(synced_app):
    return synced_app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def curriculum_copy(tmp_path):
    """A writable copy of the fixture curriculum, for tests that break it on purpose."""
    target = tmp_path / "curriculum"
    shutil.copytree(FIXTURE_CURRICULUM, target)
    return target


def get_at_once(app, path, times):
    """GET path from `times` clients released together; return the status codes."""
    barrier = threading.Barrier(times)
    statuses = []

    def ask():
        client = app.test_client()
        barrier.wait()
        statuses.append(client.get(path).status_code)

    threads = [threading.Thread(target=ask) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.fixture
def count_queries(synced_app):
    """Return a function that runs a request and counts the SQL statements it issued."""

    def count(path):
        return statements_of(synced_app, synced_app.test_client(), path)

    return count


def statements_of(app, client, path):
    """Run GET path with client; return the response and the SQL statements it issued (not PRAGMAs)."""
    statements = []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        response = client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return response, [s for s in statements if not s.lstrip().upper().startswith("PRAGMA")]


# Browser tests: Debian's Chromium driven by Playwright against the app on a local port.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_TESTS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (scripts/test installs it)"),
]


def closing_its_files(app):
    """The app, with every response's file closed once it is sent or abandoned.

    Werkzeug's development server reads the socket once more before it closes the response; when
    the browser has already dropped the connection (a favicon cut short by the next page), that
    read fails first and the file is left open, a ResourceWarning that fails whichever test runs.
    """
    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            yield from body
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


@contextlib.contextmanager
def serving(app):
    """Serve app on a free local port while the block runs; give its address."""
    http = make_server("127.0.0.1", 0, closing_its_files(app), threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{http.server_port}"
    finally:
        http.shutdown()
        thread.join()


@pytest.fixture
def server(synced_app):
    """The synced app served on a free local port for the length of one test."""
    with serving(synced_app) as address:
        yield address


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()
