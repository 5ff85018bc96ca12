"""Students and teachers working at once against gunicorn (4 workers), and kill -9 in the middle of it.

The short form of bench/journey_load.py, on the suite's database (SQLite, or PostgreSQL with
UPSKILL_TEST_DATABASE_URL): it prints the figures and asserts counts, never times.
"""
import time

import pytest

from bench.journey.cast import make_cast
from bench.journey.figures import error_count, figures, table
from bench.journey.run import LoadRun
from bench.journey.server import Server, server_env
from bench.journey.verify import half_written, integrity_problems, lost_or_wrong
from tests.conftest import FIXTURE_CURRICULUM
from tests.work import app_with_own_uploads

LOAD_PORT, FAULT_PORT = 5331, 5332  # loopback ports of this module
STUDENTS, TEACHERS, WORKERS = 10, 2, 4
FAULT_RUN_CAP = 120  # seconds: the fault run ends itself then, even if the restart never came


@pytest.fixture
def site(app_factory, database_url, tmp_path):
    """The suite's database with the fixture curriculum and the cast; starts servers on it, stops them after."""
    app = app_with_own_uploads(app_factory, tmp_path / "uploads")
    cast = make_cast(app, STUDENTS, TEACHERS)
    env = server_env(database_url, tmp_path / "uploads", FIXTURE_CURRICULUM)
    started = []

    def start(port):
        started.append(Server(env, port, WORKERS, tmp_path / "gunicorn.log", preload=True))
        return started[-1]

    yield app, cast, start, tmp_path / "gunicorn.log"
    for server in started:
        server.kill()


def show(capsys, text):
    with capsys.disabled():
        print("\n" + text)


def test_students_and_teachers_at_once_get_no_error_and_lose_nothing(site, capsys):
    app, cast, start, log = site
    server = start(LOAD_PORT)
    load = LoadRun([server.url], cast, seconds=15).start()
    recorder = load.wait()
    server.stop()
    rows = figures(recorder.samples, load.started, 15)
    show(capsys, table(rows, f"load: {STUDENTS} students, {TEACHERS} teachers, 15 s, gunicorn {WORKERS} workers, "
                             f"{app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}")
         + f"\nacknowledged: {len(recorder.hand_ins)} hand-ins, {len(recorder.grades)} grades; server up in "
           f"{server.start_seconds:.1f} s, everybody signed in after {load.sign_in_seconds:.1f} s")
    assert load.signed_in == STUDENTS + TEACHERS
    assert error_count(rows) == 0
    assert recorder.hand_ins and recorder.grades  # the journeys went all the way
    assert {row.kind for row in rows} >= {"read lesson", "save draft", "hand in", "review queue", "view photo", "grade"}
    assert lost_or_wrong(app, recorder) == []
    assert half_written(app) == []
    assert integrity_problems(app) == []
    assert "Traceback" not in log.read_text()


def test_a_killed_worker_and_a_killed_server_lose_no_acknowledged_work(site, capsys):
    app, cast, start, _log = site
    server = start(FAULT_PORT)
    load = LoadRun([server.url], cast, seconds=FAULT_RUN_CAP).start()
    time.sleep(4)
    killed = server.kill_worker()
    time.sleep(4)
    server.kill()  # the master and every worker, in the middle of their requests
    killed_at = time.monotonic()
    restarted = start(FAULT_PORT)  # the same database and upload folder
    recovered_at = time.monotonic()
    time.sleep(5)
    load.stop()
    recorder = load.wait()
    restarted.stop()
    failed = [s for s in recorder.samples if s.error]
    seconds = load.deadline - load.started
    show(capsys, table(figures(recorder.samples, load.started, seconds),
                       f"faults: worker {killed} killed at 4 s, the whole server at 8 s, back "
                       f"{recovered_at - killed_at:.1f} s later, load until {seconds:.0f} s")
         + f"\nacknowledged: {len(recorder.hand_ins)} hand-ins, {len(recorder.grades)} grades")
    assert recorder.hand_ins
    assert lost_or_wrong(app, recorder) == []
    assert half_written(app) == []
    assert integrity_problems(app) == []
    assert all(s.status is None for s in failed), "only requests cut off by the kills fail; the site answered no error"
    assert not [s for s in failed if s.started >= recovered_at]
    assert [s for s in recorder.samples if s.started >= recovered_at and not s.error]  # work goes on after the restart
    runner = app.test_cli_runner()
    cleaned = runner.invoke(args=["files", "check", "--grace", "0", "--remove-orphans"])
    assert cleaned.exit_code == 0, cleaned.output
    after = runner.invoke(args=["files", "check", "--grace", "0"])
    assert after.exit_code == 0 and "0 orphan(s), 0 missing, 0 damaged" in after.output
    show(capsys, "after the restart: " + cleaned.output.strip())
