"""Accounts for administrators: create with an invitation link, set roles, deactivate, reset; the audit log."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from upskill.access import roles_required
from upskill.admin import bp
from upskill.admin.forms import NewAccountForm, RolesForm
from upskill.auth.services import INVITE, RESET, AccountError, create_user, deactivate, issue_link, set_roles
from upskill.collation import sort_key
from upskill.extensions import db
from upskill.i18n import current_language
from upskill.mail import send_link
from upskill.models import AuditEvent, School, User

AUDIT_PAGE = 100


@bp.route("/users/", methods=["GET", "POST"])
@roles_required("admin")
def users():
    form = NewAccountForm()
    schools = db.session.scalars(select(School).order_by(School.name)).all()
    form.school.choices = [("", _("None"))] + [(str(s.id), s.name) for s in schools]
    status = 200
    if form.is_submitted():
        if form.validate():
            school = db.session.get(School, int(form.school.data)) if form.school.data else None
            try:
                user = create_user(form.email.data, form.name.data, form.roles.data, school=school,
                                   created_by=current_user)
            except AccountError:
                form.email.errors.append(_("An account with this e-mail address exists already."))
            else:
                token = issue_link(user, INVITE, created_by=current_user)
                db.session.commit()
                link = url_for("auth.take_link", token=token, _external=True)
                return render_template("admin/link.html", user=user, purpose=INVITE, link=link,
                                       mailed=send_link(user, link, INVITE))
        status = 400
    accounts = sorted(db.session.scalars(select(User)).all(), key=lambda u: sort_key(u.name, current_language()))
    return render_template("admin/users.html", form=form, accounts=accounts), status


@bp.route("/users/<int:user_id>/", methods=["GET", "POST"])
@roles_required("admin")
def user(user_id):
    account = db.session.get(User, user_id) or abort(404)
    form = RolesForm(roles=[r.value for r in account.roles])
    if form.is_submitted():
        if form.validate():
            if account.id == current_user.id and "admin" not in form.roles.data:
                form.roles.errors.append(_("You cannot take the administrator role from yourself."))
            else:
                set_roles(account, form.roles.data, changed_by=current_user)
                db.session.commit()
                flash(_("The roles have been saved."))
                return redirect(url_for("admin.user", user_id=account.id), code=303)
        return render_template("admin/user.html", account=account, form=form), 400
    return render_template("admin/user.html", account=account, form=form)


@bp.post("/users/<int:user_id>/deactivate")
@roles_required("admin")
def deactivate_user(user_id):
    account = db.session.get(User, user_id) or abort(404)
    if account.id == current_user.id:
        abort(400, description=_("You cannot deactivate your own account."))
    deactivate(account, changed_by=current_user)
    db.session.commit()
    flash(_("The account has been deactivated: it can no longer sign in."))
    return redirect(url_for("admin.user", user_id=account.id), code=303)


@bp.post("/users/<int:user_id>/reset-link")
@roles_required("admin")
def reset_link(user_id):
    account = db.session.get(User, user_id) or abort(404)
    if not account.active:
        abort(400, description=_("This account is deactivated."))
    purpose = RESET if account.password_hash else INVITE
    token = issue_link(account, purpose, created_by=current_user)
    db.session.commit()
    link = url_for("auth.take_link", token=token, _external=True)
    return render_template("admin/link.html", user=account, purpose=purpose, link=link,
                           mailed=send_link(account, link, purpose))


@bp.get("/audit/")
@roles_required("admin")
def audit_log():
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    action = request.args.get("action", "")[:40]
    if action:
        query = query.where(AuditEvent.action == action)
    before = request.args.get("before", "")
    if before.isascii() and before.isdigit() and len(before) < 12:
        query = query.where(AuditEvent.id < int(before))
    events = db.session.scalars(query.options(selectinload(AuditEvent.actor)).limit(AUDIT_PAGE)).all()
    actions = db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)).all()
    return render_template("admin/audit.html", events=events, actions=actions, action=action,
                           more=len(events) == AUDIT_PAGE)
