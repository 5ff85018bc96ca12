"""The teacher's part: putting a student's accepted, consented work into the showcase, and taking it out."""
from flask import abort
from flask_babel import gettext as _
from sqlalchemy import select

from upskill import audit
from upskill.extensions import db
from upskill.learning.reach import teaches
from upskill.models import Attempt, Enrolment, SchoolClass, ShowcaseItem, class_teacher, utcnow
from upskill.showcase.consent import consent_of, is_accepted
from upskill.showcase.ending import end_once
from upskill.showcase.people import school_in_pilot


class ShowcaseRefused(ValueError):
    """The work cannot go into the showcase; the message says why."""


def taught_attempt(teacher, attempt_id):
    """An attempt of a student in one of the teacher's classes; else the same 404 as nothing there."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or not teaches(teacher.id, attempt.work.student_id):
        abort(404)
    return attempt


def item_of(attempt):
    return db.session.scalar(select(ShowcaseItem).where(ShowcaseItem.attempt_id == attempt.id))


def school_showing(teacher, attempt):
    """The school the work is shown as from: that of the teacher's class the student is in."""
    return db.session.scalar(
        select(SchoolClass.school_id).join(Enrolment, Enrolment.class_id == SchoolClass.id)
        .join(class_teacher, class_teacher.c.class_id == SchoolClass.id)
        .where(Enrolment.student_id == attempt.work.student_id, class_teacher.c.user_id == teacher.id)
        .order_by(SchoolClass.id).limit(1))


def why_not_shown(teacher, attempt):
    """The reason the teacher cannot show the attempt, or None when they can."""
    consent = consent_of(attempt)
    if not is_accepted(attempt):
        return _("Only accepted work can go into the showcase.")
    if consent is None or not consent.is_given:
        return _("The student has not agreed to show this work in the showcase.")
    if not school_in_pilot(school_showing(teacher, attempt)):
        return _("Only a school taking part in a pilot period can show work in the showcase.")
    return None


def show(teacher, attempt, public):
    """Put the attempt into the showcase (or change the teacher's public choice); raise ShowcaseRefused."""
    if reason := why_not_shown(teacher, attempt):
        raise ShowcaseRefused(reason)
    item = item_of(attempt) or ShowcaseItem(attempt_id=attempt.id, task_code=attempt.work.item_code)
    added = item.id is None or item.removed_at is not None
    item.school_id = school_showing(teacher, attempt)
    item.public, item.removed_at = public, None
    if added:
        item.added_by_id, item.added_at = teacher.id, utcnow()
    db.session.add(item)
    db.session.flush()
    audit.record("showcase-item-added" if added else "showcase-item-changed", f"attempt:{attempt.id}",
                 actor=teacher, public=public)
    return item


def remove(teacher, attempt):
    """Take the attempt out of the showcase; return whether it was in."""
    return end_once(item_of(attempt), "removed_at", "showcase-item-removed", f"attempt:{attempt.id}", teacher)
