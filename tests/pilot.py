"""Helpers for tests of the pilot: a period with the test school in it, a report's form as a teacher sends it."""
import re
from datetime import date

from sqlalchemy import select

from upskill.extensions import db
from upskill.models import PilotPeriod, PilotReport, School

REVISION = re.compile(r'name="revision"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="revision"')


def make_period(app, school_ids, modules=("M01",), name="Autumn pilot 2020"):
    with app.app_context():
        period = PilotPeriod(name=name, starts_on=date(2020, 9, 1), ends_on=date(2027, 12, 18),
                             modules=list(modules), languages=["en", "lt"],
                             schools=db.session.scalars(select(School).where(School.id.in_(school_ids))).all())
        db.session.add(period)
        db.session.commit()
        return period.id


def report_form(modules, revision, **answers):
    """The edit form's fields: every module's entry, with answers (field name -> value) for all of them."""
    data = {"revision": str(revision)}
    for index, code in enumerate(modules):
        data[f"modules-{index}-code"] = code
        for name, value in answers.items():
            data[f"modules-{index}-{name}"] = str(value)
    return data


def revision_on(html):
    found = REVISION.search(html)
    return int(found.group(1) or found.group(2))


def report_row(app, report_id):
    with app.app_context():
        report = db.session.get(PilotReport, report_id)
        db.session.expunge(report)
        return report
