"""Store every revision's English item texts (ItemRevisionText) for the public change log."""
from sqlalchemy import select

from upskill.curriculum.history import archive_files, programme_revision, read_archive
from upskill.curriculum.revision_texts import english_texts, text_hash
from upskill.extensions import db
from upskill.models import ItemRevisionText


def sync_revision_texts(curriculum):
    """Store the texts of the archived revisions and of the curriculum's own; return how many rows changed."""
    changed = 0
    for path in archive_files(curriculum.root):
        revision, texts = read_archive(path)
        changed += store_revision_texts(revision, texts)
    if revision := programme_revision(curriculum):
        changed += store_revision_texts(revision, english_texts(curriculum))
    return changed


def store_revision_texts(revision, texts):
    """Make the stored texts of one revision equal texts; unchanged rows are not rewritten. Return changes."""
    existing = {row.item_code: row for row in db.session.scalars(
        select(ItemRevisionText).where(ItemRevisionText.revision == revision))}
    changed = 0
    for code, text in texts.items():
        digest = text_hash(text)
        row = existing.pop(code, None)
        if row is None:
            db.session.add(ItemRevisionText(item_code=code, revision=revision, text=text, content_hash=digest))
        elif row.content_hash == digest:
            continue
        else:
            row.text, row.content_hash = text, digest
        changed += 1
    for row in existing.values():
        db.session.delete(row)
        changed += 1
    return changed
