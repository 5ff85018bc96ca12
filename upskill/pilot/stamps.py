"""The pilot version: one counter that moves on whenever pilot data changes, so that the pages
and files made from it (the coordinators' dashboard, its charts and tables) can be kept until then.

It moves on at flush whenever a pilot period, a report, a suggestion, a survey answer or a school
is added, changed or deleted, so no view can forget to; reading it is one lookup by primary key.
A change made by an UPDATE statement (the triage of a suggestion) calls move_on() itself.
Rows written with bulk Core inserts (the demo, the benchmark) bypass it; they are written before
anything is shown.
"""
from sqlalchemy import event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from upskill.extensions import db
from upskill.models import PilotPeriod, PilotReport, PilotVersion, School, Suggestion, SurveyAnswer

PILOT_RECORDS = (PilotPeriod, PilotReport, School, Suggestion, SurveyAnswer)
ROW = 1


def pilot_version():
    """The current pilot version (0 before any change)."""
    return db.session.connection().execute(
        select(PilotVersion.version).where(PilotVersion.id == ROW)).scalar() or 0


@event.listens_for(Session, "before_flush")
def _note_pilot_changes(session, _context, _instances):
    if any(isinstance(record, PILOT_RECORDS) for record in (*session.new, *session.dirty, *session.deleted)):
        session.info["pilot.changed"] = True


@event.listens_for(Session, "after_flush")
def _move_the_version_on(session, _context):
    if session.info.pop("pilot.changed", False):
        move_on(session)


def move_on(session):
    """Move the pilot version on: at flush, and after an UPDATE statement on pilot records, which flush never sees."""
    table = PilotVersion.__table__
    connection = session.connection()
    moved = connection.execute(update(table).where(table.c.id == ROW).values(version=table.c.version + 1))
    if moved.rowcount:
        return
    try:
        with connection.begin_nested():  # the first change ever: the row is made, by one writer only
            connection.execute(insert(table).values(id=ROW, version=1))
    except IntegrityError:
        connection.execute(update(table).where(table.c.id == ROW).values(version=table.c.version + 1))
