"""A student's showcase data: listed in their data export, and removed when they are erased."""
from sqlalchemy import delete, select

from upskill.extensions import db
from upskill.models import ShowcaseComment, ShowcaseConsent, ShowcaseItem


def _stamp(value):
    return value.isoformat() if value else None


def showcase_data(student):
    """The student's showcase consents and comments, as JSON-ready data."""
    consents = db.session.scalars(select(ShowcaseConsent).where(ShowcaseConsent.student_id == student.id)
                                  .order_by(ShowcaseConsent.id)).all()
    comments = db.session.scalars(select(ShowcaseComment).where(ShowcaseComment.author_id == student.id)
                                  .order_by(ShowcaseComment.id)).all()
    return {
        "consents": [{"task": c.attempt.work.item_code, "attempt": c.attempt.number, "shown_name": c.shown_name.value,
                      "pseudonym": c.pseudonym, "public": c.public, "given_at": _stamp(c.given_at),
                      "withdrawn_at": _stamp(c.withdrawn_at)} for c in consents],
        "comments": [{"on_task": c.item.task_code, "text": c.text, "language": c.language, "state": c.state.value,
                      "written_at": _stamp(c.created_at)} for c in comments],
    }


def erase_showcase(student, attempt_ids):
    """Remove the student's consents, comments and showcase items (and the comments on those items)."""
    items = select(ShowcaseItem.id).where(ShowcaseItem.attempt_id.in_(attempt_ids))
    db.session.execute(delete(ShowcaseComment).where(
        (ShowcaseComment.author_id == student.id) | ShowcaseComment.item_id.in_(items)))
    db.session.execute(delete(ShowcaseItem).where(ShowcaseItem.attempt_id.in_(attempt_ids)))
    db.session.execute(delete(ShowcaseConsent).where(ShowcaseConsent.student_id == student.id))
