"""Helpers for tests with schools and classes."""
from datetime import date

from upskill.extensions import db
from upskill.models import School, SchoolClass, User


def make_school(app, code="LT-VIS", name="Visaginas Vocational School", kind="school", country="LT"):
    with app.app_context():
        school = School(code=code, name=name, kind=kind, city="Visaginas", country=country)
        db.session.add(school)
        db.session.commit()
        return school.id


def make_class(app, school_id, teacher_ids=(), name="Operators 2026 A", modules=("M01",)):
    with app.app_context():
        school_class = SchoolClass(school_id=school_id, name=name, starts_on=date(2026, 9, 1),
                                   ends_on=date(2027, 6, 30), modules=list(modules))
        school_class.teachers.extend(db.session.get(User, i) for i in teacher_ids)
        db.session.add(school_class)
        db.session.commit()
        return school_class.id
