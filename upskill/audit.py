"""Writing the audit log: sign-ins, failed sign-ins, role changes, invitations, grading, exports, erasures."""
from flask import has_request_context, request
from flask_login import current_user

from upskill.extensions import db
from upskill.models import AuditEvent

DETAIL_TEXT_LIMIT = 200


def record(action, subject="", actor=None, **detail):
    """Add an audit event to the session (it is committed with the change it describes)."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        action=action,
        subject=str(subject)[:200],
        actor_id=actor.id if actor is not None else None,
        address=_address(),
        detail={key: _bounded(value) for key, value in detail.items()},
    )
    db.session.add(event)
    return event


def _address():
    if not has_request_context():
        return "cli"
    return (request.remote_addr or "")[:45]


def _bounded(value):
    if isinstance(value, str):
        return value[:DETAIL_TEXT_LIMIT]
    if isinstance(value, (list, tuple, set)):
        return [_bounded(v) for v in list(value)[:20]]
    return value
