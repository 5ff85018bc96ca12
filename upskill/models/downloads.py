"""Anonymous counts of book downloads: how often each file was fetched, per day, and nothing else."""
from datetime import date

from sqlalchemy import Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from upskill.extensions import db


class BookDownload(db.Model):
    """Downloads of one book file on one day. No address, user or time of day is kept."""

    __tablename__ = "book_download"
    __table_args__ = (UniqueConstraint("file_name", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(120))
    day: Mapped[date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(default=0)
