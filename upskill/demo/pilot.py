"""The demo's autumn 2020 pilot, finished: the period, every school's report, surveys, showcase, suggestions.

Added once, with the period: when the period is there, nothing of the pilot is added again.
"""
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from upskill.extensions import db
from upskill.models import PilotPeriod, PilotReport, Suggestion, SuggestionStatus
from upskill.demo.people import PILOT
from upskill.demo.pilot_reports import add_reports
from upskill.demo.pilot_showcase import add_showcase
from upskill.demo.pilot_suggestions import APPLIED_IN, SUGGESTIONS
from upskill.demo.pilot_surveys import add_surveys

PERIOD_NAME = "UPSKILL pilot, autumn 2020"
PILOT_MODULES = ["M01", "M03", "M04", "M05", "M06", "M08", "M10"]
FIRST_SUGGESTION = datetime(2020, 9, 14, 10, 0, tzinfo=timezone.utc)
TRIAGED = datetime(2021, 1, 20, 9, 0, tzinfo=timezone.utc)


def add_pilot(places, users):
    """Add the autumn 2020 pilot unless it is there; return how many records were added."""
    if db.session.scalar(select(PilotPeriod.id).where(PilotPeriod.name == PERIOD_NAME)):
        return 0
    coordinator = users["coordinator@example.org"]
    period = PilotPeriod(name=PERIOD_NAME, starts_on=PILOT[0], ends_on=PILOT[1], modules=PILOT_MODULES,
                         languages=["en", "lt", "fi", "fr"], created_by_id=coordinator.id,
                         created_at=datetime(2020, 6, 15, 8, 0, tzinfo=timezone.utc),
                         schools=sorted(places.values(), key=lambda place: place.name))
    db.session.add(period)
    db.session.flush()
    created = 1 + add_reports(period, places, users)
    created += add_suggestions(period, users, coordinator)
    created += add_surveys(period, places)
    created += add_showcase(places, users)
    return created


def add_suggestions(period, users, coordinator):
    """Add the suggestions of SUGGESTIONS with their codes, triage and revision; return how many."""
    reports = {r.school_id: r for r in db.session.scalars(  # the first version, where they were made
        select(PilotReport).where(PilotReport.period_id == period.id).order_by(PilotReport.number.desc()))}
    made = {}
    for demo in sorted(SUGGESTIONS, key=lambda demo: demo.number):  # an original before its duplicates
        author = users[demo.author]
        report = reports.get(author.school_id) if author.has_role("teacher") else None
        created_at = FIRST_SUGGESTION + timedelta(days=2 * demo.number, hours=demo.number % 7)
        triaged = demo.status is not SuggestionStatus.new
        made[demo.number] = Suggestion(
            code=f"S-{PILOT[0].year}-{demo.number:03d}", year=PILOT[0].year, number=demo.number,
            item_code=demo.item_code, kind=demo.kind, text=demo.text, proposed_change=demo.change,
            language=demo.language, status=demo.status, status_reason=demo.reason,
            duplicate_of=made.get(demo.duplicate_of),
            applied_in=APPLIED_IN if demo.status is SuggestionStatus.applied else None,
            triaged_by_id=coordinator.id if triaged else None,
            triaged_at=TRIAGED + timedelta(hours=demo.number) if triaged else None,
            report_id=report.id if report else None, author_id=author.id, school_id=author.school_id,
            submission_key=f"demo-suggestion-{demo.number:03d}", created_at=created_at)
    db.session.add_all(made.values())
    return len(made)
