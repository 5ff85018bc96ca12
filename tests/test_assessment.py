"""Teachers assess hand-ins with the rubric; company trainers confirm company tasks first; the class at a glance."""
import csv
import io
import re

import pytest
from sqlalchemy import func, select

from tests.accounts import csrf_token, log_in, make_user
from tests.test_task_work import hand_in
from tests.work import make_company_task, photo_with_location, set_up_school
from upskill.extensions import db
from upskill.models import Assessment, Attempt, CurriculumItem, TaskWork


@pytest.fixture
def school(synced_app):
    school = set_up_school(synced_app)
    hand_in(school.student, photo_with_location())
    return school


def attempt_id(app):
    with app.app_context():
        return db.session.scalar(select(Attempt.id).order_by(Attempt.id.desc()))


def grade(client, attempt, decision="accept", levels=(1, 1, 2), overall="Good, careful work.", form_page=None):
    page = f"/teach/attempts/{attempt}/"
    data = {"csrf_token": csrf_token(client, form_page or page), "decision": decision, "overall": overall}
    for index, level in enumerate(levels):
        if level is not None:
            data[f"level-{index}"] = str(level)
        data[f"comment-{index}"] = f"comment {index}"
    return client.post(page, data=data)


def test_the_queue_shows_waiting_work_oldest_first(school):
    html = school.teacher.get("/teach/review").get_data(as_text=True)
    assert "Ieva Kazlauskaitė" in html and "M01.T1" in html
    other = make_user(school.app, "other-teacher@example.org", "teacher")
    stranger = school.app.test_client()
    log_in(stranger, "other-teacher@example.org")
    assert "Ieva" not in stranger.get("/teach/review").get_data(as_text=True)
    assert stranger.get(f"/teach/attempts/{attempt_id(school.app)}/").status_code == 404
    assert other


def test_accepting_with_the_rubric_stores_the_rubric_with_the_grade(school, synced_app):
    response = grade(school.teacher, attempt_id(synced_app))
    assert response.status_code == 303
    # the queue it returns to confirms the grade (it once said nothing, and a later page did)
    queue = school.teacher.get(response.location).get_data(as_text=True)
    assert "Saved: Ieva Kazlauskaitė&#39;s work is accepted." in queue
    with synced_app.app_context():
        assessment = db.session.scalar(select(Assessment))
        assert assessment.decision == "accepted" and assessment.levels == [1, 1, 2]
        assert assessment.rubric["criteria"][0]["name"] == "Checks the material"
        assert db.session.scalar(select(TaskWork.state)) == "accepted"
        # a later revision of the curriculum changes the rubric; the grade keeps the old one
        item = db.session.scalar(select(CurriculumItem).where(CurriculumItem.code == "M01.T1"))
        assert assessment.rubric["revision_hash"] == item.content_hash
    page = school.student.get("/learn/M01/T1/").get_data(as_text=True)
    assert "Accepted" in page and "Good, careful work." in page and "comment 0" in page
    assert "Nothing is waiting" in school.teacher.get("/teach/review").get_data(as_text=True)


def test_returned_work_keeps_the_earlier_attempt_and_its_feedback(school, synced_app):
    grade(school.teacher, attempt_id(synced_app), decision="return", overall="Weigh the material again.")
    page = school.student.get("/learn/M01/T1/").get_data(as_text=True)
    assert "Returned for revision" in page and "Weigh the material again." in page and 'name="step"' in page
    again, _values = hand_in(school.student, photo_with_location(), **{"m-1": "12.4 kg"})
    assert again.status_code == 303
    page = school.student.get("/learn/M01/T1/").get_data(as_text=True)
    assert "Attempt 2" in page and "Attempt 1" in page and "Weigh the material again." in page
    with synced_app.app_context():
        first, second = db.session.scalars(select(Attempt.id).order_by(Attempt.id)).all()
    moved = school.teacher.get(f"/teach/attempts/{first}/")  # an old link opens the newest hand-in
    assert moved.status_code == 303 and moved.headers["Location"] == f"/teach/attempts/{second}/"
    with synced_app.app_context():
        changes = [(c.from_state, c.to_state) for c in db.session.scalar(select(TaskWork)).changes]
    assert changes == [("draft", "submitted"), ("submitted", "returned"), ("returned", "submitted")]


def test_returning_needs_a_comment_and_every_criterion_a_level(school, synced_app):
    response = grade(school.teacher, attempt_id(synced_app), decision="return", levels=(0, None, 9), overall="")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert html.count("Choose a level for this criterion.") == 2 and "Say what to improve" in html
    bogus = grade(school.teacher, attempt_id(synced_app), decision="maybe")
    assert bogus.status_code == 400 and "Choose whether to accept" in bogus.get_data(as_text=True)
    with synced_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Assessment)) == 0


def test_two_teachers_grading_at_once_do_not_overwrite_each_other(school, synced_app):
    make_user(synced_app, "co-teacher@example.org", "teacher")
    with synced_app.app_context():
        from upskill.models import SchoolClass, User
        school_class = db.session.get(SchoolClass, school.class_id)
        school_class.teachers.append(db.session.scalar(select(User).where(User.email == "co-teacher@example.org")))
        db.session.commit()
    co = synced_app.test_client()
    log_in(co, "co-teacher@example.org")
    attempt = attempt_id(synced_app)
    page = f"/teach/attempts/{attempt}/"
    token = csrf_token(co, page)  # both have the form open
    assert grade(school.teacher, attempt).status_code == 303
    late = co.post(page, data={"csrf_token": token, "decision": "return", "overall": "No.", "level-0": "0",
                               "level-1": "0", "level-2": "0"})
    assert late.status_code == 409
    with synced_app.app_context():
        assert db.session.scalar(select(Assessment.decision)) == "accepted"


