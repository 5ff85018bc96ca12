"""Whose survey results a reader may see: coordinators every school's, a teacher their school's, a
company trainer those of the modules whose company tasks their placed students do, at those students' schools."""
from dataclasses import dataclass

from flask import abort
from sqlalchemy import select

from upskill.extensions import db
from upskill.models import CurriculumItem, Enrolment, ItemKind, PilotPeriod, Placement, SchoolClass, pilot_period_school
from upskill.pilot.reports import sees_every_school


@dataclass(frozen=True)
class ResultScope:
    """The schools and modules of a period a reader may see results of (None: every one)."""

    school_ids: tuple | None
    module_codes: tuple | None


def result_scope(user, period_id):
    """Return the period and what of it the user may see; the same 404 for a period that is not theirs as for none."""
    period = db.session.get(PilotPeriod, period_id)
    if period is None:
        abort(404)
    if sees_every_school(user):
        return period, ResultScope(None, None)
    schools_there = {school.id for school in period.schools}
    if user.has_role("teacher") and user.school_id in schools_there:
        return period, ResultScope((user.school_id,), None)
    if user.has_role("company_trainer"):
        school_ids, module_codes = trained_scope(user.id)
        school_ids = tuple(sorted(set(school_ids) & schools_there))
        module_codes = tuple(code for code in period.modules if code in module_codes)
        if school_ids and module_codes:
            return period, ResultScope(school_ids, module_codes)
    abort(404)


def trained_periods(trainer_id):
    """The pilot periods with survey results for the trainer to see, the latest first."""
    school_ids, module_codes = trained_scope(trainer_id)
    if not (school_ids and module_codes):
        return []
    periods = db.session.scalars(
        select(PilotPeriod).join(pilot_period_school, pilot_period_school.c.period_id == PilotPeriod.id)
        .where(pilot_period_school.c.school_id.in_(school_ids))
        .order_by(PilotPeriod.starts_on.desc(), PilotPeriod.id)).unique().all()
    return [period for period in periods if set(period.modules) & module_codes]


def trained_scope(trainer_id):
    """The schools of the students placed with the trainer, and their classes' modules that have company tasks."""
    rows = db.session.execute(
        select(SchoolClass.school_id, SchoolClass.modules)
        .join(Enrolment, Enrolment.class_id == SchoolClass.id)
        .join(Placement, Placement.student_id == Enrolment.student_id)
        .where(Placement.trainer_id == trainer_id)).all()
    if not rows:
        return set(), set()
    followed = {code for _school, modules in rows for code in modules or ()}
    return {school for school, _modules in rows}, followed & modules_with_company_tasks()


def modules_with_company_tasks():
    """The modules with a live practical task done in a company."""
    rows = db.session.execute(select(CurriculumItem.module_code, CurriculumItem.facts)
                              .where(CurriculumItem.kind == ItemKind.task, CurriculumItem.retired_at.is_(None)))
    return {module for module, facts in rows if (facts or {}).get("setting") == "company"}
