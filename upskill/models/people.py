"""People and the schools they belong to: users, their roles, and the links that let them in."""
import enum
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, Date, Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from upskill.extensions import db, login_manager
from upskill.models.base import UTCDateTime, utcnow

PASSWORD_METHOD = "scrypt"  # werkzeug's scrypt: salted, memory-hard


class Role(enum.Enum):
    """What a user does on the platform; a user may hold several."""

    student = "student"
    teacher = "teacher"
    company_trainer = "company_trainer"
    coordinator = "coordinator"
    admin = "admin"


def role_column():
    """A role stored as its name (a VARCHAR on every database, so new roles need no type change)."""
    return mapped_column(Enum(Role, native_enum=False, length=20, validate_strings=True), primary_key=True)


class School(db.Model):
    """A place people belong to: a vocational school, or a training company where students are placed."""

    __tablename__ = "school"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="school")  # "school" or "company"
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    language: Mapped[str] = mapped_column(String(5), default="en")
    in_pilot: Mapped[bool] = mapped_column(Boolean, default=False)
    pilot_from: Mapped[date | None] = mapped_column(Date)
    pilot_to: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    users: Mapped[list["User"]] = relationship(back_populates="school")


class UserRole(db.Model):
    """One role held by one user."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[Role] = role_column()


class User(UserMixin, db.Model):
    """Somebody who signs in: a student, teacher, company trainer, coordinator or administrator."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str | None] = mapped_column(String(256))  # None until an invitation is taken up
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"))
    language: Mapped[str] = mapped_column(String(5), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    school: Mapped[School | None] = relationship(back_populates="users")
    role_rows: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self):
        """The set of roles this user holds."""
        return {row.role for row in self.role_rows}

    def has_role(self, *roles):
        """Tell whether the user holds any of the roles (Role members or their names)."""
        wanted = {Role(r) if isinstance(r, str) else r for r in roles}
        return bool(self.roles & wanted)

    def grant(self, role):
        if role not in self.roles:
            self.role_rows.append(UserRole(role=role))

    def revoke(self, role):
        self.role_rows[:] = [row for row in self.role_rows if row.role != role]

    @property
    def is_active(self):
        """A deactivated account cannot sign in, and its open sessions end."""
        return self.active

    def set_password(self, password):
        """Store a salted hash of the password, never the password."""
        self.password_hash = generate_password_hash(password, method=PASSWORD_METHOD)

    def check_password(self, password):
        """Tell whether the password matches the stored hash (never, before a password is set)."""
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)


class AccessLink(db.Model):
    """A one-time link that lets somebody set a password: an invitation or a reset.

    Only a hash of the token is stored, so the database alone cannot open an account.
    """

    __tablename__ = "access_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))  # "invite" or "reset"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])


@login_manager.user_loader
def load_user(user_id):
    """Return the signed-in user named by the session, or None (also for a deactivated account)."""
    if not (isinstance(user_id, str) and user_id.isascii() and user_id.isdigit() and len(user_id) < 12):
        return None
    user = db.session.get(User, int(user_id), options=[joinedload(User.role_rows)])  # one query with the roles
    return user if user is not None and user.active else None
