"""Classes and enrolment: who may see a class, and how students get into one."""
from flask import abort
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from upskill import audit
from upskill.auth.services import INVITE, create_user, find_user, issue_link, normalise_email
from upskill.extensions import db
from upskill.learning import stamps
from upskill.models import Enrolment, Role, SchoolClass, class_teacher


class EnrolmentRefused(ValueError):
    """The person cannot be enrolled; the message says why, in the reader's language."""


def visible_classes(user):
    """The classes a user may see: their own as a teacher; all of them for coordinators and administrators."""
    query = select(SchoolClass).order_by(SchoolClass.starts_on.desc(), SchoolClass.name)
    if not user.has_role("coordinator", "admin"):
        query = query.join(class_teacher).where(class_teacher.c.user_id == user.id)
    return db.session.scalars(query).all()


def class_for(user, class_id, change=False):
    """Return the class when user may see it (or change it); else the same 404 whether it exists or not."""
    return _visible_class(user, class_id, change)


def class_summary(user, class_id):
    """Return what a kept class page needs to know, in one query that loads no objects; else 404.

    That is (details, stamp): what the class's pages show of the class itself (name, school,
    period, modules), and its progress stamp (stamps.class_stamp).
    """
    table = SchoolClass.__table__
    row = db.session.connection().execute(
        select(_taught_by(user), table.c.name, table.c.school_id, table.c.starts_on, table.c.ends_on, table.c.modules,
               *stamps.class_stamp_columns()).where(table.c.id == class_id)).first()
    if row is None or not _may_see(user, row[0], change=False):
        abort(404)
    return (*row[1:5], tuple(row[5] or ())), tuple(row[6:])


def _visible_class(user, class_id, change):
    found = db.session.execute(select(SchoolClass, _taught_by(user)).where(SchoolClass.id == class_id)).first()
    if found is None or not _may_see(user, found[1], change):
        abort(404)
    return found[0]


def _taught_by(user):
    return select(class_teacher).where(class_teacher.c.class_id == SchoolClass.id,
                                       class_teacher.c.user_id == user.id).exists()


def _may_see(user, taught, change):
    return taught or user.has_role("admin") or (user.has_role("coordinator") and not change)


def enrol(school_class, name, email, student_number=None, by=None):
    """Enrol a student; create their account if needed. Return (enrolment, invitation token or None).

    Enrolling somebody already in the class returns their enrolment and no token.
    """
    email = normalise_email(email)
    user = find_user(email)
    token = None
    if user is None:
        user = create_user(email, name, ["student"], school=school_class.school, created_by=by)
        token = issue_link(user, INVITE, created_by=by)
    elif not user.has_role(Role.student):
        raise EnrolmentRefused(_("%(email)s belongs to an account that is not a student's.", email=email))
    existing = db.session.scalar(select(Enrolment).where(Enrolment.class_id == school_class.id,
                                                         Enrolment.student_id == user.id))
    if existing is not None:
        return existing, None
    enrolment = Enrolment(class_id=school_class.id, student_id=user.id, student_number=student_number or None)
    try:
        with db.session.begin_nested():
            db.session.add(enrolment)
        db.session.expire(school_class, ["enrolments"])
    except IntegrityError:  # the same form sent twice at once: the other request enrolled them
        return db.session.scalar(select(Enrolment).where(Enrolment.class_id == school_class.id,
                                                         Enrolment.student_id == user.id)), None
    audit.record("enrolled", f"user:{user.id}", actor=by, school_class=school_class.id)
    return enrolment, token


def pending_invitations(school_class, by=None):
    """New invitation links for the class's students who have not set a password yet: [(user, token)]."""
    pending = [e.student for e in school_class.enrolments if not e.student.password_hash and e.student.active]
    return [(student, issue_link(student, INVITE, created_by=by)) for student in sorted(pending, key=lambda s: s.name)]
