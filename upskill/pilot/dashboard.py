"""The pilot's figures for a period across schools and modules, in a fixed number of queries.

Reports count in their latest submitted version (drafts and superseded versions do not). A
suggestion belongs to a period when it was made inside one of its reports, or made between its
first and last day by somebody of a school taking part.
"""
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timezone

from sqlalchemy import and_, func, or_, select

from upskill.extensions import db
from upskill.models import PilotReport, ReportState, School, Suggestion, pilot_period_school
from upskill.pilot.item_codes import module_of
from upskill.pilot.report_fields import RATINGS
from upskill.pilot.survey_results import module_totals, survey_results


@dataclass(frozen=True)
class Completion:
    """How many students started and completed a module (at one school, or at all of them)."""

    started: int
    completed: int

    @property
    def share(self):
        return self.completed / self.started if self.started else None


@dataclass(frozen=True)
class Figures:
    """Everything the dashboard and the pilot summary show of one period."""

    schools: dict  # school id -> name, of the schools (not companies) taking part, by name
    companies: int
    reports: int  # schools with a submitted report
    completion: dict  # module -> Completion, every school together
    completion_by_school: dict  # (school id, module) -> Completion
    ratings_by_module: dict  # module -> {rating -> mean or None}
    ratings_by_school: dict  # school id -> {rating -> mean or None}
    survey_by_module: list  # SurveyResult per module
    survey_by_school: list  # SurveyResult per school and module
    suggestions_by_module: Counter
    suggestions_by_kind: Counter
    suggestions_by_status: Counter


def period_figures(period):
    """The figures of the period: a handful of queries however many schools, reports and answers there are."""
    places = db.session.execute(select(School.id, School.name, School.kind).join(
        pilot_period_school, pilot_period_school.c.school_id == School.id)
        .where(pilot_period_school.c.period_id == period.id).order_by(School.name, School.id)).all()
    schools = {row.id: row.name for row in places if row.kind != "company"}
    entries = _latest_submitted_entries(period.id)
    modules = list(period.modules)
    by_school = {(school, code): _completion([entry]) for school, report in entries.items()
                 for code, entry in report.items() if code in modules}
    return Figures(
        schools=schools, companies=len(places) - len(schools), reports=len(entries),
        completion={code: _completion([r[code] for r in entries.values() if code in r]) for code in modules},
        completion_by_school=by_school,
        ratings_by_module={code: _means([r[code] for r in entries.values() if code in r]) for code in modules},
        ratings_by_school={school: _means([e for c, e in r.items() if c in modules]) for school, r in entries.items()},
        survey_by_module=module_totals(period.id, module_codes=modules),
        survey_by_school=survey_results(period.id, module_codes=modules),
        **_suggestion_counts(period, modules))


def _latest_submitted_entries(period_id):
    """school id -> the entries of its latest submitted report version (one query, only two columns)."""
    rows = db.session.execute(select(PilotReport.school_id, PilotReport.entries).where(
        PilotReport.period_id == period_id, PilotReport.state == ReportState.submitted)
        .order_by(PilotReport.school_id, PilotReport.number)).all()
    return {row.school_id: row.entries or {} for row in rows}


def _number(entry, name):
    value = entry.get(name)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _completion(entries):
    return Completion(sum(_number(e, "started") or 0 for e in entries), sum(_number(e, "completed") or 0 for e in entries))


def _means(entries):
    """rating -> the mean of the entries that give it, to one decimal; None where none does."""
    means = {}
    for name in RATINGS:
        values = [v for v in (_number(e, name) for e in entries) if v is not None]
        means[name] = round(sum(values) / len(values), 1) if values else None
    return means


def _suggestion_counts(period, modules):
    """Suggestions of the period counted by module, kind and status (one grouped query)."""
    start = datetime.combine(period.starts_on, time.min, timezone.utc)
    end = datetime.combine(period.ends_on, time.max, timezone.utc)
    of_the_period = or_(
        Suggestion.report_id.in_(select(PilotReport.id).where(PilotReport.period_id == period.id)),
        and_(Suggestion.school_id.in_(select(pilot_period_school.c.school_id)
                                      .where(pilot_period_school.c.period_id == period.id)),
             Suggestion.created_at >= start, Suggestion.created_at <= end))
    rows = db.session.execute(select(Suggestion.item_code, Suggestion.kind, Suggestion.status, func.count())
                              .where(of_the_period).group_by(Suggestion.item_code, Suggestion.kind,
                                                             Suggestion.status)).all()
    by_module, by_kind, by_status = Counter(), Counter(), Counter()
    for item_code, kind, status, count in rows:
        by_module[module_of(item_code) or "glossary"] += count
        by_kind[kind.value] += count
        by_status[status.value] += count
    return {"suggestions_by_module": by_module, "suggestions_by_kind": by_kind, "suggestions_by_status": by_status}
