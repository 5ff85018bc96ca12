"""Pilot reports: who may read and write them, drafts saved without overwriting, submission, corrections."""
from flask import abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from upskill import audit
from upskill.extensions import db
from upskill.models import PilotPeriod, PilotReport, ReportState, utcnow
from upskill.pilot.class_records import prefilled_entries


class StaleReport(Exception):
    """Somebody saved the report after the writer opened it; their changes are kept."""


class ReportClosed(Exception):
    """The report has been submitted, and a submitted report does not change."""


def sees_every_school(user):
    return user.has_role("coordinator", "admin")


def may_write(user, report):
    return user.has_role("teacher") and user.school_id == report.school_id


def period_for(user, period_id):
    """Return the period when user may see it: every one for coordinators, their school's for teachers; else 404."""
    period = db.session.get(PilotPeriod, period_id)
    if period is None or not (sees_every_school(user) or period.takes_part(user.school_id)):
        abort(404)
    return period


def visible_periods(user):
    """The pilot periods a user may see, the latest first."""
    periods = db.session.scalars(select(PilotPeriod).order_by(PilotPeriod.starts_on.desc(), PilotPeriod.id)).all()
    return [p for p in periods if sees_every_school(user) or p.takes_part(user.school_id)]


def report_for(user, report_id, write=False):
    """Return the report when user may read it (or write it); else the same 404 whether it exists or not."""
    report = db.session.get(PilotReport, report_id)
    if report is None:
        abort(404)
    allowed = may_write(user, report) if write else (may_write(user, report) or sees_every_school(user))
    if not allowed:
        abort(404)
    return report


def versions_of(report):
    """Every version of the school's report on the period, the first first."""
    return db.session.scalars(select(PilotReport).where(
        PilotReport.period_id == report.period_id, PilotReport.school_id == report.school_id)
        .order_by(PilotReport.number)).all()


def latest_reports(period):
    """school id -> the latest version of its report on the period."""
    rows = db.session.scalars(select(PilotReport).where(PilotReport.period_id == period.id)
                              .order_by(PilotReport.number)).all()
    return {report.school_id: report for report in rows}


def open_report(period, school_id, by):
    """Return the school's latest report on the period, starting it from the class records if there is none."""
    found = latest_reports(period).get(school_id)
    if found is not None:
        return found
    report = PilotReport(period_id=period.id, school_id=school_id, number=1,
                         entries=prefilled_entries(period, school_id), updated_by_id=by.id)
    try:
        with db.session.begin_nested():
            db.session.add(report)
    except IntegrityError:  # two teachers started it at once: the other one's is the report
        return latest_reports(period)[school_id]
    return report


def save_draft(report, entries, revision, by):
    """Save the entries when they were written from the report's current revision.

    Sending the same entries again from an older revision changes nothing and is not refused.
    """
    if not report.is_draft:
        raise ReportClosed()
    if revision != report.revision:
        if entries == report.entries:
            return report
        raise StaleReport()
    report.entries, report.updated_by_id, report.updated_at = entries, by.id, utcnow()
    _flush_or_stale()
    return report


def submit_report(report, revision, by):
    """Submit the draft as it stands at revision; return False when it was submitted already."""
    if not report.is_draft:
        return False
    if revision != report.revision:
        raise StaleReport()
    report.state, report.submitted_at, report.submitted_by_id = ReportState.submitted, utcnow(), by.id
    _flush_or_stale()
    audit.record("pilot-report-submitted", f"pilot-report:{report.id}", actor=by,
                 school=report.school_id, period=report.period_id, number=report.number)
    return True


def correct_report(report, by):
    """Start a correction of the latest submitted version (or return the one already started)."""
    latest = versions_of(report)[-1]
    if latest.is_draft:
        if latest.number == 1:
            raise ReportClosed()  # nothing submitted yet to correct
        return latest
    correction = PilotReport(period_id=latest.period_id, school_id=latest.school_id, number=latest.number + 1,
                             entries={code: dict(entry) for code, entry in latest.entries.items()},
                             updated_by_id=by.id)
    try:
        with db.session.begin_nested():
            db.session.add(correction)
    except IntegrityError:  # started twice at once
        return versions_of(report)[-1]
    return correction


def _flush_or_stale():
    try:
        db.session.flush()
    except StaleDataError as stale:  # saved by somebody else between our read and our write
        raise StaleReport() from stale

