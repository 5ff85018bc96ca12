"""Two gunicorn nodes behind nginx, sharing one PostgreSQL, one Redis and one object store.

This is the production layout of the README, on loopback: the nodes keep nothing of their own,
so whatever one node accepted the other serves, the login throttle counts on both together, a
book asked for on both is built once by an RQ worker, and a node killed in the middle of the load
loses nothing it acknowledged. The database is PostgreSQL whatever the suite's engine (two
machines never share an SQLite file), so this module runs in the SQLite pass only (`one_engine`).
"""
import hashlib
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from redis import Redis
from rq import Queue
from rq.registry import FailedJobRegistry, FinishedJobRegistry
from sqlalchemy import select

from bench.journey.cast import make_cast
from bench.journey.client import CSRF, USER_AGENT
from bench.journey.figures import figures, table
from bench.journey.proxy import Proxy, free_port
from bench.journey.run import LoadRun
from bench.journey.server import Server, server_env
from bench.journey.verify import half_written, integrity_problems, lost_or_wrong
from tests import object_store
from tests.conftest import FIXTURE_CURRICULUM, make_app, migrate
from tests.postgresql import OwnDatabases
from upskill import jobs
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import Attempt, Enrolment, EvidenceFile, Role, SchoolClass, TaskWork, User

pytestmark = pytest.mark.one_engine

REDIS_URL = "redis://127.0.0.1:6379/13"  # a Redis database of this module's own, emptied before and after
STUDENTS, TEACHERS, WORKERS = 12, 2, 2  # two workers per node: the two nodes share this machine's two cores
LOAD_SECONDS, KILL_AFTER = 20, 8
BOOK = "upskill-teachers-book-m01-lt-r0.9.pdf"
LOCKED_OUT = "locked.out@load.example"
BUILD_SECONDS = 300


@pytest.fixture(scope="module")
def nodes(s3_server, tmp_path_factory):
    """The shared services, the people of the load, two nodes of two workers and nginx in front of them."""
    folder = tmp_path_factory.mktemp("two-nodes")
    with ExitStack() as cleanup:  # whatever was started is stopped, in reverse order, even if a later start fails
        databases = OwnDatabases("upskill_nodes_test")
        cleanup.callback(databases.close)
        url = databases.create()
        migrate(url)
        bucket = object_store.new_bucket(s3_server)
        cleanup.callback(bucket.empty_and_remove)
        redis = Redis.from_url(REDIS_URL)
        redis.flushdb()
        cleanup.callback(redis.flushdb)
        app = make_app(url, **bucket.settings, REDIS_URL=REDIS_URL)
        cleanup.callback(let_go_of_the_database, app)
        cast = people_of_the_load(app)
        env = {**server_env(url, folder / "not-used", FIXTURE_CURRICULUM), **bucket.environment,
               "UPSKILL_REDIS_URL": REDIS_URL, "UPSKILL_PROXY_COUNT": "1"}
        started = []
        for name in ("first", "second"):
            started.append(Server(env, free_port(), WORKERS, folder / f"{name}.log", preload=True))
            cleanup.callback(started[-1].kill)
        proxy = Proxy([node.port for node in started], folder / "nginx")
        cleanup.callback(proxy.stop)
        yield SimpleNamespace(app=app, cast=cast, first=started[0], second=started[1], proxy=proxy, env=env,
                              bucket=bucket, redis=redis, logs=[folder / "first.log", folder / "second.log"])


def people_of_the_load(app):
    """The fixture curriculum, the load's students and teachers, and one more student to lock out."""
    with app.app_context():
        sync_curriculum(FIXTURE_CURRICULUM)
        db.session.commit()
    cast = make_cast(app, STUDENTS, TEACHERS)
    with app.app_context():
        user = User(email=LOCKED_OUT, name="Locked Out")
        user.set_password(cast.password)
        user.grant(Role.student)
        db.session.add(user)
        db.session.commit()
    return cast


def let_go_of_the_database(app):
    with app.app_context():
        db.engine.dispose()


def signed_in_session(base, email, password):
    """A session of its own on one node, through the sign-in form; return (session, the status of the POST)."""
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    page = session.get(base + "/login", timeout=30)
    token = CSRF.search(page.text).group(1)
    answer = session.post(base + "/login", data={"csrf_token": token, "email": email, "password": password},
                          allow_redirects=False, timeout=30)
    return session, answer.status_code


