"""Who may see whose work: a student their own; teachers their classes' students; company trainers the
company tasks of the students placed with them. Nobody else, and never a hint that the work exists."""
from flask import abort
from sqlalchemy import exists, select

from upskill.extensions import db
from upskill.models import Enrolment, Placement, class_teacher


def teaches(teacher_id, student_id):
    """Whether the teacher teaches a class the student is in (one query)."""
    return db.session.scalar(select(exists().where(
        Enrolment.student_id == student_id, Enrolment.class_id == class_teacher.c.class_id,
        class_teacher.c.user_id == teacher_id,
    )))


def trains(trainer_id, student_id):
    """Whether the company trainer supervises the student's placement."""
    return db.session.scalar(select(exists().where(Placement.student_id == student_id,
                                                   Placement.trainer_id == trainer_id)))


def may_see(user, student_id, company_task=False):
    if user.id == student_id:
        return True
    if user.has_role("teacher") and teaches(user.id, student_id):
        return True
    return company_task and user.has_role("company_trainer") and trains(user.id, student_id)


def see_or_404(user, student_id, company_task=False):
    if not may_see(user, student_id, company_task):
        abort(404)
