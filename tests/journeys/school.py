"""Data the practical-task journeys start from: a school's class on M01 whose task T1 has a company part."""
import io
import re

from sqlalchemy import select

from tests.accounts import log_in, make_user
from tests.work import make_company_task, photo_with_location, set_up_school
from upskill.auth.services import INVITE, issue_link
from upskill.extensions import db
from upskill.learning.work import confirm_company_part
from upskill.models import Attempt, Enrolment, Placement, TaskWork, User

TASK = "/learn/M01/T1/"


def open_school(app):
    """The class of Visaginas with its teacher and company trainer; M01.T1 is done at the company."""
    school = set_up_school(app)
    make_company_task(app)
    return school


def add_student(school, email, name, placed=True):
    """Enrol a new student in the class (placed with the trainer); return their id."""
    student_id = make_user(school.app, email, "student", name=name)
    with school.app.app_context():
        db.session.add(Enrolment(class_id=school.class_id, student_id=student_id))
        if placed:
            db.session.add(Placement(student_id=student_id, company_id=school.company_id, trainer_id=school.trainer_id))
        db.session.commit()
    return student_id


def invitation_link(school, student_id):
    """A fresh invitation address for a student who has no password yet."""
    with school.app.app_context():
        student = db.session.get(User, student_id)
        student.password_hash = None
        token = issue_link(student, INVITE)
        db.session.commit()
    return f"/account/link/{token}"


def hand_in_for(school, email, mass):
    """Hand in M01.T1 for a student, through the app, with a photo; return the attempt's id."""
    client = school.app.test_client()
    log_in(client, email)
    html = client.get(TASK).get_data(as_text=True)
    values = {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
              for name in ("csrf_token", "submission_key", "revision")}
    data = {**values, "step": ["0", "1", "2"], "m-1": mass, "f-0": (io.BytesIO(photo_with_location()), "hopper.jpg")}
    response = client.post(TASK + "hand-in", data=data, content_type="multipart/form-data")
    assert response.status_code == 303, response.get_data(as_text=True)
    return latest_attempt_id(school.app, email)


def latest_attempt_id(app, email):
    with app.app_context():
        return db.session.scalar(select(Attempt.id).join(TaskWork, Attempt.work_id == TaskWork.id).join(User, TaskWork.student_id == User.id)
                                 .where(User.email == email).order_by(Attempt.id.desc()).limit(1))


def confirmed_by_the_trainer(school, attempt_id, note="Done at the line."):
    """Sign off the company part of an attempt as the class's trainer."""
    with school.app.app_context():
        confirm_company_part(db.session.get(Attempt, attempt_id), db.session.get(User, school.trainer_id), note)
        db.session.commit()


def work_state(app, email):
    """The state of a student's work on M01.T1, and its attempts' numbers."""
    with app.app_context():
        work = db.session.scalar(select(TaskWork).join(User, TaskWork.student_id == User.id).where(User.email == email))
        return work.state, [a.number for a in work.attempts]
