"""Helpers for tests that read pilot reports across schools: two schools with their staff, reports made directly."""
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from tests.accounts import log_in, make_user
from tests.classes import make_school
from tests.pilot import make_period
from upskill.extensions import db
from upskill.models import PilotReport, ReportState, School, User
from upskill.pilot.report_fields import empty_entry

SUBMITTED_AT = datetime(2020, 12, 20, 9, 30, tzinfo=timezone.utc)
LITHUANIAN = "Mokiniams patiko: ą č ę ė į š ų ū ž"


@dataclass
class TwoSchools:
    """A Lithuanian and a Finnish school in one period on M01 and M02, a teacher of each and a coordinator."""

    app: object
    period_id: int
    school_id: int
    other_school_id: int
    teacher: object
    other_teacher: object
    coordinator: object


def two_schools(app):
    school_id = make_school(app, code="LT-ALY", name="Alytaus profesinio rengimo centras", country="LT")
    other_school_id = make_school(app, code="FI-TRE", name="Tredu", country="FI")
    clients = {}
    for email, role, school in (("mokytoja@example.org", "teacher", school_id),
                                ("opettaja@example.org", "teacher", other_school_id),
                                ("coord@example.org", "coordinator", None)):
        make_user(app, email, role, name=email.split("@")[0].title())
        with app.app_context():
            db.session.scalar(select(User).where(User.email == email)).school_id = school
            db.session.commit()
        clients[email] = app.test_client()
        log_in(clients[email], email)
    period_id = make_period(app, [school_id, other_school_id], modules=("M01", "M02"))
    return TwoSchools(app, period_id, school_id, other_school_id, clients["mokytoja@example.org"],
                      clients["opettaja@example.org"], clients["coord@example.org"])


def entry(**values):
    """A module's entry: every field unset but those given."""
    return {**empty_entry(), **values}


def make_report(app, period_id, school_id, entries, number=1, submitted=True):
    """Add a school's report (version number) with entries {module code: entry}; return its id."""
    with app.app_context():
        report = PilotReport(period_id=period_id, school_id=school_id, number=number, entries=entries,
                             state=ReportState.submitted if submitted else ReportState.draft,
                             submitted_at=SUBMITTED_AT if submitted else None)
        db.session.add(report)
        db.session.commit()
        return report.id


def school_name(app, school_id):
    with app.app_context():
        return db.session.get(School, school_id).name
