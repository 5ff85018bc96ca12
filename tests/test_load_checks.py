"""The load test's own checks find what was lost, stored twice, half-written or dangling (bench/journey/verify.py)."""
import pytest
from sqlalchemy import select, text

from bench.journey.client import Recorder, Sample
from bench.journey.baseline import BASELINE
from bench.journey.figures import figures, percentile, table
from bench.journey.verify import half_written, integrity_problems, lost_or_wrong
from tests.work import app_with_own_uploads, hand_in_with_photo, set_up_school
from upskill import storage
from upskill.extensions import db
from upskill.learning import uploads
from upskill.models import Attempt, EvidenceFile, TaskWork


@pytest.fixture
def handed_in(app_factory, tmp_path):
    """A student's hand-in through the site, acknowledged as the load's recorder notes it."""
    school = set_up_school(app_with_own_uploads(app_factory, tmp_path / "uploads"))
    recorder = Recorder()
    recorder.handed_in("ieva@example.org", "M01.T1", hand_in_with_photo(school), 1)
    return school.app, recorder


def test_work_as_acknowledged_passes_every_check(handed_in):
    app, recorder = handed_in
    assert lost_or_wrong(app, recorder) == [] and half_written(app) == [] and integrity_problems(app) == []


def test_a_hand_in_acknowledged_but_not_stored_is_lost(handed_in):
    app, recorder = handed_in
    recorder.handed_in("ieva@example.org", "M01.T1", "z" * 32, 1)
    recorder.graded("teacher@example.org", 999, "accepted")
    assert lost_or_wrong(app, recorder) == [
        "hand-in zzzzzzzz of ieva@example.org: acknowledged 1×, stored 0×",
        "grade of attempt 999 by teacher@example.org (accepted): acknowledged 1×, stored []"]


def test_a_hand_in_whose_file_went_missing_is_reported(handed_in):
    app, recorder = handed_in
    with app.app_context():
        storage.evidence().delete(uploads.name_of(db.session.scalar(select(EvidenceFile.sha256))))
    assert any("is missing" in problem for problem in lost_or_wrong(app, recorder))
    assert any("is missing" in problem for problem in half_written(app))


def test_work_whose_state_its_attempts_do_not_bear_out_is_half_written(handed_in):
    app, _recorder = handed_in
    with app.app_context():
        db.session.scalar(select(TaskWork)).state = "accepted"  # without an assessment
        db.session.commit()
    assert half_written(app) == [f"work {_work_id(app)} is accepted but its latest attempt says otherwise"]


def test_a_row_naming_a_row_that_is_gone_is_found(handed_in):
    app, _recorder = handed_in
    with app.app_context():
        attempt_id = db.session.scalar(select(Attempt.id))
        if db.engine.dialect.name == "sqlite":
            db.session.execute(text("PRAGMA foreign_keys=OFF"))
        else:
            db.session.execute(text("SET session_replication_role = replica"))  # triggers, and so foreign keys, off
        db.session.execute(text("DELETE FROM attempt WHERE id = :id"), {"id": attempt_id})
        db.session.commit()
        db.session.execute(text("PRAGMA foreign_keys=ON" if db.engine.dialect.name == "sqlite"
                                else "SET session_replication_role = DEFAULT"))
        db.session.commit()
    assert "evidence_file.attempt_id: 1 row(s) name no attempt" in integrity_problems(app)


def test_the_figures_count_per_kind_with_nearest_rank_percentiles():
    samples = [Sample("read lesson", 10.0 + n, n / 100, 200, None) for n in range(1, 101)]
    samples += [Sample("hand in", 11.0, 0.5, None, "ConnectionError"), Sample("sign in", 9.0, 0.1, 303, None)]
    rows = {row.kind: row for row in figures(samples, since=10.0, seconds=50)}
    assert set(rows) == {"read lesson", "hand in"}  # signing in comes before the clock
    assert (rows["read lesson"].requests, rows["read lesson"].per_second) == (100, 2.0)
    assert (rows["read lesson"].p50, rows["read lesson"].p95, rows["read lesson"].p99) == (0.5, 0.95, 0.99)
    assert rows["hand in"].errors == {"ConnectionError": 1}
    assert percentile([], 0.95) == 0.0


def _work_id(app):
    with app.app_context():
        return db.session.scalar(select(TaskWork.id))


def test_the_table_compares_each_kind_with_the_baseline_of_the_same_run():
    samples = [Sample("read lesson", 10.0, 0.120, 200, None), Sample(BASELINE, 10.0, 0.010, 200, None),
               Sample("grade", 10.0, 0.300, None, "ConnectionError")]
    lines = table(figures(samples, since=10.0, seconds=10), "title").splitlines()
    by_kind = {line.split()[0]: line.split() for line in lines[2:]}
    assert by_kind["read"][7] == "12.0" and by_kind["baseline"][6] == "1.0"  # 120 ms is 12 times 10 ms
    assert by_kind["grade"][-2:] == ["ConnectionError", "×1"] and by_kind["all"][-1] == "1"
