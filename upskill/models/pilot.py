"""The pilot: pilot periods, the schools' pilot reports, and suggestions tied to curriculum items.

A report is written by its school's teachers together. Every save moves its revision on, and a
save made from an older revision is refused, so that one teacher never overwrites another. A
submitted report is never changed again: a correction is a new report with the next number.
"""
import enum
from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, Enum, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from upskill.extensions import db
from upskill.models.base import UTCDateTime, utcnow
from upskill.models.people import School, User

pilot_period_school = Table(
    "pilot_period_school", db.metadata,
    Column("period_id", ForeignKey("pilot_period.id", ondelete="CASCADE"), primary_key=True),
    Column("school_id", ForeignKey("school.id", ondelete="CASCADE"), primary_key=True),
)


def state_column(states, default):
    """A state stored as its name (a VARCHAR on every database, so new states need no type change)."""
    return mapped_column(Enum(states, native_enum=False, length=20, validate_strings=True), default=default)


class PilotPeriod(db.Model):
    """A stretch of time in which some schools and companies try some modules in some languages."""

    __tablename__ = "pilot_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    modules: Mapped[list] = mapped_column(JSON, default=list)  # module codes, in programme order
    languages: Mapped[list] = mapped_column(JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    schools: Mapped[list[School]] = relationship(secondary=pilot_period_school, order_by=School.name)

    def takes_part(self, school_id):
        return any(school.id == school_id for school in self.schools)


class ReportState(enum.Enum):
    draft = "draft"
    submitted = "submitted"


class PilotReport(db.Model):
    """One school's report on one pilot period; number 2 and on are corrections of the one before."""

    __tablename__ = "pilot_report"
    __table_args__ = (UniqueConstraint("period_id", "school_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("pilot_period.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[ReportState] = state_column(ReportState, ReportState.draft)
    # module code -> {hours, students, ratings and texts}; see upskill.pilot.report_fields
    entries: Mapped[dict] = mapped_column(JSON, default=dict)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    period: Mapped[PilotPeriod] = relationship()
    school: Mapped[School] = relationship()
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])

    __mapper_args__ = {"version_id_col": revision}  # two saves at once: the second one is refused

    @property
    def is_draft(self):
        return self.state is ReportState.draft


class SuggestionKind(enum.Enum):
    error = "error"
    unclear = "unclear"
    missing = "missing"
    too_difficult = "too_difficult"
    too_easy = "too_easy"
    translation = "translation"
    other = "other"


class SuggestionStatus(enum.Enum):
    new = "new"
    accepted = "accepted"
    rejected = "rejected"  # with a reason
    duplicate = "duplicate"  # of another suggestion
    applied = "applied"  # in a curriculum revision


class Suggestion(db.Model):
    """A proposed correction of one curriculum item, known by its code S-<year>-<NNN>."""

    __tablename__ = "suggestion"
    __table_args__ = (UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[SuggestionKind] = state_column(SuggestionKind, SuggestionKind.other)
    text: Mapped[str] = mapped_column(Text)
    proposed_change: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5))
    status: Mapped[SuggestionStatus] = state_column(SuggestionStatus, SuggestionStatus.new)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("suggestion.id", ondelete="SET NULL"))
    applied_in: Mapped[str | None] = mapped_column(String(20))  # the curriculum revision
    triaged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    triaged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("pilot_report.id", ondelete="SET NULL"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"))
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)  # a form sent twice makes one suggestion
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    triaged_by: Mapped[User | None] = relationship(foreign_keys=[triaged_by_id])
    school: Mapped[School | None] = relationship()
    report: Mapped[PilotReport | None] = relationship()
    duplicate_of: Mapped["Suggestion | None"] = relationship(remote_side=[id])


class PilotVersion(db.Model):
    """One counter that moves on at every flush changing pilot data (upskill.pilot.stamps)."""

    __tablename__ = "pilot_version"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    version: Mapped[int] = mapped_column(Integer, default=0)
