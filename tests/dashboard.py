"""Helpers for tests of the pilot dashboard: a known small pilot, and more of the same to compare query counts."""
import secrets
from datetime import date, datetime, timezone

from tests.accounts import log_in, make_user
from upskill.extensions import db
from upskill.models import (PilotPeriod, PilotReport, ReportState, School, Suggestion, SuggestionKind, SuggestionStatus,
                            SurveyAnswer, User)
from upskill.pilot.report_fields import empty_entry

HOSTILE_NAME = "<script>alert(1)</script> school"
IN_THE_PERIOD = datetime(2026, 10, 1, tzinfo=timezone.utc)


def entry(started, completed, rating, **ratings):
    """A report's entry on a module: the students, and every rating the same unless named."""
    return {**empty_entry(), "started": started, "completed": completed,
            **{name: rating for name in ("relevance", "student_text", "teacher_notes", "difficulty", "time",
                                         "placement")}, **ratings}


def report(period_id, school_id, number, entries, state=ReportState.submitted):
    return PilotReport(period_id=period_id, school_id=school_id, number=number, entries=entries, state=state)


def answers(period_id, school_id, module, count, value):
    """count survey answers of a school's students on a module, every question answered value."""
    return [SurveyAnswer(id=secrets.token_hex(16), period_id=period_id, school_id=school_id, module_code=module,
                         language="en", answered_on=date(2026, 10, 1), interest=value, clarity=value,
                         practice=value, time=value) for _ in range(count)]


def suggestion(number, item_code, kind, status, school_id, report_id=None, created_at=IN_THE_PERIOD):
    return Suggestion(code=f"S-2026-{number:03d}", year=2026, number=number, item_code=item_code, kind=kind,
                      status=status, text="A suggestion", language="en", school_id=school_id, report_id=report_id,
                      submission_key=secrets.token_hex(16), created_at=created_at)


def known_pilot(app):
    """Two schools on M01 and M02, with known reports, survey answers (groups of 5 and 4) and suggestions.

    Alpha submitted a report and then a correction (the correction counts), and has a draft of a
    second correction (which does not). The second school, whose name is hostile markup, submitted once.
    """
    with app.app_context():
        alpha = School(code="LT-ALF", name="Alpha school", city="Kaunas", country="LT")
        hostile = School(code="FI-HOS", name=HOSTILE_NAME, city="Tampere", country="FI")
        company = School(code="CO-PIL", name="Pilot company", city="Kaunas", country="LT", kind="company")
        outsider = School(code="FR-OUT", name="Outside school", city="Lyon", country="FR")
        period = PilotPeriod(name="Pilot autumn 2026", starts_on=date(2026, 9, 1), ends_on=date(2026, 12, 18),
                             modules=["M01", "M02"], languages=["en"], schools=[alpha, hostile, company])
        db.session.add_all([period, outsider])
        db.session.flush()
        first = report(period.id, alpha.id, 1, {"M01": entry(12, 2, 1)})
        db.session.add_all([
            first,
            report(period.id, alpha.id, 2, {"M01": entry(10, 8, 4, difficulty=3), "M02": entry(5, 1, 5)}),
            report(period.id, alpha.id, 3, {"M01": entry(99, 99, 1)}, state=ReportState.draft),
            report(period.id, hostile.id, 1, {"M01": entry(6, 3, 2, difficulty=5)}),
            *answers(period.id, alpha.id, "M01", 5, 4), *answers(period.id, hostile.id, "M01", 4, 1),
        ])
        db.session.flush()
        db.session.add_all([
            suggestion(1, "M01.L1", SuggestionKind.unclear, SuggestionStatus.new, alpha.id, report_id=first.id),
            suggestion(2, "M01", SuggestionKind.error, SuggestionStatus.accepted, hostile.id),
            suggestion(3, "glossary:hopper", SuggestionKind.translation, SuggestionStatus.new, hostile.id),
            suggestion(4, "M02.L1", SuggestionKind.error, SuggestionStatus.new, outsider.id),  # not a school of the period
            suggestion(5, "M02.L1", SuggestionKind.error, SuggestionStatus.new, alpha.id,
                       created_at=datetime(2025, 1, 1, tzinfo=timezone.utc)),  # before the period
        ])
        db.session.commit()
        return period.id


def more_schools(app, period_id, count, first_number=100):
    """count more schools in the period, each with a submitted report, survey answers and suggestions."""
    with app.app_context():
        period = db.session.get(PilotPeriod, period_id)
        for n in range(count):
            school = School(code=f"X-{first_number + n}", name=f"School {first_number + n}", city="X", country="LT")
            period.schools.append(school)
            db.session.flush()
            db.session.add(report(period_id, school.id, 1, {"M01": entry(10, 5, 3), "M02": entry(8, 8, 4)}))
            db.session.add_all(answers(period_id, school.id, "M02", 6, 3))
            db.session.add(suggestion(first_number + n, "M02.L1", SuggestionKind.missing, SuggestionStatus.rejected,
                                      school.id))
        db.session.commit()


def coordinator(app):
    """A signed-in coordinator's test client."""
    if not _exists(app, "coord@example.org"):
        make_user(app, "coord@example.org", "coordinator")
    client = app.test_client()
    log_in(client, "coord@example.org")
    return client


def _exists(app, email):
    with app.app_context():
        return db.session.query(User.id).filter_by(email=email).first() is not None
