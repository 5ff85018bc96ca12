"""One module of one pilot period as every school reported it: the entry of each school's latest submitted report."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from upskill.extensions import db
from upskill.models import PilotReport, ReportState
from upskill.pilot.reports import sees_every_school


@dataclass(frozen=True)
class SchoolEntry:
    """A school's column: the report it comes from and what the report says about the module."""

    school: object
    report: PilotReport
    entry: dict


def module_entries(user, period, module_code):
    """([SchoolEntry] of the schools whose latest submitted report covers the module, [schools without one]).

    A teacher sees only their own school; coordinators and administrators every school of the period.
    """
    query = (select(PilotReport).options(joinedload(PilotReport.school), joinedload(PilotReport.submitted_by))
             .where(PilotReport.period_id == period.id, PilotReport.state == ReportState.submitted)
             .order_by(PilotReport.number))
    schools = [school for school in period.schools if school.kind == "school"]
    if not sees_every_school(user):
        query = query.where(PilotReport.school_id == user.school_id)
        schools = [school for school in schools if school.id == user.school_id]
    latest = {report.school_id: report for report in db.session.scalars(query)}
    entries, missing = [], []
    for school in schools:
        report = latest.get(school.id)
        if report is not None and module_code in report.entries:
            entries.append(SchoolEntry(school, report, report.entries[module_code]))
        else:
            missing.append(school)
    return entries, missing
