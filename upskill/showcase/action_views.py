"""The student's consent and the teacher's choice, sent from the task page and the assessment page."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from upskill.access import roles_required
from upskill.extensions import db
from upskill.showcase import bp
from upskill.showcase.consent import give_consent, is_accepted, own_attempt, withdraw_consent
from upskill.showcase.forms import ConsentForm, ItemForm, refuse
from upskill.showcase.items import ShowcaseRefused, remove, show, taught_attempt


@bp.post("/attempts/<int:attempt_id>/consent")
@roles_required("student")
def consent(attempt_id):
    attempt = own_attempt(current_user, attempt_id)
    if not is_accepted(attempt):
        refuse(409, message=_("Only accepted work can go into the showcase."))
    form = ConsentForm()
    if not form.validate():
        refuse(400, form)
    if form.show.data == "yes":
        give_consent(attempt, current_user, form.shown_name.data, form.pseudonym.data, form.public.data)
        flash(_("Thank you: your teacher may now show this work in the pilot showcase."))
    else:
        withdraw_consent(attempt, current_user)
        flash(_("This work is not shown in the pilot showcase."))
    db.session.commit()
    module, item = attempt.work.item_code.split(".")
    return redirect(url_for("learning.task", module=module, item=item, _anchor="showcase"), code=303)


@bp.post("/attempts/<int:attempt_id>/show")
@roles_required("teacher")
def show_item(attempt_id):
    attempt = taught_attempt(current_user, attempt_id)
    form = ItemForm()
    if not form.validate():
        refuse(400, form)
    try:
        show(current_user, attempt, form.public.data)
    except ShowcaseRefused as refused:
        db.session.rollback()
        refuse(409, message=str(refused))
    db.session.commit()
    flash(_("The work is in the pilot showcase."))
    return redirect(url_for("teaching.assess_attempt", attempt_id=attempt.id, _anchor="showcase"), code=303)


@bp.post("/attempts/<int:attempt_id>/remove")
@roles_required("teacher")
def remove_item(attempt_id):
    attempt = taught_attempt(current_user, attempt_id)
    if not ItemForm().validate():
        refuse(400)
    remove(current_user, attempt)
    db.session.commit()
    flash(_("The work is no longer in the pilot showcase."))
    return redirect(url_for("teaching.assess_attempt", attempt_id=attempt.id, _anchor="showcase"), code=303)
