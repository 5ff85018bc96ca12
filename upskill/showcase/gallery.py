"""What a viewer may see of the showcase: the items, grouped by task and school, and one item's photos."""
from dataclasses import dataclass, field

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from upskill.extensions import db
from upskill.models import (
    Attempt, CommentState, CurriculumItem, EvidenceFile, School, ShowcaseComment, ShowcaseConsent, ShowcaseItem,
)
from upskill.public import services as content
from upskill.showcase.people import sees_whole_showcase, shown_name

PHOTO_TYPES = ("image/jpeg", "image/png")


@dataclass
class Shown:
    """One item as the viewer sees it: its name, school, photos and approved comments."""

    item: ShowcaseItem
    name: str
    photos: list
    comments: list


@dataclass
class TaskGroup:
    """The items of one task, school by school."""

    code: str
    title: str
    lang: str
    schools: dict = field(default_factory=dict)  # school name -> [Shown]

    @property
    def count(self):
        return sum(len(items) for items in self.schools.values())


def visible_items_query(user):
    """Items shown to the user: consent given and not withdrawn, not removed; only doubly public ones for others."""
    query = (select(ShowcaseItem, ShowcaseConsent)
             .join(ShowcaseConsent, ShowcaseConsent.attempt_id == ShowcaseItem.attempt_id)
             .where(ShowcaseItem.removed_at.is_(None), ShowcaseConsent.withdrawn_at.is_(None)))
    if not sees_whole_showcase(user):
        query = query.where(ShowcaseItem.public.is_(True), ShowcaseConsent.public.is_(True))
    return query


def visible_items(user, task_code=None):
    """The items the user may see (of one task if given), as Shown, by task then school then time added."""
    query = visible_items_query(user).options(
        selectinload(ShowcaseItem.attempt).selectinload(Attempt.files), selectinload(ShowcaseItem.school),
        selectinload(ShowcaseItem.comments).selectinload(ShowcaseComment.author), selectinload(ShowcaseConsent.student),
    ).order_by(ShowcaseItem.task_code, ShowcaseItem.school_id, ShowcaseItem.added_at, ShowcaseItem.id)
    if task_code is not None:
        query = query.where(ShowcaseItem.task_code == task_code[:20])
    rows = db.session.execute(query).all()
    return [Shown(item, shown_name(consent), [f for f in item.attempt.files if f.media_type in PHOTO_TYPES],
                  [c for c in item.comments if c.state == CommentState.approved]) for item, consent in rows]


def grouped_by_task(shown_items, lang):
    """Group the items by task (in programme order, titled in lang) and then by school name."""
    codes = sorted({s.item.task_code for s in shown_items})
    entries = content.titled_items(CurriculumItem.code.in_(codes), lang) if codes else []
    titles = {entry.code: entry for entry in entries}
    groups = {}
    for shown in shown_items:
        code = shown.item.task_code
        entry = titles.get(code)
        group = groups.setdefault(code, TaskGroup(code, entry.title if entry else code, entry.lang if entry else "en"))
        group.schools.setdefault(shown.item.school.name, []).append(shown)
    order = {code: index for index, code in enumerate(titles)}
    return sorted(groups.values(), key=lambda g: (order.get(g.code, len(order)), g.code))


def visible_photo(user, file_id, name):
    """The evidence file when it is a photo of an item the user may see; else the same 404 as nothing there."""
    photo = db.session.get(EvidenceFile, file_id)
    if photo is None or photo.original_name != name or photo.media_type not in PHOTO_TYPES:
        abort(404)
    seen = db.session.scalar(visible_items_query(user).where(ShowcaseItem.attempt_id == photo.attempt_id))
    if seen is None:
        abort(404)
    return photo


def visible_item(user, item_id):
    """The item when the user may see it; else 404."""
    row = db.session.execute(visible_items_query(user).where(ShowcaseItem.id == item_id)).first()
    if row is None:
        abort(404)
    return row[0]



def school_names():
    """School id -> name, for the schools comments are written from."""
    return dict(db.session.execute(select(School.id, School.name)).all())
