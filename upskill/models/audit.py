"""The audit log: who did what to whom, when, and from where."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from upskill.extensions import db
from upskill.models.base import UTCDateTime, utcnow
from upskill.models.people import User


class AuditEvent(db.Model):
    """One thing that happened to an account or to personal data; never changed afterwards."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")  # what it was done to, e.g. "user:12"
    address: Mapped[str] = mapped_column(String(45), default="")  # the IP address, or "cli"
    detail: Mapped[dict] = mapped_column(JSON, default=dict)

    actor: Mapped[User | None] = relationship()
