"""A student's own data: all of it as a zip, and erasure on request (GDPR articles 15, 17 and 20)."""
import io
import json
import shutil
import zipfile

from flask import redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlalchemy import delete, select, update

from upskill import audit, storage
from upskill.access import roles_required
from upskill.extensions import db
from upskill.learning import bp, stamps, uploads
from upskill.models import (
    AccessLink, Assessment, Attempt, AuditEvent, Enrolment, EvidenceFile, LessonRead, PilotPeriod, Placement, QuizAttempt,
    SurveyTaken, TaskWork,
)
from upskill.showcase.personal import erase_showcase, showcase_data


def _stamp(value):
    return value.isoformat() if value else None


def personal_data(student):
    """Everything stored about the student, as JSON-ready data, and the files to go with it."""
    works = db.session.scalars(select(TaskWork).where(TaskWork.student_id == student.id)).all()
    files = []
    data = {
        "account": {"name": student.name, "email": student.email, "language": student.language,
                    "school": student.school.name if student.school else None, "created_at": _stamp(student.created_at),
                    "last_sign_in": _stamp(student.last_login_at), "roles": sorted(r.value for r in student.roles)},
        "classes": [{"class": e.school_class.name, "school": e.school_class.school.name,
                     "student_number": e.student_number, "enrolled_at": _stamp(e.enrolled_at)}
                    for e in db.session.scalars(select(Enrolment).where(Enrolment.student_id == student.id))],
        "placements": [{"company": p.company.name, "trainer": p.trainer.name if p.trainer else None,
                        "from": _stamp(p.starts_on), "until": _stamp(p.ends_on)}
                       for p in db.session.scalars(select(Placement).where(Placement.student_id == student.id))],
        "lessons_read": [{"item": r.item_code, "read_at": _stamp(r.read_at)}
                         for r in db.session.scalars(select(LessonRead).where(LessonRead.student_id == student.id))],
        "quiz_attempts": [{"item": q.item_code, "score": q.score, "total": q.total, "at": _stamp(q.at)}
                          for q in db.session.scalars(select(QuizAttempt).where(QuizAttempt.student_id == student.id))],
        # That they answered a survey, never what: the answers carry nothing that leads back to them.
        "surveys_answered": [{"pilot_period": name, "module": code} for name, code in db.session.execute(
            select(PilotPeriod.name, SurveyTaken.module_code).join(PilotPeriod, PilotPeriod.id == SurveyTaken.period_id)
            .where(SurveyTaken.student_id == student.id).order_by(PilotPeriod.starts_on, SurveyTaken.module_code))],
        "tasks": [],
        "showcase": showcase_data(student),
    }
    for work in works:
        attempts = []
        for attempt in work.attempts:
            for f in attempt.files:
                files.append((f"files/{work.item_code}/attempt-{attempt.number}/{f.id}-{f.original_name}", f.sha256))
            assessment = attempt.assessment
            attempts.append({
                "number": attempt.number, "submitted_at": _stamp(attempt.submitted_at),
                "checklist": attempt.checklist, "measurements": attempt.measurements, "text": attempt.text,
                "files": [f.original_name for f in attempt.files],
                "company_confirmed_at": _stamp(attempt.confirmed_at), "company_note": attempt.confirmation_note,
                "assessment": None if assessment is None else {
                    "decision": assessment.decision, "levels": assessment.levels, "comments": assessment.comments,
                    "overall_comment": assessment.overall_comment, "at": _stamp(assessment.assessed_at)},
            })
        data["tasks"].append({"item": work.item_code, "state": work.state, "draft": {
            "checklist": work.checklist, "measurements": work.measurements, "text": work.text}, "attempts": attempts})
    return data, files


@bp.get("/my-data")
@roles_required("student")
def my_data():
    return render_template("learning/my_data.html")


@bp.get("/my-data.zip")
@roles_required("student")
def my_data_zip():
    data, files = personal_data(current_user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("my-data.json", json.dumps(data, ensure_ascii=False, indent=2))
        evidence = storage.evidence()
        for name, sha256 in files:
            try:
                with evidence.open(uploads.name_of(sha256)) as stored, archive.open(name, "w") as packed:
                    shutil.copyfileobj(stored, packed, 1024 * 1024)
            except storage.NotStored:
                continue
    audit.record("data-exported", f"user:{current_user.id}")
    db.session.commit()
    buffer.seek(0)
    response = send_file(buffer, mimetype="application/zip", as_attachment=True, download_name="upskill-my-data.zip")
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/my-data/erase")
@roles_required("student")
def erase():
    """Erase the student's personal data and files after they confirm with their password."""
    if request.form.get("confirm") != "yes" or not current_user.check_password(request.form.get("password", "")[:128]):
        return render_template("learning/my_data.html",
                               error=_("Tick the box and give your password to erase your data.")), 400
    student = current_user._get_current_object()
    freed = erase_student(student)
    db.session.commit()
    remove_files(freed)
    logout_user()
    return redirect(url_for("public.home"), code=303)


def erase_student(student, by=None):
    """Remove the student's personal data and files; keep anonymous counts (states, scores, reads, survey answers)."""
    work_ids = select(TaskWork.id).where(TaskWork.student_id == student.id)
    attempt_ids = select(Attempt.id).where(Attempt.work_id.in_(work_ids))
    hashes = set(db.session.scalars(select(EvidenceFile.sha256).where(EvidenceFile.attempt_id.in_(attempt_ids))))
    erase_showcase(student, attempt_ids)
    db.session.execute(delete(EvidenceFile).where(EvidenceFile.attempt_id.in_(attempt_ids)))
    db.session.execute(update(Attempt).where(Attempt.id.in_(attempt_ids))
                       .values(checklist=[], measurements={}, text={}, confirmation_note=""))
    db.session.execute(update(TaskWork).where(TaskWork.student_id == student.id)
                       .values(checklist=[], measurements={}, text={}))
    db.session.execute(update(Assessment).where(Assessment.attempt_id.in_(attempt_ids))
                       .values(comments=[], overall_comment=""))
    db.session.execute(update(Enrolment).where(Enrolment.student_id == student.id).values(student_number=None))
    db.session.execute(delete(AccessLink).where(AccessLink.user_id == student.id))
    db.session.execute(delete(SurveyTaken).where(SurveyTaken.student_id == student.id))  # the answers stay: anonymous
    db.session.execute(update(AuditEvent).where(AuditEvent.actor_id == student.id).values(address=""))
    db.session.execute(update(AuditEvent).where(AuditEvent.subject == f"email:{student.email}").values(subject="email:erased"))
    still_used = set(db.session.scalars(select(EvidenceFile.sha256).where(EvidenceFile.sha256.in_(hashes)))) if hashes else set()
    stamps.touch(student.id)
    student.name, student.email = "Erased student", f"erased-{student.id}@erased.invalid"
    student.password_hash, student.active = None, False
    audit.record("erased", f"user:{student.id}", actor=by or student)
    return hashes - still_used


def remove_files(hashes):
    """Delete stored files once the erasure that freed them is committed."""
    evidence = storage.evidence()
    for sha256 in hashes:
        evidence.delete(uploads.name_of(sha256))
