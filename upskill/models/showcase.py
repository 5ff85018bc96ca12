"""The pilot showcase: students' accepted tasks shown to the other pilot schools, with consent.

A student's consent is recorded per piece of work and can be withdrawn at any time; a withdrawn
consent hides the item at once. An item is public to anonymous visitors only when the student
allowed it and the teacher chose it too.
"""
import enum
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from upskill.extensions import db
from upskill.models.base import UTCDateTime, utcnow
from upskill.models.learning import Attempt
from upskill.models.people import School, User


class ShownName(enum.Enum):
    first_name = "first_name"
    pseudonym = "pseudonym"


class ShowcaseConsent(db.Model):
    """A student's yes to showing one piece of work, how to be named, and whether to everyone."""

    __tablename__ = "showcase_consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), unique=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    shown_name: Mapped[ShownName] = mapped_column(
        Enum(ShownName, native_enum=False, length=20, validate_strings=True), default=ShownName.first_name)
    pseudonym: Mapped[str] = mapped_column(String(40), default="")
    public: Mapped[bool] = mapped_column(Boolean, default=False)  # anonymous visitors too, if the teacher agrees
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[Attempt] = relationship()
    student: Mapped[User] = relationship()

    @property
    def is_given(self):
        return self.withdrawn_at is None


class ShowcaseItem(db.Model):
    """An accepted attempt a teacher put into the showcase."""

    __tablename__ = "showcase_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), unique=True)
    task_code: Mapped[str] = mapped_column(String(20), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    public: Mapped[bool] = mapped_column(Boolean, default=False)  # the teacher's half of being public
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[Attempt] = relationship()
    school: Mapped[School] = relationship()
    added_by: Mapped[User | None] = relationship()
    comments: Mapped[list["ShowcaseComment"]] = relationship(
        back_populates="item", order_by="ShowcaseComment.id", cascade="all, delete-orphan")


class CommentState(enum.Enum):
    waiting = "waiting"  # for the author's teacher
    approved = "approved"
    rejected = "rejected"


class ShowcaseComment(db.Model):
    """A student's comment on another school's showcase item, shown once the author's teacher approved it."""

    __tablename__ = "showcase_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("showcase_item.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(5))
    state: Mapped[CommentState] = mapped_column(
        Enum(CommentState, native_enum=False, length=20, validate_strings=True), default=CommentState.waiting)
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)  # a form sent twice makes one comment
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    item: Mapped[ShowcaseItem] = relationship(back_populates="comments")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
