"""Ending a showcase record once: a consent withdrawn, an item removed; the time kept, the change audited."""
from upskill import audit
from upskill.extensions import db
from upskill.models import utcnow


def end_once(record, column, action, subject, actor):
    """Set the record's end time (withdrawn_at, removed_at) unless it is set or there is no record; say if it was."""
    if record is None or getattr(record, column) is not None:
        return False
    setattr(record, column, utcnow())
    db.session.flush()
    audit.record(action, subject, actor=actor)
    return True
