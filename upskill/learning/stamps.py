"""Progress versions: every change to a student's work moves theirs on, so that the pages showing
progress (class matrix, dashboard) can be kept rendered until something they show has changed.

A page's key is the content version and language (the page cache adds them) and the count, sum
of versions and newest id of the enrolments it covers: one small query per page.
"""
from sqlalchemy import func, select, update

from upskill.extensions import db
from upskill.models import Enrolment


def touch(student_id):
    """The student's work changed: every class they are in has news."""
    db.session.execute(update(Enrolment).where(Enrolment.student_id == student_id)
                       .values(progress_version=Enrolment.progress_version + 1))


def touch_class(class_id):
    """Something every student of the class sees changed (its teachers, its modules)."""
    db.session.execute(update(Enrolment).where(Enrolment.class_id == class_id)
                       .values(progress_version=Enrolment.progress_version + 1))


def class_stamp(class_id):
    return tuple(db.session.execute(
        select(func.count(), func.coalesce(func.sum(Enrolment.progress_version), 0), func.max(Enrolment.id))
        .where(Enrolment.class_id == class_id)).one())


def student_stamp(student_id):
    return tuple(db.session.execute(
        select(func.count(), func.coalesce(func.sum(Enrolment.progress_version), 0), func.max(Enrolment.id))
        .where(Enrolment.student_id == student_id)).one())
