"""Students' work: lessons read, practical tasks worked and handed in, assessments, quiz attempts.

Work refers to curriculum items by code (M04.T1), never by row id, so a re-import of the
curriculum never orphans it. Every hand-in is an attempt of its own and every change of state
is kept, so a returned task keeps the earlier attempt and its feedback.
"""
import enum
from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from upskill.extensions import db
from upskill.models.base import UTCDateTime, utcnow
from upskill.models.people import User


class WorkState(enum.Enum):
    draft = "draft"
    submitted = "submitted"
    returned = "returned"
    accepted = "accepted"


class LessonRead(db.Model):
    __tablename__ = "lesson_read"
    __table_args__ = (UniqueConstraint("student_id", "item_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(20))
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TaskWork(db.Model):
    """One student's work on one practical task: the draft they are on, and its state."""

    __tablename__ = "task_work"
    __table_args__ = (UniqueConstraint("student_id", "item_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(20), index=True)
    state: Mapped[str] = mapped_column(String(12), default=WorkState.draft.value)
    checklist: Mapped[list] = mapped_column(JSON, default=list)  # indexes of the steps done
    measurements: Mapped[dict] = mapped_column(JSON, default=dict)  # evidence index -> value
    text: Mapped[dict] = mapped_column(JSON, default=dict)  # evidence index -> written answer
    draft_revision: Mapped[int] = mapped_column(Integer, default=0)  # moves on with every saved draft
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    student: Mapped[User] = relationship()
    attempts: Mapped[list["Attempt"]] = relationship(back_populates="work", order_by="Attempt.number",
                                                     cascade="all, delete-orphan")
    changes: Mapped[list["StateChange"]] = relationship(order_by="StateChange.id", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # two writers at once: the second one is refused

    @property
    def work_state(self):
        return WorkState(self.state)


class Attempt(db.Model):
    """One hand-in of a task, frozen: what was handed in, its files, the company sign-off, the assessment."""

    __tablename__ = "attempt"
    __table_args__ = (UniqueConstraint("work_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("task_work.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)  # a form sent twice makes one attempt
    checklist: Mapped[list] = mapped_column(JSON, default=list)
    measurements: Mapped[dict] = mapped_column(JSON, default=dict)
    text: Mapped[dict] = mapped_column(JSON, default=dict)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmation_note: Mapped[str] = mapped_column(Text, default="")

    work: Mapped[TaskWork] = relationship(back_populates="attempts")
    files: Mapped[list["EvidenceFile"]] = relationship(back_populates="attempt", order_by="EvidenceFile.id",
                                                       cascade="all, delete-orphan")
    assessment: Mapped["Assessment | None"] = relationship(back_populates="attempt", uselist=False,
                                                           cascade="all, delete-orphan")
    confirmed_by: Mapped[User | None] = relationship(foreign_keys=[confirmed_by_id])


class EvidenceFile(db.Model):
    """A file handed in with an attempt, stored outside static/ under the hash of its content."""

    __tablename__ = "evidence_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    evidence_index: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(120))

    attempt: Mapped[Attempt] = relationship(back_populates="files")


class Assessment(db.Model):
    """A teacher's assessment of one attempt with the rubric as it was then (stored with the grade)."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), unique=True)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decision: Mapped[str] = mapped_column(String(10))  # accepted or returned
    levels: Mapped[list] = mapped_column(JSON)  # per criterion, the index of the level given
    comments: Mapped[list] = mapped_column(JSON)  # per criterion
    overall_comment: Mapped[str] = mapped_column(Text, default="")
    rubric: Mapped[dict] = mapped_column(JSON)  # levels and criteria with descriptors, as used
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="assessment")
    assessor: Mapped[User | None] = relationship()


class StateChange(db.Model):
    """Who moved a task's work from one state to another, and when."""

    __tablename__ = "state_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("task_work.id", ondelete="CASCADE"), index=True)
    from_state: Mapped[str] = mapped_column(String(12))
    to_state: Mapped[str] = mapped_column(String(12))
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    by: Mapped[User | None] = relationship()


class QuizAttempt(db.Model):
    """One try at a module's self-check quiz by a signed-in student."""

    __tablename__ = "quiz_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(20))
    score: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict] = mapped_column(JSON)
    taken_on: Mapped[date] = mapped_column(Date, default=date.today)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
