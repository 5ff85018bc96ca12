"""Suggestions: made from a curriculum page or inside a pilot report, each with its own code S-<year>-<NNN>."""
from flask import abort
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from upskill import audit
from upskill.extensions import db
from upskill.models import Suggestion, utcnow
from upskill.pilot.suggestion_scope import visible_to

CODE_ATTEMPTS = 20  # a number taken at the same moment by another writer is tried again with the next one


def create_suggestion(author, item_code, kind, text, proposed_change, language, submission_key, report=None,
                      year=None):
    """Add a new suggestion with the next free code of the year; return (suggestion, made now).

    The same form sent twice (the same submission key) returns the suggestion it made the first time.
    """
    if existing := _by_key(submission_key):
        return existing, False
    year = year or utcnow().year
    for _attempt in range(CODE_ATTEMPTS):
        number = (db.session.scalar(select(func.max(Suggestion.number)).where(Suggestion.year == year)) or 0) + 1
        suggestion = Suggestion(
            code=f"S-{year}-{number:03d}", year=year, number=number, item_code=item_code, kind=kind, text=text,
            proposed_change=proposed_change, language=language, submission_key=submission_key,
            report_id=report.id if report else None, author_id=author.id, school_id=author.school_id)
        try:
            with db.session.begin_nested():
                db.session.add(suggestion)
        except IntegrityError:  # the code, or this very form, was taken by a request running at the same time
            if existing := _by_key(submission_key):
                return existing, False
            continue
        audit.record("suggestion-created", f"suggestion:{suggestion.code}", actor=author, item=item_code,
                     kind=kind.value)
        return suggestion, True
    raise RuntimeError("no free suggestion code after several attempts")


def suggestion_for(user, code):
    """Return the suggestion when user may see it (see suggestion_scope); else the same 404 whether it exists or not."""
    scope = visible_to(user)
    query = select(Suggestion).where(Suggestion.code == code[:16])
    suggestion = db.session.scalar(query if scope is None else query.where(scope))
    if suggestion is None:
        abort(404)
    return suggestion


def suggestions_of(report):
    """The suggestions made inside a report, the first first."""
    return db.session.scalars(select(Suggestion).where(Suggestion.report_id == report.id)
                              .order_by(Suggestion.year, Suggestion.number)).all()


def _by_key(submission_key):
    return db.session.scalar(select(Suggestion).where(Suggestion.submission_key == submission_key))
