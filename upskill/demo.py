"""Demonstration data: the four pilot schools and an account for each role."""
from sqlalchemy import select

from upskill.extensions import db
from upskill.models import Role, School, User

PILOT_SCHOOLS = (
    ("LT-VIS", "Visaginas Vocational School", "Visaginas", "LT", "lt"),
    ("LT-ALY", "Alytus Vocational Training Centre", "Alytus", "LT", "lt"),
    ("FI-TRE", "Tredu", "Tampere", "FI", "fi"),
    ("FR-ISPA", "ISPA", "Alençon", "FR", "fr"),
)

DEMO_PASSWORD = "upskill-demo"
DEMO_USERS = (
    ("admin@example.org", "Ada Admin", Role.admin, None),
    ("coordinator@example.org", "Cora Coordinator", Role.coordinator, None),
    ("teacher@example.org", "Tomas Teacher", Role.teacher, "LT-VIS"),
    ("student@example.org", "Sofia Student", Role.student, "LT-VIS"),
)


def load_demo():
    """Add whatever demo schools and users are missing; return how many were added."""
    schools = {s.code: s for s in db.session.scalars(select(School))}
    created = 0
    for code, name, city, country, language in PILOT_SCHOOLS:
        if code not in schools:
            schools[code] = School(code=code, name=name, city=city, country=country, language=language)
            db.session.add(schools[code])
            created += 1
    existing = set(db.session.scalars(select(User.email)))
    for email, name, role, school_code in DEMO_USERS:
        if email in existing:
            continue
        user = User(email=email, name=name, school=schools.get(school_code))
        user.grant(role)
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
        created += 1
    db.session.flush()
    return created
