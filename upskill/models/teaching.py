"""Classes at schools: their teachers, modules and students, and students' company placements."""
from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from upskill.extensions import db
from upskill.models.base import UTCDateTime, utcnow
from upskill.models.people import School, User

class_teacher = Table(
    "class_teacher", db.metadata,
    Column("class_id", ForeignKey("school_class.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
)


class SchoolClass(db.Model):
    """A group of students at one school, taught by one or more teachers, following some modules."""

    __tablename__ = "school_class"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    modules: Mapped[list] = mapped_column(JSON, default=list)  # module codes, in programme order
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    school: Mapped[School] = relationship()
    teachers: Mapped[list[User]] = relationship(secondary=class_teacher, order_by=User.name)
    enrolments: Mapped[list["Enrolment"]] = relationship(back_populates="school_class", cascade="all, delete-orphan")

    def taught_by(self, user):
        return any(teacher.id == user.id for teacher in self.teachers)


class Enrolment(db.Model):
    """A student in a class (once: enrolling the same person again changes nothing)."""

    __tablename__ = "enrolment"
    __table_args__ = (UniqueConstraint("class_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    student_number: Mapped[str | None] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Moves on whenever the student's work changes, so that progress pages can be kept until it does.
    progress_version: Mapped[int] = mapped_column(Integer, default=0)

    school_class: Mapped[SchoolClass] = relationship(back_populates="enrolments")
    student: Mapped[User] = relationship()


class Placement(db.Model):
    """A student's time in a partner company, supervised there by a company trainer."""

    __tablename__ = "placement"
    __table_args__ = (UniqueConstraint("student_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    student: Mapped[User] = relationship(foreign_keys=[student_id])
    company: Mapped[School] = relationship()
    trainer: Mapped[User | None] = relationship(foreign_keys=[trainer_id])
