"""Helpers for tests of the showcase: accepted work, the student's consent, the teacher's choice, other schools."""
import re
from dataclasses import dataclass

from sqlalchemy import select

from tests.accounts import csrf_token, log_in, make_user
from tests.classes import make_class, make_school
from tests.pilot import make_period
from tests.test_assessment import attempt_id, grade
from tests.test_task_work import TASK, hand_in
from tests.work import photo_with_location, set_up_school
from upskill.extensions import db
from upskill.models import Attempt, Enrolment, ShowcaseConsent, ShowcaseItem, TaskWork, User

GALLERY = "/pilot/showcase/"


@dataclass
class OtherSchool:
    school_id: int
    teacher: object
    student: object


def showcase_school(app):
    """The test school in a pilot period, its student's task accepted; return (school, attempt id)."""
    school = set_up_school(app)
    hand_in(school.student, photo_with_location())
    attempt = attempt_id(app)
    grade(school.teacher, attempt)
    return school, attempt


def join_pilot(app, *school_ids):
    return make_period(app, list(school_ids), name=f"Pilot of {len(school_ids)} schools")


def home_school_id(app):
    """The test school's id (its teacher's school)."""
    with app.app_context():
        return db.session.scalar(select(User.school_id).where(User.email == "teacher@example.org"))


def other_school(app, code, name, country="FI"):
    """Another school with a class of its own teacher and student, both signed in."""
    school_id = make_school(app, code=code, name=name, country=country)
    teacher_id = make_user(app, f"teacher-{code.lower()}@example.org", "teacher", school=None)
    student_id = make_user(app, f"student-{code.lower()}@example.org", "student", name=f"Aino {code} Virtanen")
    class_id = make_class(app, school_id, [teacher_id], name=f"Class of {code}")
    with app.app_context():
        db.session.get(User, teacher_id).school_id = school_id
        db.session.add(Enrolment(class_id=class_id, student_id=student_id))
        db.session.commit()
    teacher, student = app.test_client(), app.test_client()
    log_in(teacher, f"teacher-{code.lower()}@example.org")
    log_in(student, f"student-{code.lower()}@example.org")
    return OtherSchool(school_id, teacher, student)


def consent(client, attempt, show="yes", shown_name="first_name", pseudonym="", public=False, token=None):
    data = {"csrf_token": token or csrf_token(client, TASK), "show": show, "shown_name": shown_name,
            "pseudonym": pseudonym}
    if public:
        data["public"] = "y"
    return client.post(f"/pilot/showcase/attempts/{attempt}/consent", data=data)


def show(client, attempt, public=False):
    data = {"csrf_token": csrf_token(client, "/account/")}
    if public:
        data["public"] = "y"
    return client.post(f"/pilot/showcase/attempts/{attempt}/show", data=data)


def photo_links(html):
    return re.findall(r'src="(/pilot/showcase/photos/\d+/[^"]+)"', html)


def item_ids(html):
    return [int(n) for n in re.findall(r'id="item-(\d+)"', html)]


def comment(client, item, text, key="k" * 32):
    data = {"csrf_token": csrf_token(client, "/account/"), "text": text, "submission_key": key}
    return client.post(f"/pilot/showcase/items/{item}/comments", data=data)


def moderate(client, comment_id, decision):
    return client.post(f"/pilot/showcase/comments/{comment_id}/moderate",
                       data={"csrf_token": csrf_token(client, "/account/"), "decision": decision})


def status_of(client, path):
    """The status of a GET, the response closed (a photo's file is closed with it)."""
    with client.get(path) as response:
        return response.status_code


def second_item(app, public=True):
    """A second showcase item on the task, another student's of the test school, made directly."""
    student = make_user(app, "jonas@example.org", "student", name="Jonas Petraitis")
    with app.app_context():
        first = db.session.scalar(select(ShowcaseItem))
        work = TaskWork(student_id=student, item_code=first.task_code, state="accepted", checklist=[],
                        measurements={}, text={})
        db.session.add(work)
        db.session.flush()
        attempt = Attempt(work_id=work.id, number=1, submission_key="j" * 32, checklist=[], measurements={}, text={})
        db.session.add(attempt)
        db.session.flush()
        db.session.add(ShowcaseConsent(attempt_id=attempt.id, student_id=student, public=public))
        db.session.add(ShowcaseItem(attempt_id=attempt.id, task_code=first.task_code, school_id=first.school_id,
                                    public=public))
        db.session.commit()
