"""Comments from other schools' students: written, waiting for the author's teacher, approved or rejected."""
from flask import abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from upskill import audit
from upskill.extensions import db
from upskill.models import CommentState, ShowcaseComment, utcnow
from upskill.showcase.people import schools_of


class CommentRefused(ValueError):
    """The comment cannot be made; the message says why."""


def comment_on(item, author, text, language, submission_key):
    """Add the student's comment (waiting for moderation); the same form sent twice returns the first one."""
    if existing := _by_key(submission_key):
        return existing
    comment = ShowcaseComment(item_id=item.id, author_id=author.id, school_id=author_school(author), text=text,
                              language=language, submission_key=submission_key)
    try:
        with db.session.begin_nested():
            db.session.add(comment)
    except IntegrityError:  # the same form, sent again while the first was being saved
        return _by_key(submission_key)
    audit.record("showcase-comment-written", f"showcase-item:{item.id}", actor=author)
    return comment


def author_school(student):
    """The school a student comments from: the first of theirs."""
    schools = sorted(schools_of(student))
    return schools[0] if schools else None


def waiting_for(teacher):
    """Comments waiting for a teacher of the authors' school, the oldest first."""
    return db.session.scalars(select(ShowcaseComment).where(
        ShowcaseComment.state == CommentState.waiting, ShowcaseComment.school_id.in_(schools_of(teacher)))
        .order_by(ShowcaseComment.created_at, ShowcaseComment.id)).all()


def moderated_comment(teacher, comment_id, approve):
    """The comment when the teacher may decide on it: approve as the author's teacher, hide as the item's too."""
    comment = db.session.get(ShowcaseComment, comment_id)
    schools = schools_of(teacher)
    if comment is None:
        abort(404)
    if comment.school_id in schools or (not approve and comment.item.school_id in schools):
        return comment
    abort(404)


def moderate(comment, teacher, approve):
    """Approve or reject (hide) the comment."""
    comment.state = CommentState.approved if approve else CommentState.rejected
    comment.moderated_by_id, comment.moderated_at = teacher.id, utcnow()
    db.session.flush()
    audit.record("showcase-comment-" + ("approved" if approve else "rejected"), f"showcase-comment:{comment.id}",
                 actor=teacher)


def _by_key(submission_key):
    return db.session.scalar(select(ShowcaseComment).where(ShowcaseComment.submission_key == submission_key))
