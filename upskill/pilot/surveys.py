"""The students' anonymous module survey: which surveys a student may answer, and answering one.

A student in a class of a school taking part in a pilot period answers one survey per module of the
period, from its first day until 30 days after its last. The answer is stored apart from the record
that the student answered: no user, the day only, a random key (see upskill.models.survey). For the
same reason answering writes no audit event: its exact time and address would tie the two together.
"""
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from upskill.extensions import db
from upskill.models import (
    SURVEY_QUESTIONS, Enrolment, PilotPeriod, SchoolClass, SurveyAnswer, SurveyTaken, pilot_period_school, utcnow,
)

ANSWERING_AFTER_THE_END = timedelta(days=30)


class SurveyClosed(Exception):
    """The student may not answer this survey (not in the period, not its module, or the time is over)."""


@dataclass(frozen=True)
class StudentSurvey:
    """One module's survey in one period, as a student sees it: for their school, answered or not."""

    period: PilotPeriod
    module_code: str
    school_id: int
    answered: bool


def student_surveys(student, today=None):
    """Every survey the student may answer now, answered or not: latest period first, modules in order (two queries)."""
    today = today or utcnow().date()
    rows = db.session.execute(
        select(PilotPeriod, SchoolClass.school_id)
        .join(pilot_period_school, pilot_period_school.c.period_id == PilotPeriod.id)
        .join(SchoolClass, SchoolClass.school_id == pilot_period_school.c.school_id)
        .join(Enrolment, Enrolment.class_id == SchoolClass.id)
        .where(Enrolment.student_id == student.id, PilotPeriod.starts_on <= today,
               PilotPeriod.ends_on >= today - ANSWERING_AFTER_THE_END)
        .order_by(PilotPeriod.starts_on.desc(), PilotPeriod.id, SchoolClass.school_id)).all()
    if not rows:
        return []
    taken = set(db.session.execute(select(SurveyTaken.period_id, SurveyTaken.module_code)
                                   .where(SurveyTaken.student_id == student.id)).all())
    school_of = {}
    for period, school_id in rows:  # a student in classes of two taking part answers for the first school
        school_of.setdefault(period, school_id)
    return [StudentSurvey(period, code, school_id, (period.id, code) in taken)
            for period, school_id in school_of.items() for code in period.modules]


def surveys_to_answer(student, today=None):
    """The (period id, module code) of the surveys the student has still to answer."""
    return tuple((s.period.id, s.module_code) for s in student_surveys(student, today) if not s.answered)


def student_survey(student, period_id, module_code, today=None):
    """The student's survey of one module in one period; 404 when they may not answer it."""
    survey = _find(student, period_id, module_code, today)
    if survey is None:
        abort(404)
    return survey


def _find(student, period_id, module_code, today):
    return next((survey for survey in student_surveys(student, today)
                 if survey.period.id == period_id and survey.module_code == module_code), None)


def answer_survey(student, period, module_code, ratings, comment, language, today=None):
    """Store that the student answered and, apart, what; return False (storing nothing) if they had answered.

    ratings maps each question of SURVEY_QUESTIONS to 1..5. The record that they answered goes in
    first, inside a savepoint, so that two requests at once store one answer: the second meets the
    primary key and stores nothing.
    """
    if sorted(ratings) != sorted(SURVEY_QUESTIONS) or any(ratings[q] not in range(1, 6) for q in SURVEY_QUESTIONS):
        raise ValueError("every question is rated with a whole number from 1 to 5")
    today = today or utcnow().date()
    survey = _find(student, period.id, module_code, today)
    if survey is None:
        raise SurveyClosed(module_code)
    if survey.answered:
        return False
    try:
        with db.session.begin_nested():
            db.session.add(SurveyTaken(student_id=student.id, period_id=period.id, module_code=module_code))
    except IntegrityError:
        return False
    db.session.add(SurveyAnswer(
        id=secrets.token_hex(16), period_id=period.id, school_id=survey.school_id, module_code=module_code,
        language=language, answered_on=today, comment=comment, **ratings))
    db.session.flush()
    return True
