"""A student works a practical task: the checklist and fields save as they go; then the hand-in."""
import secrets

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from upskill.access import roles_required
from upskill.extensions import db
from upskill.learning import bp, stamps, uploads
from upskill.public.page_cache import cached_personal_page
from upskill.learning.progress import dashboard
from upskill.pilot.surveys import surveys_to_answer
from upskill.learning.tasks import is_company_task, task_page
from upskill.learning.work import (
    DraftConflict, WorkRefused, find_work, hand_in, save_draft, work_for,
)

KEY_LENGTH = 32


@bp.get("/")
@roles_required("student")
def home():
    # Kept rendered until the content, the student's work (stamps.py) or the surveys they have to answer change.
    surveys = surveys_to_answer(current_user)
    return cached_personal_page(("dashboard", stamps.student_stamp(current_user.id), surveys),
                                lambda: render_template("learning/dashboard.html", board=dashboard(current_user),
                                                        surveys_waiting=len(surveys)))


@bp.get("/<module>/<item>/")
@roles_required("student")
def task(module, item):
    page = task_page(module, item)
    work = find_work(current_user.id, page.item.code)
    return _task_page(page, work)


def _task_page(page, work, status=200, problem=None):
    return render_template(
        "learning/task.html", page=page, task=page.student.content, work=work, problem=problem,
        company=is_company_task(page), submission_key=secrets.token_hex(KEY_LENGTH // 2),
        max_bytes=current_app.config["UPLOAD_MAX_BYTES"],
    ), status


def _draft_from_form():
    form = request.form
    checklist = form.getlist("step")[:200]
    measurements = {k[2:]: v for k, v in form.items() if k.startswith("m-")}
    text = {k[2:]: v for k, v in form.items() if k.startswith("t-")}
    revision = form.get("revision", "")
    base = int(revision) if revision.isascii() and revision.isdigit() and len(revision) < 9 else None
    return checklist, measurements, text, base


@bp.post("/<module>/<item>/draft")
@roles_required("student")
def save(module, item):
    """Save the draft; answers JSON to the page's script, or returns to the page without it."""
    page = task_page(module, item)
    work = work_for(current_user.id, page.item.code)
    checklist, measurements, text, base = _draft_from_form()
    wants_json = request.accept_mimetypes.best == "application/json"
    try:
        revision = save_draft(work, page.student.content, checklist, measurements, text, base)
    except DraftConflict as conflict:
        db.session.rollback()
        return (jsonify(error=str(conflict), revision=work.draft_revision), 409) if wants_json else abort(409, description=str(conflict))
    except WorkRefused as refused:
        db.session.rollback()
        if wants_json:
            return jsonify(error=str(refused)), 400
        abort(400, description=str(refused))
    db.session.commit()
    if wants_json:
        return jsonify(revision=revision, saved_at=work.updated_at.isoformat())
    flash(_("Your draft is saved."))
    return redirect(url_for("learning.task", module=module, item=item), code=303)


@bp.post("/<module>/<item>/hand-in")
@roles_required("student")
def submit(module, item):
    """Hand in the work with its files: one attempt however often the form is sent."""
    page = task_page(module, item)  # the larger body limit of this route: security.allow_uploads
    task_content = page.student.content
    key = request.form.get("submission_key", "")
    if not (len(key) == KEY_LENGTH and key.isascii() and key.isalnum()):
        abort(400, description=_("The form is incomplete. Reload the page and try again."))
    work = work_for(current_user.id, page.item.code)
    checklist, measurements, text, base = _draft_from_form()
    if work.state in ("draft", "returned"):
        try:
            save_draft(work, task_content, checklist, measurements, text, None)
        except WorkRefused as refused:
            db.session.rollback()
            return _task_page(page, work, 400, str(refused))
        db.session.commit()  # what was typed is kept even if the hand-in below is refused
    try:
        files = _checked_files(task_content)
        attempt = hand_in(work, task_content, key, files, current_user)
    except (WorkRefused, uploads.UploadRefused) as refused:
        db.session.rollback()
        return _task_page(page, work, 400, str(refused))
    db.session.commit()
    flash(_("Handed in (attempt %(n)d). Your teacher will assess it.", n=attempt.number))
    return redirect(url_for("learning.task", module=module, item=item), code=303)


def _checked_files(task_content):
    """Check every uploaded file by its content; return {evidence index: [CheckedFile]}."""
    files, total = {}, 0
    for index, evidence in enumerate(task_content["evidence"]):
        if evidence["kind"] not in ("photo", "file"):
            continue
        allowed = ("image/jpeg", "image/png") if evidence["kind"] == "photo" else ("image/jpeg", "image/png", "application/pdf")
        for storage in request.files.getlist(f"f-{index}"):
            if not storage or not storage.filename:
                continue
            total += 1
            if total > uploads.FILES_PER_HAND_IN:
                raise uploads.UploadRefused(_("At most %(count)d files can be handed in at once.", count=uploads.FILES_PER_HAND_IN))
            files.setdefault(index, []).append(uploads.check_file(storage.read(), storage.filename, allowed))
    return files
