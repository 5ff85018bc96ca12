"""A student's consent to show an accepted piece of work: given, changed, withdrawn (which hides it at once)."""
from flask import abort
from sqlalchemy import select

from upskill import audit
from upskill.extensions import db
from upskill.models import Attempt, ShowcaseConsent, ShownName, utcnow
from upskill.showcase.ending import end_once


def own_attempt(student, attempt_id):
    """The student's own attempt; else the same 404 as nothing there."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.work.student_id != student.id:
        abort(404)
    return attempt


def is_accepted(attempt):
    return attempt.assessment is not None and attempt.assessment.decision == "accepted"


def consent_of(attempt):
    """The consent recorded for the attempt, given or withdrawn, or None."""
    return db.session.scalar(select(ShowcaseConsent).where(ShowcaseConsent.attempt_id == attempt.id))


def give_consent(attempt, student, name_choice, pseudonym, public):
    """Record (or change) the student's yes to showing the attempt, how they are named, and to whom."""
    consent = consent_of(attempt) or ShowcaseConsent(attempt_id=attempt.id, student_id=student.id)
    renewed = consent.id is None or consent.withdrawn_at is not None
    consent.shown_name = ShownName(name_choice)
    consent.pseudonym = pseudonym if consent.shown_name == ShownName.pseudonym else ""
    consent.public = public
    consent.withdrawn_at = None
    if renewed:
        consent.given_at = utcnow()
    db.session.add(consent)
    db.session.flush()
    audit.record("showcase-consent-given" if renewed else "showcase-consent-changed", f"attempt:{attempt.id}",
                 actor=student, shown_name=name_choice, public=public)
    return consent


def withdraw_consent(attempt, student):
    """Withdraw the consent: the item disappears from the showcase at once. Return whether anything changed."""
    return end_once(consent_of(attempt), "withdrawn_at", "showcase-consent-withdrawn", f"attempt:{attempt.id}", student)
