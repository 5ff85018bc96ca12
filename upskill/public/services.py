"""Queries behind the public pages, each page in as few SQL statements as it can."""
from dataclasses import dataclass, field

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager

from upskill.extensions import db
from upskill.models import CurriculumItem, GlossaryTerm, ItemKind, ItemText


@dataclass
class ItemPage:
    """An item with its text in the chosen language, or in English where none exists."""

    item: CurriculumItem
    student: ItemText
    teacher: ItemText
    lang: str

    @property
    def student_fallback(self):
        return self.lang != "en" and self.student.lang == "en"

    @property
    def teacher_fallback(self):
        return self.lang != "en" and self.teacher.lang == "en"


@dataclass
class OutlineEntry:
    """One item of a module's outline: its code, kind and title."""

    code: str
    kind: ItemKind
    position: int
    title: str
    facts: dict
    lang: str = "en"  # the language the title is in

    @property
    def short_code(self):
        return self.code.rsplit(".", 1)[-1]


@dataclass
class Outline:
    """A module's title and its items in order, for breadcrumbs and previous/next links."""

    module: OutlineEntry
    items: list = field(default_factory=list)

    def of_kind(self, kind):
        return [entry for entry in self.items if entry.kind == ItemKind(kind)]

    def worksheets_for(self, code):
        """Return the worksheets that the lesson or task code uses."""
        return [entry for entry in self.of_kind("worksheet") if code in entry.facts.get("used_by", ())]

    def neighbours(self, code):
        """Return the entries before and after code (None at either end)."""
        codes = [entry.code for entry in self.items]
        index = codes.index(code)
        before = self.items[index - 1] if index > 0 else None
        after = self.items[index + 1] if index + 1 < len(self.items) else None
        return before, after


def item_page(code, lang):
    """Load one live item with its texts in lang and English, or abort with 404."""
    return _item_page(CurriculumItem.code == code, lang, lambda: _("There is no curriculum item %(code)s.", code=code))


def programme_page(lang):
    """Return the programme item page, or abort with 404 when no curriculum is loaded."""
    return _item_page(CurriculumItem.kind == ItemKind.programme, lang, lambda: _("No curriculum has been loaded yet."))


def _item_page(condition, lang, not_found):
    rows = db.session.scalars(
        select(ItemText)
        .join(ItemText.item)
        .where(condition, CurriculumItem.retired_at.is_(None), ItemText.lang.in_({lang, "en"}))
        .options(contains_eager(ItemText.item))
    ).all()
    texts = {text.lang: text for text in rows}
    if "en" not in texts:
        abort(404, description=not_found())
    chosen = texts.get(lang)
    student = chosen if chosen is not None and chosen.content.get("has_student", True) else texts["en"]
    teacher = chosen if chosen is not None and chosen.content.get("has_teacher", True) else texts["en"]
    return ItemPage(item=texts["en"].item, student=student, teacher=teacher, lang=lang)


def titled_items(condition, lang):
    """Return OutlineEntries for the live items matching condition, titled in lang or English."""
    rows = db.session.execute(
        select(CurriculumItem.code, CurriculumItem.kind, CurriculumItem.position,
               CurriculumItem.facts, ItemText.lang, ItemText.title)
        .join(ItemText, ItemText.item_id == CurriculumItem.id)
        .where(condition, CurriculumItem.retired_at.is_(None), ItemText.lang.in_({lang, "en"}))
        .order_by(CurriculumItem.position, CurriculumItem.code)
    ).all()
    entries = {}
    for row in rows:
        if row.code not in entries or row.lang == lang:
            entries[row.code] = OutlineEntry(row.code, row.kind, row.position, row.title, row.facts, row.lang)
    return list(entries.values())


def module_outline(module_code, lang):
    """Return the outline of a live module, or abort with 404."""
    entries = titled_items(
        or_(CurriculumItem.module_code == module_code, CurriculumItem.code == module_code), lang
    )
    module = next((e for e in entries if e.code == module_code and e.kind == ItemKind.module), None)
    if module is None:
        abort(404, description=_("There is no module %(code)s.", code=module_code))
    return Outline(module=module, items=[e for e in entries if e is not module])


def modules(lang, codes=None):
    """Return the live modules (or those among codes) in programme order, titled in lang."""
    condition = CurriculumItem.kind == ItemKind.module
    if codes is not None:
        condition = condition & CurriculumItem.code.in_(codes)
    return titled_items(condition, lang)


def glossary_terms():
    """Return every live glossary term."""
    return db.session.scalars(select(GlossaryTerm).where(GlossaryTerm.retired_at.is_(None))).all()
