"""The class matrix, the review queue and the dashboard cost the same number of queries for 5 students as for 50."""
import pytest

from tests.accounts import log_in, make_user
from tests.classes import make_class, make_school
from tests.conftest import FIXTURE_CURRICULUM, empty_database, make_app, statements_of
from upskill.curriculum.sync import sync_curriculum
from upskill.extensions import db
from upskill.models import Attempt, Enrolment, LessonRead, QuizAttempt, Role, TaskWork, User


def fill_class(app, students):
    school = make_school(app)
    teacher = make_user(app, "teacher@example.org", "teacher")
    class_id = make_class(app, school, [teacher], modules=("M01", "M02"))
    first = make_user(app, "s0@example.org", "student")
    with app.app_context():
        hashed = db.session.get(User, first).password_hash
        ids = [first]
        for n in range(1, students):
            user = User(email=f"s{n}@example.org", name=f"Student {n:02d}", password_hash=hashed)
            user.grant(Role.student)
            db.session.add(user)
            db.session.flush()
            ids.append(user.id)
        for n, student_id in enumerate(ids):
            db.session.add(Enrolment(class_id=class_id, student_id=student_id))
            db.session.add(LessonRead(student_id=student_id, item_code="M01.L1"))
            db.session.add(QuizAttempt(student_id=student_id, item_code="M01.Q", score=1, total=2, answers={}))
            work = TaskWork(student_id=student_id, item_code="M01.T1", state="submitted", checklist=[0, 1, 2],
                            measurements={"1": "12 kg"}, text={})
            db.session.add(work)
            db.session.flush()
            db.session.add(Attempt(work_id=work.id, number=1, submission_key=f"k{n}", checklist=[], measurements={}, text={}))
        db.session.commit()
    return class_id


def queries(app, client, path):
    response, statements = statements_of(app, client, path)
    assert response.status_code == 200, path
    return len([s for s in statements if not s.lstrip().upper().startswith(("SAVEPOINT", "RELEASE"))])


@pytest.mark.parametrize("page", ["matrix", "review", "dashboard", "class", "outcomes"])
def test_query_count_does_not_grow_with_the_class(database_url, page):
    counts = []
    for size in (5, 50):
        app = make_app(database_url)
        with app.app_context():
            sync_curriculum(FIXTURE_CURRICULUM)
            db.session.commit()
        class_id = fill_class(app, size)
        client = app.test_client()
        log_in(client, "s0@example.org" if page == "dashboard" else "teacher@example.org")
        path = {"matrix": f"/teach/classes/{class_id}/matrix", "review": "/teach/review", "dashboard": "/learn/",
                "class": f"/teach/classes/{class_id}/", "outcomes": f"/teach/classes/{class_id}/outcomes"}[page]
        client.get(path)  # warm the content caches
        counts.append(queries(app, client, path))
        empty_database(app)
    assert counts[0] == counts[1], counts
    assert counts[0] <= 14, counts
