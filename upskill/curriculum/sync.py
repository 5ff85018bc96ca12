"""Store a validated curriculum in the database: upsert by code, retire what went away."""
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import load_only

from upskill.curriculum.build import build
from upskill.curriculum.revision_sync import sync_revision_texts
from upskill.curriculum.source import errors_of
from upskill.curriculum.stems import STEMS_VERSION, stems_of
from upskill.curriculum.validate import check_folder
from upskill.pilot.applied_suggestions import apply_revision_suggestions
from upskill.extensions import db
from upskill.models import ContentVersion, CurriculumItem, GlossaryTerm, ItemKind, ItemText, utcnow


class CurriculumInvalid(Exception):
    """The curriculum has problems; nothing was synced."""

    def __init__(self, curriculum, problems):
        super().__init__(f"{len(problems)} problem(s) in the curriculum")
        self.curriculum = curriculum
        self.problems = problems


@dataclass
class SyncReport:
    """What a sync changed, by code."""

    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    retired: list = field(default_factory=list)
    restored: list = field(default_factory=list)
    unchanged: int = 0
    restemmed: int = 0  # texts whose search tokens were missing or made by an older stemmer
    revision_texts: int = 0  # rows of the revisions' English texts written or removed
    applied: list = field(default_factory=list)  # suggestion codes marked applied now
    unknown_suggestions: list = field(default_factory=list)  # codes revisions.yaml names that no suggestion has
    suggestion_warnings: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.added or self.updated or self.retired or self.restored)


def sync_curriculum(root):
    """Validate the curriculum at root and store it; raise CurriculumInvalid on any problem."""
    curriculum, problems = check_folder(root)
    if errors := errors_of(problems):
        raise CurriculumInvalid(curriculum, errors)
    item_records, term_records = build(curriculum)
    report = SyncReport()
    _sync_items(item_records, report)
    _sync_terms(term_records, report)
    report.restemmed = _restem_outdated_texts()
    report.revision_texts = sync_revision_texts(curriculum)
    report.applied, report.unknown_suggestions = apply_revision_suggestions(
        curriculum.revisions.meta, warn=report.suggestion_warnings.append)
    if report.changed or report.restemmed or report.revision_texts:
        _bump_content_version()
    db.session.flush()
    return report


def _bump_content_version():
    """Move the content version on, so every process drops the pages it rendered before."""
    state = db.session.get(ContentVersion, 1)
    if state is None:
        db.session.add(ContentVersion(id=1, version=1))
    else:
        state.version += 1
        state.changed_at = utcnow()


def _sync_items(records, report):
    existing = {item.code: item for item in db.session.scalars(select(CurriculumItem))}
    for record in records:
        item = existing.pop(record.code, None)
        if item is None:
            item = CurriculumItem(code=record.code, kind=ItemKind(record.kind))
            db.session.add(item)
            report.added.append(record.code)
        elif item.retired_at is not None:
            item.retired_at = None
            report.restored.append(record.code)
        elif item.content_hash == record.content_hash and item.position == record.position:
            report.unchanged += 1
            continue
        else:
            report.updated.append(record.code)
        item.module_code = record.module_code
        item.position = record.position
        item.slug = record.slug
        item.facts = record.facts
        item.content_hash = record.content_hash
        _replace_texts(item, record.texts)
    for item in existing.values():
        if item.retired_at is None:
            item.retired_at = utcnow()
            report.retired.append(item.code)


def _replace_texts(item, texts):
    """Update the item's texts in place by language, dropping languages that went away."""
    by_lang = {text.lang: text for text in item.texts}
    for lang, record in texts.items():
        text = by_lang.pop(lang, None)
        if text is None:
            text = ItemText(lang=lang)
            item.texts.append(text)
        for name in ("title", "summary", "body_html", "teacher_html", "content",
                     "plain_text", "search_text", "words", "search_stems", "title_stems"):
            setattr(text, name, getattr(record, name))
        text.stems_version = STEMS_VERSION
    for text in by_lang.values():
        item.texts.remove(text)


def _restem_outdated_texts():
    """Store the search tokens of texts that have none yet or older ones; return how many.

    The content of these texts did not change, so they were skipped above: this is how an
    existing database gets its tokens after the migration, or new ones after a stemmer change.
    """
    db.session.flush()
    outdated = db.session.scalars(
        select(ItemText).where(ItemText.stems_version != STEMS_VERSION)
        .options(load_only(ItemText.lang, ItemText.title, ItemText.plain_text))
    ).all()
    for text in outdated:
        text.search_stems = stems_of(text.plain_text, text.lang)
        text.title_stems = stems_of(text.title, text.lang)
        text.stems_version = STEMS_VERSION
    return len(outdated)


def _sync_terms(records, report):
    existing = {term.key: term for term in db.session.scalars(select(GlossaryTerm))}
    for record in records:
        term = existing.pop(record.key, None)
        label = f"glossary:{record.key}"
        if term is None:
            term = GlossaryTerm(key=record.key)
            db.session.add(term)
            report.added.append(label)
        elif term.retired_at is not None:
            term.retired_at = None
            report.restored.append(label)
        elif term.content_hash == record.content_hash:
            report.unchanged += 1
            continue
        else:
            report.updated.append(label)
        term.terms, term.definitions = record.terms, record.definitions
        term.see, term.content_hash = record.see, record.content_hash
    for term in existing.values():
        if term.retired_at is None:
            term.retired_at = utcnow()
            report.retired.append(f"glossary:{term.key}")
