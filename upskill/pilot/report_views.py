"""A pilot report: read it, write the draft with the other teachers of the school, submit it, correct it."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from upskill.access import roles_required
from upskill.extensions import db
from upskill.i18n import current_language
from upskill.pilot import bp
from upskill.pilot.forms import ReportForm, RevisionForm
from upskill.pilot.report_fields import LABELS, RATINGS, entry_changes
from upskill.pilot.reports import (
    ReportClosed, StaleReport, correct_report, may_write, report_for, save_draft, submit_report, versions_of,
)
from upskill.pilot.suggestions import suggestions_of
from upskill.public import services as content


@bp.get("/reports/<int:report_id>/")
@roles_required("teacher", "coordinator", "admin")
def report(report_id):
    report = report_for(current_user, report_id)
    versions = versions_of(report)
    earlier = next((v for v in versions if v.number == report.number - 1), None)
    return render_template("pilot/report.html", report=report, versions=versions, earlier=earlier, fields=LABELS,
                           changes=entry_changes(earlier.entries, report.entries) if earlier else [],
                           latest=versions[-1], may_write=may_write(current_user, report),
                           modules=_module_titles(report), suggestions=suggestions_of(report),
                           action_form=RevisionForm(formdata=None, revision=report.revision))


@bp.route("/reports/<int:report_id>/edit", methods=["GET", "POST"])
@roles_required("teacher")
def edit_report(report_id):
    report = report_for(current_user, report_id, write=True)
    if not report.is_draft:
        closed = _("This version of the report has been submitted and cannot be changed. Start a correction instead.")
        if request.method == "POST":
            abort(409, description=closed)
        flash(closed)
        return redirect(url_for("pilot.report", report_id=report.id), code=303)
    form = ReportForm()
    if not form.is_submitted():
        return _edit_page(report, _filled_form(report))
    complete = form.validate() & form.check_modules(list(report.entries))
    if not complete:
        return _edit_page(report, form, status=400, problem=_("Some answers need correcting; see the marked fields."))
    yours = form.entries()
    try:
        save_draft(report, yours, form.revision.data, current_user)
    except StaleReport:
        db.session.rollback()
        db.session.refresh(report)
        return _edit_page(report, _filled_form(report), status=409, unsaved=entry_changes(report.entries, yours),
                          problem=_("Another teacher saved this report after you opened it. Their changes are kept and the "
                                    "form now shows them; your changes were not saved and are listed below the form."))
    db.session.commit()
    flash(_("The draft is saved."))
    return redirect(url_for("pilot.edit_report", report_id=report.id), code=303)


@bp.post("/reports/<int:report_id>/submit")
@roles_required("teacher")
def submit(report_id):
    report = report_for(current_user, report_id, write=True)
    form = RevisionForm()
    if not form.validate():
        abort(400, description=_("The form has expired. Please send it again."))
    try:
        submitted = submit_report(report, form.revision.data, current_user)
    except StaleReport:
        db.session.rollback()
        abort(409, description=_("Another teacher saved this report after you opened it. Read it again, then submit."))
    db.session.commit()
    flash(_("The report is submitted.") if submitted else _("The report had already been submitted."))
    return redirect(url_for("pilot.report", report_id=report.id), code=303)


@bp.post("/reports/<int:report_id>/correct")
@roles_required("teacher")
def correct(report_id):
    report = report_for(current_user, report_id, write=True)
    try:
        correction = correct_report(report, current_user)
    except ReportClosed:
        abort(409, description=_("The report has not been submitted yet: change the draft itself."))
    db.session.commit()
    return redirect(url_for("pilot.edit_report", report_id=correction.id), code=303)


def _filled_form(report):
    modules = [{"code": code, **{name: (str(value) if name in RATINGS and value else value)
                                 for name, value in entry.items()}}
               for code, entry in report.entries.items()]
    return ReportForm(formdata=None, data={"revision": report.revision, "modules": modules})


def _edit_page(report, form, status=200, **extra):
    return render_template("pilot/report_form.html", report=report, form=form, modules=_module_titles(report),
                           **extra), status


def _module_titles(report):
    """module code -> the module (titled in the reader's language, where it is translated)."""
    return {m.code: m for m in content.modules(current_language(), list(report.entries))}