def test_a_book_asked_for_on_both_nodes_at_once_is_built_once_and_served_by_both(nodes):
    addresses = [node.url + f"/downloads/{BOOK}" for node in (nodes.first, nodes.second)] * 6
    with ThreadPoolExecutor(len(addresses)) as pool:
        statuses = list(pool.map(lambda address: requests.get(address, timeout=30).status_code, addresses))
    assert statuses == [202] * 12  # every asker is told it is being built
    queue = Queue(jobs.QUEUE_NAME, connection=nodes.redis)
    assert queue.count == 1
    worker = subprocess.run([str(Path(sys.executable).with_name("rq")), "worker", jobs.QUEUE_NAME, "--burst",
                             "--url", REDIS_URL], env=nodes.env, capture_output=True, text=True, timeout=BUILD_SECONDS)
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert (FinishedJobRegistry(queue=queue).count, FailedJobRegistry(queue=queue).count) == (1, 0)
    books = [requests.get(node.url + f"/downloads/{BOOK}", timeout=60) for node in (nodes.first, nodes.second)]
    assert [book.status_code for book in books] == [200, 200]
    assert books[0].content.startswith(b"%PDF-") and books[0].content == books[1].content
    stored = [key for key in nodes.bucket.keys() if key.endswith(f"/{BOOK}")]
    assert len(stored) == 1 and stored[0].startswith("site/books/")  # one file, in the shared library
    assert queue.count == 0  # downloading it on both asked for no second build


def test_failed_sign_ins_on_either_node_count_against_one_limit(nodes):
    limit = int(nodes.app.config["LOGIN_LIMITS_PER_ACCOUNT"].split()[0])
    statuses = [signed_in_session(node.url, LOCKED_OUT, "not the password")[1]
                for _ in range(limit // 2) for node in (nodes.first, nodes.second)]
    assert statuses == [401] * limit  # each node saw half of them, each of its workers fewer still
    for node in (nodes.first, nodes.second):
        assert signed_in_session(node.url, LOCKED_OUT, nodes.cast.password)[1] == 429  # even the right one now
    assert signed_in_session(nodes.second.url, nodes.cast.students[0], nodes.cast.password)[1] == 303


def test_a_node_killed_under_load_loses_nothing_and_the_other_serves_all_of_it(nodes, capsys):
    first, second = (f"127.0.0.1:{node.port}" for node in (nodes.first, nodes.second))
    load = LoadRun([nodes.proxy.url], nodes.cast, seconds=LOAD_SECONDS).start()
    time.sleep(KILL_AFTER)
    before_kill = Counter(answer.nodes[-1] for answer in nodes.proxy.answers())
    nodes.first.kill()  # the master and its workers, in the middle of their requests
    killed_at = time.monotonic()
    recorder = load.wait()
    answers = nodes.proxy.answers()
    failed = [sample for sample in recorder.samples if sample.error]
    with capsys.disabled():
        print("\n" + table(figures(recorder.samples, load.started, LOAD_SECONDS),
                           f"two nodes of {WORKERS} workers behind nginx, {STUDENTS} students, {TEACHERS} teachers, "
                           f"{LOAD_SECONDS} s; the first node killed at {KILL_AFTER} s")
              + f"\nanswered before the kill: {dict(before_kill)}; acknowledged: {len(recorder.hand_ins)} hand-ins, "
                f"{len(recorder.grades)} grades; failed: {Counter(s.error for s in failed)}")
    assert before_kill[first] > 20 and before_kill[second] > 20  # the proxy spread the load over both
    handed_in_on_first = [a for a in answers if a.path.endswith("/hand-in") and a.status == 303 and a.nodes == (first,)]
    assert handed_in_on_first
    assert [a for a in answers if a.nodes[-1] == second and a.status == 303 and a.path.endswith("/hand-in")]
    assert all(sample.started < killed_at for sample in failed), "only requests under way on the killed node fail"
    assert all(sample.status == 502 for sample in failed)  # and the proxy said so; no node answered an error
    assert lost_or_wrong(nodes.app, recorder) == []
    assert half_written(nodes.app) == []
    assert integrity_problems(nodes.app) == []
    assert evidence_served_by(nodes.second.url, nodes, recorder.hand_ins) == []
    assert "Traceback" not in "".join(log.read_text(errors="replace") for log in nodes.logs)


def evidence_served_by(base, nodes, hand_ins):
    """Problems downloading every acknowledged hand-in's files from base, as the student's teacher."""
    problems, sessions = [], {}
    with nodes.app.app_context():
        for _email, _code, key, _files in hand_ins:
            rows = db.session.execute(
                select(EvidenceFile.id, EvidenceFile.original_name, EvidenceFile.sha256, User.email)
                .join(Attempt, EvidenceFile.attempt_id == Attempt.id).join(TaskWork, Attempt.work_id == TaskWork.id)
                .join(Enrolment, Enrolment.student_id == TaskWork.student_id)
                .join(SchoolClass, Enrolment.class_id == SchoolClass.id).join(SchoolClass.teachers)
                .where(Attempt.submission_key == key)).all()
            for file_id, name, sha256, teacher in rows:
                if teacher not in sessions:
                    sessions[teacher] = signed_in_session(base, teacher, nodes.cast.password)[0]
                answer = sessions[teacher].get(f"{base}/learn/files/{file_id}/{name}", timeout=30)
                if answer.status_code != 200 or hashlib.sha256(answer.content).hexdigest() != sha256:
                    problems.append(f"evidence {file_id} of hand-in {key[:8]}: HTTP {answer.status_code}")
    return problems
