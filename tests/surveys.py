"""Helpers for tests of the survey: a pilot class, more students in it, answers given through the service."""
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import event, func, select

from tests.classes import make_class, make_school
from tests.pilot import make_period
from tests.work import make_company_task, set_up_school
from upskill.extensions import db
from upskill.models import Enrolment, PilotPeriod, Role, School, SchoolClass, SurveyAnswer, SurveyTaken, User, utcnow
from upskill.pilot.surveys import answer_survey

RATINGS = {"interest": "4", "clarity": "3", "practice": "5", "time": "2"}


@dataclass
class PilotClass:
    """The test school's class in a running pilot period on M01 and M02 (M01 has a company task)."""

    app: object
    school: object  # tests.work.School: its teacher, student and trainer
    school_id: int
    period_id: int


def pilot_class(app):
    school = set_up_school(app)
    make_company_task(app)
    with app.app_context():
        school_id = db.session.get(SchoolClass, school.class_id).school_id
    period_id = make_period(app, [school_id, school.company_id], modules=("M01", "M02"))
    return PilotClass(app, school, school_id, period_id)


def other_school_in(app, period_id, code="FI-TRE", name="Tredu"):
    """A second school with a class, taking part in the period; return (school id, class id)."""
    school_id = make_school(app, code=code, name=name, country="FI")
    class_id = make_class(app, school_id, name=f"{name} class")
    with app.app_context():
        period = db.session.get(PilotPeriod, period_id)
        period.schools.append(db.session.get(School, school_id))
        db.session.commit()
    return school_id, class_id


def add_students(app, class_id, count, prefix="pupil"):
    """Enrol count new students in the class; return their ids."""
    with app.app_context():
        ids = []
        for n in range(count):
            student = User(email=f"{prefix}{class_id}-{n}@example.org", name=f"Pupil {n:02d}")
            student.grant(Role.student)
            db.session.add(student)
            db.session.flush()
            db.session.add(Enrolment(class_id=class_id, student_id=student.id))
            ids.append(student.id)
        db.session.commit()
        return ids


def answer_as(app, student_ids, period_id, module="M01", comment="", today=None, **ratings):
    """Each student answers the module's survey with the same ratings (4, 3, 5, 2 unless told)."""
    given = {name: int(value) for name, value in {**RATINGS, **ratings}.items()}
    with app.app_context():
        period = db.session.get(PilotPeriod, period_id)
        for n, student_id in enumerate(student_ids):
            text = comment.format(n=n) if comment else ""
            assert answer_survey(db.session.get(User, student_id), period, module, given, text, "en", today=today)
        db.session.commit()


def stored(app):
    """(answers, records that someone answered) in the database."""
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(SurveyAnswer)),
                db.session.scalar(select(func.count()).select_from(SurveyTaken)))


def set_period_dates(app, period_id, starts_on, ends_on):
    with app.app_context():
        period = db.session.get(PilotPeriod, period_id)
        period.starts_on, period.ends_on = starts_on, ends_on
        db.session.commit()


def days_ago(days):
    return utcnow().date() - timedelta(days=days)


def statements_in(app, work):
    """How many SQL statements work() issues."""
    statements = []

    def count(_conn, _cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            work()
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)
