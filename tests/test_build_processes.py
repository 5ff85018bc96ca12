"""A book build runs in its own process: one that dies fails that build only, and says so."""
import time

from upskill import jobs
from upskill.export.books import BookSpec

from . import build_work


def settle(builds, key):
    for _ in range(600):
        state, message = builds.state(key)
        if state is not jobs.BuildState.building:
            return state, message
        time.sleep(0.05)
    raise AssertionError("the build never finished")


def test_a_build_whose_process_dies_fails_with_its_exit_code_and_the_next_build_still_runs(monkeypatch):
    dying = jobs.LocalBuilds(work=build_work.die_abruptly)
    dying.submit("a", BookSpec("programme", "en"), {})
    state, message = settle(dying, "a")
    assert state is jobs.BuildState.failed
    assert "exit code 9" in message

    dying._work = build_work.name_the_book  # the same runner, after a crash
    assert dying.submit("a", BookSpec("programme", "lt"), {}) is True
    assert settle(dying, "a") == (jobs.BuildState.unknown, "")
    assert dying._futures["a"].result() == "upskill-programme-lt.pdf"


def test_a_build_that_raises_reports_the_error_by_name():
    failing = jobs.LocalBuilds(work=build_work.fail)
    failing.submit("b", BookSpec("programme", "en"), {})
    assert settle(failing, "b") == (jobs.BuildState.failed, "ValueError: no such module: M99")
