"""Who belongs where in the showcase: a person's schools, whether they take part in a pilot, the names shown."""
from sqlalchemy import exists, select, union

from upskill.extensions import db
from upskill.models import Enrolment, SchoolClass, class_teacher, pilot_period_school


def schools_of(user):
    """The ids of the schools a student or teacher belongs to: their own, and those of their classes."""
    if not user.is_authenticated:
        return set()
    enrolled = select(SchoolClass.school_id).join(Enrolment, Enrolment.class_id == SchoolClass.id).where(
        Enrolment.student_id == user.id)
    taught = select(SchoolClass.school_id).join(class_teacher, class_teacher.c.class_id == SchoolClass.id).where(
        class_teacher.c.user_id == user.id)
    found = set(db.session.scalars(union(enrolled, taught)))
    return found | ({user.school_id} if user.school_id else set())


def school_in_pilot(school_id):
    """Whether the school takes part in any pilot period."""
    return bool(school_id) and db.session.scalar(select(exists().where(pilot_period_school.c.school_id == school_id)))


def sees_whole_showcase(user):
    """Coordinators, administrators, and students and teachers of a school in a pilot period see every item."""
    if not user.is_authenticated:
        return False
    if user.has_role("coordinator", "admin"):
        return True
    schools = schools_of(user) if user.has_role("student", "teacher") else set()
    return bool(schools) and db.session.scalar(select(exists().where(pilot_period_school.c.school_id.in_(schools))))


def first_name(full_name):
    """The first word of a name: never the surname."""
    return (full_name or "").split(" ")[0][:40]


def shown_name(consent):
    """The name the student chose to be shown by: their first name or their pseudonym."""
    if consent.shown_name.value == "pseudonym" and consent.pseudonym:
        return consent.pseudonym
    return first_name(consent.student.name)