def test_company_task_is_confirmed_by_the_trainer_before_assessment(synced_app):
    school = set_up_school(synced_app)
    make_company_task(synced_app)
    hand_in(school.student, photo_with_location())
    attempt = attempt_id(synced_app)
    waiting = school.teacher.get(f"/teach/attempts/{attempt}/").get_data(as_text=True)
    assert "the company trainer confirms the company part before you assess it" in waiting
    early = grade(school.teacher, attempt, form_page="/account/")
    assert early.status_code == 409
    assert "The company trainer confirms the company part of this task first." in early.get_data(as_text=True)
    trainer = synced_app.test_client()
    log_in(trainer, "trainer@example.org")
    listing = trainer.get("/company/").get_data(as_text=True)
    assert "Ieva Kazlauskaitė" in listing and "Check and confirm" in listing
    page = f"/company/attempts/{attempt}/"
    confirmed = trainer.post(page, data={"csrf_token": csrf_token(trainer, page), "note": "Done well on line 3."})
    assert confirmed.status_code == 303
    assert grade(school.teacher, attempt).status_code == 303
    student_page = school.student.get("/learn/M01/T1/").get_data(as_text=True)
    assert "Company part confirmed by Rimas Trainer" in student_page and "Done well on line 3." in student_page


def test_trainers_see_only_their_placed_students(synced_app):
    school = set_up_school(synced_app)
    make_company_task(synced_app)
    hand_in(school.student, photo_with_location())
    make_user(synced_app, "other-trainer@example.org", "company_trainer")
    other = synced_app.test_client()
    log_in(other, "other-trainer@example.org")
    assert "Ieva" not in other.get("/company/").get_data(as_text=True)
    assert other.get(f"/company/attempts/{attempt_id(synced_app)}/").status_code == 404
    assert school.student.get("/company/").status_code == 403


def test_the_class_matrix_says_each_status_in_text_too(school, synced_app):
    school.student.get("/curriculum/M01/L1/")
    html = school.teacher.get(f"/teach/classes/{school.class_id}/matrix").get_data(as_text=True)
    row = re.search(r'<th scope="row">Ieva Kazlauskaitė</th>(.*?)</tr>', html, re.S).group(1)
    assert 'class="status-read"' in row and "read</span>" in row
    assert 'class="status-submitted"' in row and "Handed in</span>" in row
    assert "1/" in row  # done count
    grade(school.teacher, attempt_id(synced_app))  # the kept matrix must show the change at once
    school.student.get("/curriculum/M01/L2/")
    html = school.teacher.get(f"/teach/classes/{school.class_id}/matrix").get_data(as_text=True)
    row = re.search(r'<th scope="row">Ieva Kazlauskaitė</th>(.*?)</tr>', html, re.S).group(1)
    assert "Accepted</span>" in row and row.count('class="status-read"') == 2 and "3/" in row


def test_outcome_coverage_follows_accepted_work(school, synced_app):
    before = school.teacher.get(f"/teach/classes/{school.class_id}/outcomes").get_data(as_text=True)
    assert "in progress</span>" in before and "S1" in before and "M01.T1" in before
    grade(school.teacher, attempt_id(synced_app))
    after = school.teacher.get(f"/teach/classes/{school.class_id}/outcomes").get_data(as_text=True)
    assert after.count("evidenced</span>") == 2  # S1 and A1
    assert "K1" in after and "no task" in after


def test_progress_csv_has_stable_columns_and_no_formulas(school, synced_app):
    with synced_app.app_context():
        from upskill.models import User
        db.session.get(User, school.student_id).name = "=HYPERLINK(\"http://evil.example\")"
        db.session.commit()
    response = school.teacher.get(f"/teach/classes/{school.class_id}/progress.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["class", "student", "email", "student_number", "item", "kind", "status", "score"]
    assert rows[1][1].startswith("'=")
    assert {r[4] for r in rows[1:]} == {"M01.L1", "M01.L2", "M01.T1", "M01.Q"}
    assert ["M01.T1", "task", "submitted"] == rows[[r[4] for r in rows].index("M01.T1")][4:7]


def test_teachers_book_shows_a_teacher_their_class_on_the_item(school):
    html = school.teacher.get("/teacher/M01/T1/").get_data(as_text=True)
    assert "Operators 2026 A" in html and "0 of 1 students have it accepted" in html
    school.student.get("/curriculum/M01/L1/")
    assert "1 of 1 students have read it" in school.teacher.get("/teacher/M01/L1/").get_data(as_text=True)
    assert "Operators 2026 A" not in school.app.test_client().get("/teacher/M01/T1/").get_data(as_text=True)


def test_a_trainer_note_too_long_or_a_second_confirmation_changes_nothing(synced_app):
    school = set_up_school(synced_app)
    make_company_task(synced_app)
    hand_in(school.student, photo_with_location())
    attempt = attempt_id(synced_app)
    trainer = synced_app.test_client()
    log_in(trainer, "trainer@example.org")
    page = f"/company/attempts/{attempt}/"
    long_note = trainer.post(page, data={"csrf_token": csrf_token(trainer, page), "note": "x" * 2001})
    assert long_note.status_code == 400 and "The note is longer than 2000 characters." in long_note.get_data(as_text=True)
    with synced_app.app_context():
        assert db.session.get(Attempt, attempt).confirmed_at is None
    token = csrf_token(trainer, page)
    assert trainer.post(page, data={"csrf_token": token, "note": "first"}).status_code == 303
    trainer.post(page, data={"csrf_token": token, "note": "second"})
    with synced_app.app_context():
        assert db.session.get(Attempt, attempt).confirmation_note == "first"
