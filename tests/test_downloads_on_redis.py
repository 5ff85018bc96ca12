"""With UPSKILL_REDIS_URL set, book builds go to RQ workers on the real Redis: queued once, built once."""
import os
from concurrent.futures import Future

import pytest
from redis import Redis
from rq import Queue, SimpleWorker

from tests.conftest import get_at_once
from upskill import jobs

REDIS_URL = os.environ.get("UPSKILL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
NAME = "upskill-teachers-book-m01-lt-r0.9.pdf"


@pytest.fixture
def redis_app(synced_app, tmp_path, database_url, monkeypatch):
    redis = Redis.from_url(REDIS_URL)
    redis.flushdb()
    books = str(tmp_path / "books")
    synced_app.config.update(BOOKS_DIR=books, REDIS_URL=REDIS_URL)
    # An RQ worker configures its app from the environment, as on a worker machine.
    for name, value in (("DATABASE_URL", database_url), ("CURRICULUM_DIR", synced_app.config["CURRICULUM_DIR"]),
                        ("BOOKS_DIR", books), ("SECRET_KEY", "worker-secret")):
        monkeypatch.setenv("UPSKILL_" + name, value)
    yield synced_app
    redis.flushdb()


def test_twenty_requests_on_any_node_queue_one_job_that_a_worker_builds(redis_app):
    assert get_at_once(redis_app, f"/downloads/{NAME}", 20) == [202] * 20
    queue = Queue(jobs.QUEUE_NAME, connection=Redis.from_url(REDIS_URL))
    assert queue.count == 1
    client = redis_app.test_client()
    assert client.get(f"/downloads/{NAME}/status").get_json()["state"] == "building"
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert client.get(f"/downloads/{NAME}/status").get_json()["state"] == "ready"
    with client.get(f"/downloads/{NAME}") as response:
        assert response.status_code == 200 and response.data.startswith(b"%PDF-")


def test_with_redis_down_books_are_built_in_process(redis_app, monkeypatch):
    redis_app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens there
    started = []
    monkeypatch.setattr(jobs, "_local", jobs.LocalBuilds())
    monkeypatch.setattr(jobs.LocalBuilds, "_start", lambda self, spec, config: started.append(spec) or Future())
    assert redis_app.test_client().get(f"/downloads/{NAME}").status_code == 202
    assert len(started) == 1
