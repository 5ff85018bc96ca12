"""Redis dies (or freezes) under a site that has UPSKILL_REDIS_URL set: the site goes on, then uses it again.

The tests run their own redis-server on 127.0.0.1:6391 and kill it with SIGKILL mid-test: pages
still answer, signing in works and the throttle still refuses a flood from one address, a book
asked for is built in-process, a hand-in is saved, the outage is one WARNING in the log and not a
traceback per request, and once Redis is back the counts and the queue are in Redis again.
"""
import logging
import shutil
import signal
import subprocess
import threading
import time

import pytest
from redis import Redis
from rq import Queue
from sqlalchemy import select

from tests.accounts import log_in
from tests.conftest import FIXTURE_CURRICULUM, empty_database, make_app
from tests.test_task_work import TASK, hand_in
from tests.work import photo_with_location, set_up_school
from upskill import jobs, storage
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.learning import uploads
from upskill.models import EvidenceFile

PORT = 6391
REDIS_URL = f"redis://127.0.0.1:{PORT}/0"
BOOKS = ("upskill-teachers-book-m01-en-r0.9.pdf", "upskill-student-handbook-m01-en-r0.9.pdf",
         "upskill-teachers-book-m02-en-r0.9.pdf")
PAGES = ("/", "/curriculum/", "/curriculum/M01/", "/curriculum/M01/L1/", "/glossary/", "/downloads/", "/login")
SIGNED_IN_PAGES = ("/learn/", TASK, "/account/")

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")


class RedisServer:
    """A redis-server of the test's own, without persistence: killed, it forgets everything."""

    def __init__(self):
        self.process = None

    def start(self):
        self.process = subprocess.Popen(["redis-server", "--port", str(PORT), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL)
        client = Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return client
            except Exception:  # noqa: BLE001 (not listening yet)
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        self.process.kill()
        self.process.wait()

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)  # it still accepts connections, and never answers

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.thaw()
    server.kill()


@pytest.fixture
def redis_app(database_url, tmp_path):
    """The fixture curriculum on an app whose Redis is the test's own, asked again at every request."""
    app = make_app(database_url, REDIS_URL=REDIS_URL, REDIS_RETRY_SECONDS=0, BOOKS_DIR=str(tmp_path / "books"),
                   LOGIN_LIMITS_PER_ADDRESS="6 per minute")
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    yield app
    empty_database(app)


@pytest.fixture
def builds_here(monkeypatch):
    """The books that reach the local builder (recorded, not made)."""
    started = []
    monkeypatch.setattr(jobs, "_local", jobs.LocalBuilds())
    monkeypatch.setattr(jobs.LocalBuilds, "_start", lambda self, spec, config: started.append(spec) or _Running())
    return started


class _Running:
    def done(self):
        return False


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "upskill.redis_link" and "does not answer" in r.getMessage()]


def test_site_keeps_serving_and_signing_in_while_redis_is_dead(redis_server, redis_app, caplog):
    caplog.set_level(logging.WARNING)
    school = set_up_school(redis_app)  # two sign-ins counted in Redis
    assert Redis.from_url(REDIS_URL).keys("LIMITS*")
    redis_server.kill()
    anonymous = redis_app.test_client()
    assert [anonymous.get(path).status_code for path in PAGES] == [200] * len(PAGES)
    assert [school.student.get(path).status_code for path in SIGNED_IN_PAGES] == [200] * len(SIGNED_IN_PAGES)
    assert log_in(redis_app.test_client(), "ieva@example.org").status_code == 303
    # A flood of wrong passwords from one address, each naming another account, is still cut off.
    statuses = [log_in(redis_app.test_client(), f"guess{n}@example.org", "wrong").status_code for n in range(8)]
    assert statuses == [401] * 5 + [429] * 3
    assert len(outage_warnings(caplog)) == 1
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []


def test_hand_in_is_saved_with_its_photo_while_redis_is_dead(redis_server, redis_app):
    school = set_up_school(redis_app)
    redis_server.kill()
    response, _values = hand_in(school.student, photo_with_location())
    assert response.status_code == 303
    with redis_app.app_context():
        stored = db.session.scalars(select(EvidenceFile)).all()
        assert len(stored) == 1 and storage.evidence().exists(uploads.name_of(stored[0].sha256))
    assert "Waiting for assessment." in school.student.get(TASK).get_data(as_text=True)


def test_books_asked_for_while_redis_is_dead_are_built_in_process_then_queued_again(
        redis_server, redis_app, builds_here, caplog):
    client = redis_app.test_client()
    assert client.get(f"/downloads/{BOOKS[0]}").status_code == 202
    assert Queue(jobs.QUEUE_NAME, connection=Redis.from_url(REDIS_URL)).count == 1 and builds_here == []
    redis_server.kill()
    assert client.get(f"/downloads/{BOOKS[1]}").status_code == 202
    assert [spec.module for spec in builds_here] == ["M01"]  # accepted, and building on this node
    assert client.get(f"/downloads/{BOOKS[1]}/status").get_json()["state"] == "building"
    assert client.get(f"/downloads/{BOOKS[0]}/status").get_json()["state"] == "building"  # asked for again here
    fresh = redis_server.start()
    assert client.get(f"/downloads/{BOOKS[2]}").status_code == 202
    assert Queue(jobs.QUEUE_NAME, connection=fresh).count == 1 and len(builds_here) == 2
    assert len(outage_warnings(caplog)) == 1
    assert [r for r in caplog.records if r.name == "upskill.redis_link" and "answers again" in r.getMessage()]


def test_the_throttle_counts_in_redis_again_once_it_is_back(redis_server, redis_app):
    set_up_school(redis_app)
    redis_server.kill()
    assert log_in(redis_app.test_client(), "ieva@example.org", "wrong").status_code == 401
    fresh = redis_server.start()
    assert fresh.keys("LIMITS*") == []
    assert log_in(redis_app.test_client(), "ieva@example.org", "wrong").status_code == 401
    assert fresh.keys("LIMITS*")  # the address and the account are counted where every worker sees them


def test_a_frozen_redis_costs_one_timeout_not_a_hung_request(redis_server, database_url, builds_here, caplog):
    app = make_app(database_url, REDIS_URL=REDIS_URL, REDIS_CONNECT_TIMEOUT=0.5, REDIS_READ_TIMEOUT=0.5,
                   REDIS_RETRY_SECONDS=60)
    try:
        with app.app_context():
            sync_curriculum(FIXTURE_CURRICULUM)
            db.session.commit()
        set_up_school(app)
        redis_server.freeze()
        answers = []
        asking = threading.Thread(target=lambda: answers.extend(
            [log_in(app.test_client(), "ieva@example.org").status_code, app.test_client().get("/").status_code,
             app.test_client().get(f"/downloads/{BOOKS[0]}").status_code]))
        started = time.monotonic()
        asking.start()
        asking.join(timeout=60)  # far beyond the timeouts: only a hang reaches it
        print(f"sign-in and a page with Redis frozen: {time.monotonic() - started:.2f} s")
        assert not asking.is_alive(), "a request hung on the frozen Redis"
        assert answers == [303, 200, 202] and len(builds_here) == 1  # the book: in-process, without asking again
        assert len(outage_warnings(caplog)) == 1
    finally:
        redis_server.thaw()
        empty_database(app)
