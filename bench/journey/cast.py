"""The people of the load, made in bulk before it starts: a school, one class per teacher, its students."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from upskill.extensions import db
from upskill.models import CurriculumItem, Enrolment, ItemKind, Role, School, SchoolClass, User

PASSWORD = "a load-test password"
DOMAIN = "load.example"


@dataclass
class Cast:
    """Who takes part and where they go: students' and teachers' e-mails, lesson and task addresses."""

    students: list
    teachers: list
    lessons: list
    tasks: list
    task_codes: dict = field(default_factory=dict)  # task address -> item code
    password: str = PASSWORD


def make_cast(app, students, teachers):
    """Create the accounts (one password hash shared: hashing each would take longer than the load)."""
    with app.app_context():
        modules = db.session.scalars(select(CurriculumItem.code).where(CurriculumItem.kind == ItemKind.module,
                                                                       CurriculumItem.retired_at.is_(None))).all()
        school = School(code="LOAD", name="Load-test school", city="Loopback", country="LT")
        db.session.add(school)
        password_hash = None
        teacher_emails, student_emails, classes = [], [], []
        for n in range(teachers):
            teacher = User(email=f"teacher{n}@{DOMAIN}", name=f"Teacher {n}", school=school,
                           password_hash=password_hash)
            if password_hash is None:
                teacher.set_password(PASSWORD)
                password_hash = teacher.password_hash
            teacher.grant(Role.teacher)
            school_class = SchoolClass(school=school, name=f"Load class {n}", starts_on=date(2026, 9, 1),
                                       ends_on=date(2027, 6, 30), modules=list(modules))
            school_class.teachers.append(teacher)
            db.session.add_all([teacher, school_class])
            teacher_emails.append(teacher.email)
            classes.append(school_class)
        db.session.flush()
        for n in range(students):
            student = User(email=f"student{n}@{DOMAIN}", name=f"Student {n:03d}", school=school,
                           password_hash=password_hash)
            student.grant(Role.student)
            db.session.add(student)
            db.session.flush()
            db.session.add(Enrolment(class_id=classes[n % teachers].id, student_id=student.id))
            student_emails.append(student.email)
        db.session.commit()
        return Cast(student_emails, teacher_emails, *_places())


def _places():
    """The lessons' addresses, the school tasks' addresses (company tasks wait for a trainer) and their codes."""
    items = db.session.execute(select(CurriculumItem.code, CurriculumItem.kind, CurriculumItem.facts)
                               .where(CurriculumItem.kind.in_([ItemKind.lesson, ItemKind.task]),
                                      CurriculumItem.retired_at.is_(None))
                               .order_by(CurriculumItem.code)).all()
    lessons, tasks, codes = [], [], {}
    for code, kind, facts in items:
        module, item = code.split(".")
        if kind == ItemKind.lesson:
            lessons.append(f"/curriculum/{module}/{item}/")
        elif (facts or {}).get("setting") != "company":
            tasks.append(f"/learn/{module}/{item}/")
            codes[tasks[-1]] = code
    return lessons, tasks, codes
