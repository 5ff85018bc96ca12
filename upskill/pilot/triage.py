"""Triage: a coordinator decides what becomes of a suggestion, and the audit log keeps every decision.

new, accepted, rejected (with a reason), duplicate (of another suggestion: always of the original,
never of a duplicate) or applied (in a curriculum revision). A decision taken on a state that
another coordinator has changed meanwhile is refused, so no decision silently overwrites another.
"""
from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from upskill import audit
from upskill.extensions import db
from upskill.models import AuditEvent, Suggestion, SuggestionStatus, utcnow
from upskill.pilot import stamps

MAX_CHAIN = 50  # duplicates followed to the original at most (a loop cannot arise, but never spin)


class TriageRefused(Exception):
    """The decision cannot be taken as given; the message says why (field names the form field)."""

    def __init__(self, message, field="status"):
        super().__init__(message)
        self.field = field


class StaleTriage(Exception):
    """Another coordinator changed the suggestion after this one saw it."""


def triage(suggestion, coordinator, status, seen_status, reason="", duplicate_code="", revision=""):
    """Set the suggestion's status as decided; raise TriageRefused or StaleTriage and change nothing."""
    original = _original_of(suggestion, duplicate_code) if status is SuggestionStatus.duplicate else None
    previous = suggestion.status
    values = {
        "status": status, "status_reason": reason,
        "duplicate_of_id": original.id if original else None,
        "applied_in": revision if status is SuggestionStatus.applied else None,
        "triaged_by_id": coordinator.id, "triaged_at": utcnow(),
    }
    changed = db.session.execute(update(Suggestion).where(Suggestion.id == suggestion.id,
                                                          Suggestion.status == seen_status)
                                 .values(**values).execution_options(synchronize_session=False))
    if changed.rowcount != 1:
        raise StaleTriage()
    stamps.move_on(db.session)  # the dashboard is kept until the pilot version moves on
    if original is not None:  # the duplicates of this one now point at its original too
        db.session.execute(update(Suggestion).where(Suggestion.duplicate_of_id == suggestion.id)
                           .values(duplicate_of_id=original.id).execution_options(synchronize_session=False))
    audit.record("suggestion-triaged", f"suggestion:{suggestion.code}", actor=coordinator, previous=previous.value,
                 status=status.value, reason=reason, duplicate_of=original.code if original else "",
                 applied_in=values["applied_in"] or "")
    db.session.flush()
    db.session.refresh(suggestion)
    return suggestion


def _original_of(suggestion, duplicate_code):
    """The suggestion that duplicate_code names, followed to the original when it is a duplicate itself."""
    code = (duplicate_code or "").strip().upper()
    target = db.session.scalar(select(Suggestion).where(Suggestion.code == code[:16])) if code else None
    if target is None:
        raise TriageRefused(_("There is no suggestion %(code)s.", code=code[:16]), "duplicate_of")
    for _step in range(MAX_CHAIN):
        if target.status is not SuggestionStatus.duplicate or target.duplicate_of is None:
            break
        target = target.duplicate_of
    if target.id == suggestion.id:
        raise TriageRefused(_("A suggestion cannot be a duplicate of itself."), "duplicate_of")
    return target


def history(suggestion):
    """The audit log's events about the suggestion (made, triaged, applied), the first first."""
    return db.session.scalars(select(AuditEvent).where(AuditEvent.subject == f"suggestion:{suggestion.code}")
                              .options(joinedload(AuditEvent.actor)).order_by(AuditEvent.id)).all()
