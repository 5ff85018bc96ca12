"""Load what a book holds from the synced curriculum: modules, their items and the glossary."""
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from upskill.collation import sort_key
from upskill.extensions import db
from upskill.models import CurriculumItem, GlossaryTerm, ItemKind, ItemText

ITEM_ORDER = (ItemKind.lesson, ItemKind.task, ItemKind.quiz, ItemKind.worksheet)


@dataclass
class BookItem:
    """An item in the book's language, or in English where it has no translation."""

    item: CurriculumItem
    text: ItemText  # the student text
    teacher: ItemText  # the teacher's notes (the same row when they are in one language)

    @property
    def code(self):
        return self.item.code

    @property
    def kind(self):
        return self.item.kind.value

    @property
    def anchor(self):
        return self.item.code.replace(".", "-")


@dataclass
class BookModule:
    """A module with its items in teaching order."""

    entry: BookItem
    items: list = field(default_factory=list)

    def of_kind(self, kind):
        return [item for item in self.items if item.kind == kind]


@dataclass
class BookContent:
    """Everything a book of one language is made from."""

    lang: str
    programme: BookItem
    modules: list
    glossary: list  # (term in the book's language, GlossaryTerm), in alphabetical order

    @property
    def codes(self):
        """Return the codes of every item in the book."""
        return {item.code for module in self.modules for item in [module.entry, *module.items]}

    @property
    def revision(self):
        return str(self.programme.item.facts.get("revision", ""))

    @property
    def hashes(self):
        """Return the content hashes of what the book holds, as BookIndex.hashes gives them."""
        return [self.programme.item.content_hash, *(
            h for module in self.modules
            for h in [b.item.content_hash for b in sorted([module.entry, *module.items], key=lambda b: b.code)]
        )]


@dataclass
class IndexModule:
    """A module as the downloads page lists it: code, title, and its items' content hashes."""

    code: str
    title: str
    lang: str
    hashes: list


@dataclass
class BookIndex:
    """What it takes to name and find every book of a language, without loading its texts."""

    revision: str
    programme_hash: str
    modules: list

    def hashes(self, codes=None):
        """Return the content hashes of the items a book of these modules holds (None: all of them),
        and whether every module named exists."""
        known = {m.code: m for m in self.modules}
        chosen = [known[code] for code in codes if code in known] if codes is not None else self.modules
        return [self.programme_hash, *(h for m in chosen for h in m.hashes)], len(chosen) == len(codes or chosen)


def book_index(lang):
    """Return the BookIndex of the live curriculum in lang, or None if none is synced, in one query."""
    rows = db.session.execute(
        select(CurriculumItem.code, CurriculumItem.kind, CurriculumItem.module_code, CurriculumItem.content_hash,
               CurriculumItem.position, CurriculumItem.facts, ItemText.lang, ItemText.title)
        .join(ItemText, ItemText.item_id == CurriculumItem.id)
        .where(CurriculumItem.retired_at.is_(None), ItemText.lang.in_({lang, "en"}))
        .order_by(CurriculumItem.position, CurriculumItem.code)
    ).all()
    programme = next((row for row in rows if row.kind == ItemKind.programme), None)
    if programme is None:
        return None
    titles, hashes = {}, {}
    for row in rows:
        if row.code not in titles or row.lang == lang:
            titles[row.code] = (row.title, row.lang)
        owner = row.module_code or row.code
        hashes.setdefault(owner, {})[row.code] = row.content_hash
    modules = [
        IndexModule(code, *titles[code], [hashes[code][c] for c in sorted(hashes[code])])
        for code in programme.facts.get("modules", []) if code in titles
    ]
    return BookIndex(str(programme.facts.get("revision", "")), programme.content_hash, modules)


def load_book_content(lang, module_codes=None):
    """Return the live curriculum in lang (English where untranslated), or None if none is synced."""
    rows = db.session.scalars(
        select(ItemText)
        .join(ItemText.item)
        .where(CurriculumItem.retired_at.is_(None), ItemText.lang.in_({lang, "en"}))
        .options(contains_eager(ItemText.item))
    ).all()
    by_item = {}
    for text in rows:
        by_item.setdefault(text.item.code, {})[text.lang] = text
    items = {code: _book_item(texts, lang) for code, texts in by_item.items() if "en" in texts}
    programme = next((i for i in items.values() if i.item.kind == ItemKind.programme), None)
    if programme is None:
        return None
    order = programme.item.facts.get("modules", []) if module_codes is None else module_codes
    chosen = [code for code in order if code in items and items[code].item.kind == ItemKind.module]
    modules = []
    for code in chosen:
        children = [i for i in items.values() if i.item.module_code == code]
        children.sort(key=lambda i: (ITEM_ORDER.index(i.item.kind), i.item.position))
        modules.append(BookModule(entry=items[code], items=children))
    glossary = _glossary(lang)
    if module_codes is not None:
        used = _linked_terms(modules)
        glossary = [(name, term) for name, term in glossary if term.key in used]
    return BookContent(lang=lang, programme=programme, modules=modules, glossary=glossary)


def _linked_terms(modules):
    """Return the glossary keys the modules' texts link to."""
    texts = [text for module in modules for item in [module.entry, *module.items] for text in (item.text, item.teacher)]
    markup = " ".join(f"{t.body_html} {t.teacher_html or ''} {t.content}" for t in texts)
    return set(re.findall(r'/glossary/#([a-z0-9-]+)"', markup))


def _book_item(texts, lang):
    chosen = texts.get(lang)
    english = texts["en"]
    student = chosen if chosen is not None and chosen.content.get("has_student", True) else english
    teacher = chosen if chosen is not None and chosen.content.get("has_teacher", True) else english
    return BookItem(item=english.item, text=student, teacher=teacher)


def _glossary(lang):
    terms = db.session.scalars(select(GlossaryTerm).where(GlossaryTerm.retired_at.is_(None))).all()
    named = [((term.terms.get(lang) or term.terms["en"]), term) for term in terms]
    return sorted(named, key=lambda pair: sort_key(pair[0], lang))
