"""Working a practical task: drafts that save as the student goes, hand-ins, sign-off, assessment."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from flask_babel import gettext as _

from upskill import audit
from upskill.curriculum.render import plain_text
from upskill.extensions import db
from upskill.learning import stamps, uploads
from upskill.models import Assessment, Attempt, EvidenceFile, StateChange, TaskWork, WorkState, utcnow

MEASUREMENT_MAX = 200
TEXT_MAX = 5000
OPEN_STATES = (WorkState.draft.value, WorkState.returned.value)


class WorkRefused(ValueError):
    """A change to a student's work that cannot be made; the message says why."""


class DraftConflict(WorkRefused):
    """The draft changed elsewhere (another device) since the one the student edited was loaded."""


class AlreadyAssessed(WorkRefused):
    """Somebody assessed this attempt first."""


def find_work(student_id, code):
    return db.session.scalar(select(TaskWork).where(TaskWork.student_id == student_id, TaskWork.item_code == code))


def work_for(student_id, code):
    """The student's work on the task, made on first use (once, even with two requests at the same time)."""
    work = find_work(student_id, code)
    if work is not None:
        return work
    try:
        with db.session.begin_nested():
            work = TaskWork(student_id=student_id, item_code=code, checklist=[], measurements={}, text={})
            db.session.add(work)
    except IntegrityError:
        work = find_work(student_id, code)
    return work


def clean_draft(task, checklist, measurements, text):
    """Bound and check what the student typed against the task's steps and evidence; raise WorkRefused."""
    steps, evidence = len(task["steps"]), task["evidence"]
    done = sorted({int(i) for i in checklist if str(i).isascii() and str(i).isdigit() and len(str(i)) < 4})
    if any(i >= steps for i in done):
        raise WorkRefused(_("The task has no step %(n)d.", n=max(done) + 1))
    values = {}
    for kind, given, limit in (("measurement", measurements, MEASUREMENT_MAX), ("text", text, TEXT_MAX)):
        cleaned = {}
        for key, value in (given or {}).items():
            index = int(key) if str(key).isascii() and str(key).isdigit() and len(str(key)) < 4 else -1
            if not 0 <= index < len(evidence) or evidence[index]["kind"] != kind:
                raise WorkRefused(_("The task asks for no such field."))
            value = str(value).replace("\x00", "").strip()
            if len(value) > limit:
                raise WorkRefused(_("An answer is longer than %(count)d characters.", count=limit))
            if value:
                cleaned[str(index)] = value
        values[kind] = cleaned
    return done, values["measurement"], values["text"]


def save_draft(work, task, checklist, measurements, text, base_revision):
    """Save the draft if it was edited from the latest saved one; return the new revision."""
    if work.state not in OPEN_STATES:
        raise WorkRefused(_("This work has been handed in; it can no longer be changed."))
    if base_revision is not None and base_revision != work.draft_revision:
        raise DraftConflict(_("This draft was changed on another device. Reload the page to see the latest one."))
    work.checklist, work.measurements, work.text = clean_draft(task, checklist, measurements, text)
    work.draft_revision += 1
    work.updated_at = utcnow()
    stamps.touch(work.student_id)
    return work.draft_revision


def missing_evidence(task, work, files_by_index, earlier_files=()):
    """Return the labels of evidence the hand-in still lacks."""
    missing = []
    for index, item in enumerate(task["evidence"]):
        kind = item["kind"]
        if kind == "checklist" and len(work.checklist) < len(task["steps"]):
            missing.append(item["label"])
        elif kind == "measurement" and not work.measurements.get(str(index)):
            missing.append(item["label"])
        elif kind == "text" and not work.text.get(str(index)):
            missing.append(item["label"])
        elif kind in ("photo", "file") and not files_by_index.get(index) and index not in earlier_files:
            missing.append(item["label"])
    return missing


def hand_in(work, task, submission_key, files_by_index, by):
    """Turn the current draft and the files into a submitted attempt; the same key twice makes one attempt."""
    existing = db.session.scalar(select(Attempt).where(Attempt.submission_key == submission_key))
    if existing is not None:
        if existing.work_id != work.id:
            raise WorkRefused(_("This hand-in belongs to other work."))
        return existing
    if work.state not in OPEN_STATES:
        raise WorkRefused(_("This work has been handed in already."))
    if missing := missing_evidence(task, work, files_by_index):
        raise WorkRefused(_("Still missing: %(items)s.", items="; ".join(plain_text(m) for m in missing)))
    attempt = Attempt(work_id=work.id, number=len(work.attempts) + 1, submission_key=submission_key,
                      checklist=list(work.checklist), measurements=dict(work.measurements), text=dict(work.text))
    for index, checked_files in files_by_index.items():
        for checked in checked_files:
            uploads.store(checked)
            attempt.files.append(EvidenceFile(evidence_index=index, sha256=checked.sha256, size=len(checked.data),
                                              media_type=checked.media_type, original_name=checked.original_name))
    _move(work, WorkState.submitted, by)
    try:
        with db.session.begin_nested():
            db.session.add(attempt)
        db.session.expire(work, ["attempts"])
    except (IntegrityError, StaleDataError):  # the same hand-in sent twice at once: the other one won
        db.session.rollback()
        existing = db.session.scalar(select(Attempt).where(Attempt.submission_key == submission_key))
        if existing is None:
            raise
        return existing
    return attempt


def confirm_company_part(attempt, trainer, note):
    """The company trainer signs off the company part of the work, with their own account."""
    if attempt.confirmed_at is not None:
        return attempt
    if attempt.work.state != WorkState.submitted.value or attempt.number != len(attempt.work.attempts):
        raise WorkRefused(_("Only the latest hand-in waiting for assessment can be confirmed."))
    attempt.confirmed_by_id, attempt.confirmed_at = trainer.id, utcnow()
    attempt.confirmation_note = (note or "").strip()[:2000]
    stamps.touch(attempt.work.student_id)
    audit.record("company-confirmed", f"attempt:{attempt.id}", actor=trainer)
    return attempt


def assess(attempt, assessor, rubric, levels, comments, overall, accept, needs_company):
    """Grade the attempt with the rubric as it is now (stored with the grade); accept it or return it."""
    if attempt.assessment is not None:
        raise AlreadyAssessed(_("%(name)s assessed this hand-in first.", name=_assessor_name(attempt)))
    if attempt.work.state != WorkState.submitted.value:
        raise WorkRefused(_("This work is not waiting for assessment."))
    if needs_company and attempt.confirmed_at is None:
        raise WorkRefused(_("The company trainer confirms the company part of this task first."))
    attempt.assessment = Assessment(
        assessor_id=assessor.id, decision="accepted" if accept else "returned", levels=levels, comments=comments,
        overall_comment=overall, rubric=rubric,
    )
    _move(attempt.work, WorkState.accepted if accept else WorkState.returned, assessor)
    audit.record("graded", f"attempt:{attempt.id}", actor=assessor, decision=attempt.assessment.decision,
                 task=attempt.work.item_code)
    try:
        db.session.flush()
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        raise AlreadyAssessed(_("Somebody else assessed this hand-in at the same moment. Reload the page.")) from None
    return attempt.assessment


def _move(work, state, by):
    work.changes.append(StateChange(from_state=work.state, to_state=state.value, by_id=by.id if by else None))
    work.state = state.value
    work.updated_at = utcnow()
    stamps.touch(work.student_id)


def _assessor_name(attempt):
    assessor = attempt.assessment.assessor if attempt.assessment else None
    return assessor.name if assessor else _("Another teacher")


