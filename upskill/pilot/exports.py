"""The pilot's data as CSV rows: reports, ratings, survey results and suggestions, in stable documented columns.

Each export's columns are the constant named after it, in that order; names are English snake_case.
Timestamps are UTC in ISO 8601. Only what the reader may read is exported: a teacher gets their own
school's reports and survey results and their own suggestions; coordinators and administrators everything.
"""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from upskill.extensions import db
from upskill.models import SURVEY_QUESTIONS, School, Suggestion
from upskill.pilot.report_fields import HOURS, RATINGS, STUDENTS, TEXTS
from upskill.pilot.report_list import ReportFilters, reports_for
from upskill.pilot.reports import sees_every_school
from upskill.pilot.suggestion_scope import visible_to
from upskill.pilot.survey_results import RATINGS as SURVEY_SCALE, survey_results

REPORT_COLUMNS = ("period", "school", "country", "version", "status", "submitted_at", "module",
                  *HOURS, *STUDENTS, *RATINGS, *TEXTS)
RATING_COLUMNS = ("period", "school", "country", "version", "status", "submitted_at", "module", "rating", "value")
SURVEY_COLUMNS = ("period", "school", "country", "module", "question", "answers", "mean",
                  *(f"count_{value}" for value in SURVEY_SCALE))
SUGGESTION_COLUMNS = ("code", "item", "module", "kind", "status", "reason", "duplicate_of", "applied_in",
                      "language", "school", "created_at", "text", "proposed_change")


def report_rows(user, period):
    """One row per version of each school's report and module it covers, by school, version and module."""
    reports = reports_for(user, ReportFilters(period_id=period.id, every_version=True))
    for report in sorted(reports, key=lambda r: (r.school.name, r.number)):
        for module, entry in report.entries.items():
            yield (*_report_cells(report), module,
                   *(entry.get(name) for name in (*HOURS, *STUDENTS, *RATINGS, *TEXTS)))


def rating_rows(user, period):
    """One row per school's latest report, module and rating (long format; an unrated one has an empty value)."""
    reports = reports_for(user, ReportFilters(period_id=period.id))
    for report in sorted(reports, key=lambda r: r.school.name):
        for module, entry in report.entries.items():
            for rating in RATINGS:
                yield (*_report_cells(report), module, rating, entry.get(rating))


def survey_rows(user, period):
    """One row per school, module and question; a group too small to show has its answers and empty figures."""
    scope = None if sees_every_school(user) else [user.school_id]
    results = survey_results(period.id, school_ids=scope)
    schools = {school.id: school for school in db.session.scalars(
        select(School).where(School.id.in_({result.school_id for result in results})))}
    for result in results:
        school = schools[result.school_id]
        for question in SURVEY_QUESTIONS:
            if result.averages is None:
                figures = (None,) * (1 + len(SURVEY_SCALE))
            else:
                figures = (result.averages[question], *result.distribution[question])
            yield (period.name, school.name, school.country, result.module_code, question, result.answers, *figures)


def suggestion_rows(user):
    """One row per suggestion the user may see on the board (upskill.pilot.suggestion_scope), the newest first."""
    query = (select(Suggestion).options(joinedload(Suggestion.school), joinedload(Suggestion.duplicate_of))
             .order_by(Suggestion.year.desc(), Suggestion.number.desc()))
    if (condition := visible_to(user)) is not None:
        query = query.where(condition)
    for s in db.session.scalars(query):
        yield (s.code, s.item_code, s.item_code.split(".")[0], s.kind.value, s.status.value, s.status_reason,
               s.duplicate_of.code if s.duplicate_of else None, s.applied_in, s.language,
               s.school.name if s.school else None, _timestamp(s.created_at), s.text, s.proposed_change)


def _report_cells(report):
    return (report.period.name, report.school.name, report.school.country, report.number, report.state.value,
            _timestamp(report.submitted_at))


def _timestamp(moment):
    return moment.isoformat(timespec="seconds") if moment else None
