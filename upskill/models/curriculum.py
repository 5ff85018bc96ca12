"""The curriculum as synced from the files in curriculum/: items, their texts, the glossary."""
import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from upskill.extensions import db
from upskill.models.base import UTCDateTime, utcnow


class ItemKind(enum.Enum):
    """What a curriculum item is."""

    programme = "programme"
    module = "module"
    lesson = "lesson"
    task = "task"
    quiz = "quiz"
    worksheet = "worksheet"


class CurriculumItem(db.Model):
    """One item of the programme, known by its stable code (M04, M04.L2, M04.T1, M04.Q, M04.W1)."""

    __tablename__ = "curriculum_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[ItemKind] = mapped_column(Enum(ItemKind, name="item_kind"))
    module_code: Mapped[str | None] = mapped_column(String(20), index=True)
    position: Mapped[int] = mapped_column(default=0)
    slug: Mapped[str] = mapped_column(String(120))
    # Facts that do not change with the language: hours, duration, setting, prerequisites.
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    texts: Mapped[list["ItemText"]] = relationship(
        back_populates="item", cascade="all, delete-orphan"
    )

    @property
    def short_code(self):
        """The code within its module: L2, T1, Q (the module's own code for a module)."""
        return self.code.rsplit(".", 1)[-1]

    def __repr__(self):
        return f"<CurriculumItem {self.code}>"


class ItemText(db.Model):
    """An item's text in one language, rendered to safe HTML at sync time."""

    __tablename__ = "item_text"
    __table_args__ = (UniqueConstraint("item_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("curriculum_item.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    teacher_html: Mapped[str | None] = mapped_column(Text)
    # Translatable structure, already rendered: outcomes, plan, steps, rubric, questions.
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    plain_text: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[int] = mapped_column(default=0)
    # Search tokens of the whole text and of the title, made by stems version stems_version; the
    # database indexes search_stems (upskill.models.search_index), the search ranks with both.
    search_stems: Mapped[str] = mapped_column(Text, default="")
    title_stems: Mapped[str] = mapped_column(Text, default="")
    stems_version: Mapped[int] = mapped_column(default=0)

    item: Mapped[CurriculumItem] = relationship(back_populates="texts")


class GlossaryTerm(db.Model):
    """A glossary term with its name in every language and its definitions."""

    __tablename__ = "glossary_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    terms: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    definitions: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    see: Mapped[list[str]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


Index("ix_item_text_lang", ItemText.lang)


class ContentVersion(db.Model):
    """A counter that every sync which changes content moves on; caches are keyed by it."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ItemRevisionText(db.Model):
    """An item's English source text as it was in one curriculum revision, for the public change log.

    Filled by curriculum sync from the files of the revision being synced and from the archived
    texts of earlier revisions in curriculum/history/.
    """

    __tablename__ = "item_revision_text"
    __table_args__ = (UniqueConstraint("item_code", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(String(120), index=True)
    revision: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
