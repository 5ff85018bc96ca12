"""The students' anonymous module survey.

An answer carries no user, no time finer than the day and no order of its own: its key is random
and the table keeps no row order on SQLite (WITHOUT ROWID). That a student answered is a separate
record, keyed by who and what, with no time at all, so the two cannot be joined.
"""
from datetime import date

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from upskill.extensions import db

SURVEY_QUESTIONS = ("interest", "clarity", "practice", "time")  # each rated 1 to 5
SMALLEST_GROUP = 5  # no result is shown for fewer answers than this


class SurveyAnswer(db.Model):
    """One student's answers about one module in one pilot period, with nothing that says whose."""

    __tablename__ = "survey_answer"
    __table_args__ = {"sqlite_with_rowid": False}

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random, see upskill.pilot.surveys
    period_id: Mapped[int] = mapped_column(ForeignKey("pilot_period.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    module_code: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5))
    answered_on: Mapped[date] = mapped_column()
    interest: Mapped[int] = mapped_column(Integer)
    clarity: Mapped[int] = mapped_column(Integer)
    practice: Mapped[int] = mapped_column(Integer)
    time: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class SurveyTaken(db.Model):
    """That a student has answered a module's survey in a period (not what, nor when)."""

    __tablename__ = "survey_taken"
    __table_args__ = {"sqlite_with_rowid": False}

    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("pilot_period.id", ondelete="CASCADE"), primary_key=True)
    module_code: Mapped[str] = mapped_column(String(20), primary_key=True)
