"""The list of pilot reports a reader may see, filtered by period, school, module and state, in few queries."""
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from upskill.extensions import db
from upskill.models import PilotPeriod, PilotReport, ReportState, School
from upskill.pilot.reports import sees_every_school


@dataclass(frozen=True)
class ReportFilters:
    """What the reader asked for; None means any."""

    period_id: int | None = None
    school_id: int | None = None
    module_code: str | None = None
    state: ReportState | None = None
    every_version: bool = False


def reports_for(user, filters=ReportFilters()):
    """The reports user may read that match the filters: the latest period first, then school and version.

    One query, whatever the number of reports: the school, period and people come joined.
    """
    query = (select(PilotReport).join(PilotReport.period).join(PilotReport.school)
             .options(joinedload(PilotReport.period), joinedload(PilotReport.school),
                      joinedload(PilotReport.updated_by), joinedload(PilotReport.submitted_by))
             .order_by(PilotPeriod.starts_on.desc(), PilotPeriod.id, School.name, PilotReport.number.desc()))
    if not sees_every_school(user):
        query = query.where(PilotReport.school_id == user.school_id)
    if filters.period_id is not None:
        query = query.where(PilotReport.period_id == filters.period_id)
    if filters.school_id is not None:
        query = query.where(PilotReport.school_id == filters.school_id)
    if not filters.every_version:
        query = query.where(PilotReport.number == _latest_number())
    if filters.state is not None:
        query = query.where(PilotReport.state == filters.state)
    reports = db.session.scalars(query).unique().all()
    if filters.module_code is not None:  # entries are JSON: read in Python, the same on every database
        reports = [report for report in reports if filters.module_code in report.entries]
    return reports


def schools_for(user):
    """The schools whose reports user may read (companies write none), by name."""
    query = select(School).where(School.kind == "school").order_by(School.name)
    if not sees_every_school(user):
        query = query.where(School.id == user.school_id)
    return db.session.scalars(query).all()


def _latest_number():
    later = db.aliased(PilotReport)
    return (select(func.max(later.number))
            .where(later.period_id == PilotReport.period_id, later.school_id == PilotReport.school_id)
            .correlate(PilotReport).scalar_subquery())
