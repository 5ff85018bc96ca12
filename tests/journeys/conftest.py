"""Fixtures of the journeys: a gunicorn server per module on the synced test database, and screenshots."""
import os
import re
from pathlib import Path

import pytest

from tests.conftest import BROWSER_TESTS, FIXTURE_CURRICULUM, UPLOADS, empty_database, make_app
from tests.journeys.live_server import start_gunicorn, stop_gunicorn
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db

SCREENSHOTS = Path(os.environ.get("UPSKILL_TEST_SCREENSHOTS") or Path(__file__).resolve().parents[1] / ".screenshots")


def pytest_collection_modifyitems(items):
    """Every journey runs in Chromium: mark it so, and skip it where Debian's chromium is missing."""
    for item in items:
        if "tests/journeys/" in str(item.fspath).replace(os.sep, "/"):
            for mark in BROWSER_TESTS:
                item.add_marker(mark)


@pytest.fixture(scope="module")
def journey_curriculum():
    """The curriculum a module's server serves (a module may override it)."""
    return FIXTURE_CURRICULUM


@pytest.fixture(scope="module")
def journey_app(database_url, journey_curriculum, tmp_path_factory):
    """An app on the test database with the curriculum synced, for setting up data; emptied after the module."""
    books = tmp_path_factory.mktemp("books")
    app = make_app(database_url, CURRICULUM_DIR=str(journey_curriculum), BOOKS_DIR=str(books))
    with app.app_context():
        sync_curriculum(journey_curriculum)
        db.session.commit()
    yield app
    empty_database(app)


@pytest.fixture(scope="module")
def live_server(journey_app, tmp_path_factory):
    """gunicorn (2 workers) serving the journey app's database, curriculum, uploads and books."""
    config = journey_app.config
    settings = {"DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"], "SECRET_KEY": "journeys-" + "x" * 24,
                "CURRICULUM_DIR": config["CURRICULUM_DIR"], "UPLOADS_DIR": str(UPLOADS),
                "BOOKS_DIR": config["BOOKS_DIR"], "CONTENT_VERSION_TTL": 0}
    server = start_gunicorn(settings, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log")
    yield server
    stop_gunicorn(server)


@pytest.fixture(autouse=True)
def no_traceback_in_the_server_log(live_server):
    """Fail a journey whose requests made the server log a traceback."""
    before = len(live_server.log())
    yield
    added = live_server.log()[before:]
    assert "Traceback" not in added, added


@pytest.fixture
def shots(request):
    """shots(page, step): save a screenshot (the whole page unless told) under SCREENSHOTS/<test>/NN-step.png."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    taken = []

    def shot(page, step, full_page=True):
        taken.append(folder / f"{len(taken) + 1:02d}-{step}.png")
        page.screenshot(path=str(taken[-1]), full_page=full_page)
        return taken[-1]

    return shot
