"""Progress versions: every change to a student's work moves theirs on, so that the pages showing
progress (class matrix, dashboard) can be kept rendered until something they show has changed.

A page's key is the content version and language (the page cache adds them) and the count, sum
of versions and newest id of the enrolments it covers: one small query per page.

Changes to what these pages show of people (a student's name, e-mail, whether the account is
active or still invited, the company placement; a teacher's or trainer's name) move the versions
on by themselves, at flush, so no view can forget to.
"""
from sqlalchemy import event, func, inspect, or_, select, update
from sqlalchemy.orm import Session

from upskill.extensions import db
from upskill.models import Enrolment, Placement, SchoolClass, User, class_teacher

SHOWN_OF_AN_ACCOUNT = ("name", "email", "active", "password_hash")


def touch(student_id):
    """The student's work changed: every class they are in has news."""
    db.session.execute(update(Enrolment).where(Enrolment.student_id == student_id)
                       .values(progress_version=Enrolment.progress_version + 1))


def touch_class(class_id):
    """Something every student of the class sees changed (its teachers, its modules)."""
    db.session.execute(update(Enrolment).where(Enrolment.class_id == class_id)
                       .values(progress_version=Enrolment.progress_version + 1))


def class_stamp(class_id):
    return _stamp(Enrolment.__table__.c.class_id == class_id)


def class_stamp_columns():
    """The class stamp as columns to select beside a class (saves a query on the class's pages)."""
    enrolment = Enrolment.__table__
    of_the_class = enrolment.c.class_id == SchoolClass.id
    return (select(func.count()).where(of_the_class).scalar_subquery(),
            select(func.coalesce(func.sum(enrolment.c.progress_version), 0)).where(of_the_class).scalar_subquery(),
            select(func.max(enrolment.c.id)).where(of_the_class).scalar_subquery())


def student_stamp(student_id):
    return _stamp(Enrolment.__table__.c.student_id == student_id)


def _stamp(which):
    enrolment = Enrolment.__table__
    # Through the connection, not the ORM: no objects are loaded, and this runs on every such page.
    return tuple(db.session.connection().execute(
        select(func.count(), func.coalesce(func.sum(enrolment.c.progress_version), 0), func.max(enrolment.c.id))
        .where(which)).one())


def _changed_people(session):
    """Ids of the people whose account or placement this flush changes as the progress pages show it."""
    ids = set()
    for record in session.dirty:
        if isinstance(record, User) and _changed(record, SHOWN_OF_AN_ACCOUNT):
            ids.add(record.id)
    for record in (*session.new, *session.dirty, *session.deleted):
        if isinstance(record, Placement):
            ids.add(record.student_id or inspect(record).committed_state.get("student_id"))
    return ids - {None}


def _changed(record, names):
    state = inspect(record)
    return any(state.attrs[name].history.has_changes() for name in names)


@event.listens_for(Session, "before_flush")
def _note_changed_people(session, _context, _instances):
    session.info.setdefault("stamps.people", set()).update(_changed_people(session))


@event.listens_for(Session, "after_flush")
def _move_their_versions_on(session, _context):
    """Their own enrolments, the classes they teach and the students they train have news."""
    people = session.info.pop("stamps.people", set())
    if not people:
        return
    enrolment, teaching, placement = Enrolment.__table__, class_teacher, Placement.__table__
    session.connection().execute(
        update(enrolment).where(or_(
            enrolment.c.student_id.in_(people),
            enrolment.c.class_id.in_(select(teaching.c.class_id).where(teaching.c.user_id.in_(people))),
            enrolment.c.student_id.in_(select(placement.c.student_id).where(placement.c.trainer_id.in_(people))),
        )).values(progress_version=enrolment.c.progress_version + 1))
