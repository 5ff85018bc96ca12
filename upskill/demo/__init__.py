"""Demonstration data: the four pilot schools, two partner companies, staff, classes, students' work, the pilot.

Loaded only when asked (`flask --app upskill demo load`), never on a real site; loading again
adds nothing. All people are fictional.
"""
from sqlalchemy import select

from upskill.extensions import db
from upskill.models import CurriculumItem, Enrolment, Placement, Role, School, SchoolClass, User
from upskill.demo.people import CLASSES, PILOT, PLACES, STAFF, student_email
from upskill.demo.pilot import add_pilot
from upskill.demo.work import add_work

DEMO_PASSWORD = "upskill-demo"


def load_demo():
    """Add whatever demo records are missing; return how many were added."""
    created = 0
    places = {s.code: s for s in db.session.scalars(select(School))}
    for code, name, kind, city, country, language in PLACES:
        if code not in places:
            places[code] = School(code=code, name=name, kind=kind, city=city, country=country, language=language,
                                  in_pilot=True, pilot_from=PILOT[0], pilot_to=PILOT[1])
            db.session.add(places[code])
            created += 1
    users = {u.email: u for u in db.session.scalars(select(User))}
    demo_hash = None
    for email, name, roles, place in STAFF:
        if email not in users:
            users[email], demo_hash = _person(email, name, roles, places.get(place), demo_hash)
            created += 1
    db.session.flush()
    curriculum_loaded = db.session.scalar(select(CurriculumItem.id).limit(1)) is not None
    for school_code, (class_name, teacher_email, modules, company, students) in CLASSES.items():
        school = places[school_code]
        if db.session.scalar(select(SchoolClass).where(SchoolClass.school_id == school.id, SchoolClass.name == class_name)):
            continue
        teacher = users[teacher_email]
        school_class = SchoolClass(school=school, name=class_name, starts_on=PILOT[0], ends_on=PILOT[1], modules=modules)
        school_class.teachers.append(teacher)
        db.session.add(school_class)
        created += 1
        trainer = next((u for u in users.values() if u.school is places.get(company) and u.has_role("company_trainer")), None)
        for number, name in enumerate(students, start=1):
            email = student_email(name, school_code)
            student = users.get(email)
            if student is None:
                student, demo_hash = _person(email, name, ("student",), school, demo_hash)
                users[email] = student
                created += 1
            db.session.flush()
            db.session.add(Enrolment(class_id=school_class.id, student_id=student.id,
                                     student_number=f"{school_code.split('-')[1]}-{number:03d}"))
            placed = company is not None and number <= 4
            if placed:
                db.session.add(Placement(student_id=student.id, company_id=places[company].id, trainer_id=trainer.id,
                                         starts_on=PILOT[0], ends_on=PILOT[1]))
            db.session.flush()
            if curriculum_loaded:
                add_work(db.session, student, teacher, trainer, school_class, school.language, placed)
    db.session.flush()
    created += add_pilot({code: places[code] for code, *_rest in PLACES}, users)
    db.session.flush()
    return created


def _person(email, name, roles, place, demo_hash):
    """A demo account with the demo password (hashed once and shared: these are not real accounts)."""
    user = User(email=email, name=name, school=place, language=place.language if place else "en")
    for role in roles:
        user.grant(Role(role))
    if demo_hash is None:
        user.set_password(DEMO_PASSWORD)
        demo_hash = user.password_hash
    user.password_hash = demo_hash
    db.session.add(user)
    return user, demo_hash
