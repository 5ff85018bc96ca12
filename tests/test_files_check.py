"""`flask --app upskill files check`: orphan, missing and altered evidence files are found, orphans removed."""
import os
import re
import socket
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.work import app_with_own_uploads, hand_in_with_photo, photo_with_location, set_up_school
from upskill.extensions import db
from upskill.learning import uploads
from upskill.learning.tasks import task_page
from upskill.learning.work import hand_in, save_draft, work_for
from upskill.models import EvidenceFile, User

TASK = "/learn/M01/T1/"
AN_HOUR_AGO = time.time() - 3600


@pytest.fixture
def school(app_factory, tmp_path):
    return set_up_school(app_with_own_uploads(app_factory, tmp_path / "uploads"))


def stored_path(school, sha256):
    """Where the local storage keeps the evidence file with this hash."""
    return evidence_folder(school) / uploads.name_of(sha256)


def evidence_folder(school):
    return Path(school.app.config["UPLOADS_DIR"])


def handed_in(school):
    """Hand in the task with a photo through the site; return the stored file's path."""
    hand_in_with_photo(school)
    with school.app.app_context():
        return stored_path(school, db.session.scalar(select(EvidenceFile.sha256)))


def files_check(school, *options):
    return school.app.test_cli_runner().invoke(args=["files", "check", *options])


def leftover(school, name, content=b"left by a crash"):
    """A file in the evidence folder that no row names, written an hour ago."""
    path = evidence_folder(school) / name[:2] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    return path


def test_a_folder_that_matches_the_database_passes(school):
    handed_in(school)
    result = files_check(school)
    assert result.exit_code == 0, result.output
    assert "1 stored file(s) checked: 0 orphan(s), 0 missing, 0 damaged." in result.output


def test_an_orphan_is_reported_and_removed_and_the_hand_ins_file_stays(school):
    kept = handed_in(school)
    orphan = leftover(school, "ab" + "0" * 62)
    found = files_check(school)
    assert found.exit_code == 1
    assert f"orphan: ab/{orphan.name} (15 bytes): no hand-in names it" in found.output
    assert orphan.exists()  # only reported without --remove-orphans
    cleaned = files_check(school, "--remove-orphans")
    assert cleaned.exit_code == 0 and "1 orphan(s) removed" in cleaned.output
    assert not orphan.exists() and kept.exists()
    assert files_check(school).exit_code == 0


def test_a_temporary_left_by_a_killed_upload_is_cleared(school):
    handed_in(school)
    temporary = leftover(school, "cd" + "1" * 62)
    dead = 2 ** 22 + 12345  # above Linux's largest process id: no process has it
    partial = temporary.rename(temporary.parent / f".partial-{socket.gethostname()}-{dead}-x1y2z3")
    result = files_check(school)
    assert result.exit_code == 0, result.output
    assert not partial.exists()


def test_a_file_younger_than_the_grace_period_may_be_a_hand_in_being_saved(school):
    handed_in(school)
    fresh = evidence_folder(school) / "ef" / ("ef" + "2" * 62)
    fresh.parent.mkdir(exist_ok=True)
    fresh.write_bytes(b"being saved")
    result = files_check(school, "--remove-orphans")
    assert result.exit_code == 0 and "1 newer than 600 s left alone" in result.output
    assert fresh.exists()
    assert files_check(school, "--grace", "0").exit_code == 1


def test_a_missing_file_is_damage_that_removing_orphans_does_not_hide(school):
    handed_in(school).unlink()
    result = files_check(school, "--remove-orphans")
    assert result.exit_code == 1
    assert re.search(r"missing: [0-9a-f]{64} \(evidence file \d+\): the file is gone", result.output)


def test_a_file_whose_content_changed_is_reported(school):
    path = handed_in(school)
    path.write_bytes(path.read_bytes()[:-10])
    result = files_check(school)
    assert result.exit_code == 1 and "its content no longer matches its hash" in result.output


def test_a_hand_in_whose_commit_never_came_leaves_only_an_orphan(school):
    """A crash after the file is written and before the row is committed: nothing half-written is visible."""
    with school.app.app_context():
        student = db.session.get(User, school.student_id)
        content = task_page("M01", "T1").student.content
        work = work_for(student.id, "M01.T1")
        save_draft(work, content, ["0", "1", "2"], {"1": "12 kg"}, {}, None)
        checked = uploads.check_file(photo_with_location((70, 50)), "hopper.jpg")
        hand_in(work, content, "k" * 32, {0: [checked]}, student)
        db.session.rollback()  # the process dies here: the commit never happens
        assert db.session.scalar(select(func.count()).select_from(EvidenceFile)) == 0
        written = stored_path(school, checked.sha256)
    os.utime(written, (AN_HOUR_AGO, AN_HOUR_AGO))
    found = files_check(school, "--remove-orphans")
    assert f"orphan: {written.parent.name}/{written.name}" in found.output and found.exit_code == 0
    assert not written.exists()
    assert school.student.get(TASK).status_code == 200
