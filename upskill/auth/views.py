"""Sign in, sign out, change the password, and take up an invitation or reset link."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from upskill import audit
from upskill.access import public, signed_in
from upskill.auth import bp
from upskill.auth.forms import ChangePasswordForm, LoginForm, NewPasswordForm
from upskill.auth.safe_next import safe_next
from upskill.auth.services import (
    INVITE, AccountError, authenticate, normalise_email, open_link, password_problem, sign_in, use_link,
)
from upskill.auth.throttle import throttle
from upskill.extensions import db


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    form = LoginForm()
    target = safe_next(request.values.get("next"), url_for("auth.account"))
    if not form.is_submitted():
        return render_template("auth/login.html", form=form, next=target)
    if not form.validate():
        return render_template("auth/login.html", form=form, next=target), 400
    email = normalise_email(form.email.data)
    if not throttle().attempt_allowed(request.remote_addr or "", email):
        audit.record("sign-in-throttled", f"email:{email}")
        db.session.commit()
        message = _("Too many attempts. Wait a few minutes, then try again.")
        return render_template("auth/login.html", form=form, next=target, error=message), 429
    user = authenticate(email, form.password.data)
    if user is None:
        throttle().failed(email)
        audit.record("sign-in-failed", f"email:{email}")
        db.session.commit()
        message = _("The e-mail address or the password is not right.")
        return render_template("auth/login.html", form=form, next=target, error=message), 401
    throttle().succeeded(email)
    sign_in(user, remember=form.remember.data)
    db.session.commit()
    return redirect(target, code=303)


@bp.post("/logout")
@signed_in
def logout():
    audit.record("sign-out", f"user:{current_user.id}")
    db.session.commit()
    logout_user()
    return redirect(url_for("public.home"), code=303)


@bp.get("/account/")
@signed_in
def account():
    return render_template("auth/account.html")


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def change_password():
    form = ChangePasswordForm()
    if form.is_submitted():
        if form.validate():
            if not current_user.check_password(form.current.data):
                form.current.errors.append(_("This is not your current password."))
            elif problem := password_problem(form.password.data, current_user.email):
                form.password.errors.append(problem)
            else:
                current_user.set_password(form.password.data)
                audit.record("password-changed", f"user:{current_user.id}")
                db.session.commit()
                flash(_("Your password has been changed."))
                return redirect(url_for("auth.account"), code=303)
        return render_template("auth/password.html", form=form), 400
    return render_template("auth/password.html", form=form)


@bp.route("/account/link/<token>", methods=["GET", "POST"])
@public
def take_link(token):
    """An invitation or reset link: choose a password, and be signed in."""
    link = open_link(token)
    if link is None:
        abort(404, description=_("This link has expired or has been used already. Ask your teacher or "
                                 "administrator for a new one."))
    form = NewPasswordForm()
    template = "auth/invitation.html" if link.purpose == INVITE else "auth/reset.html"
    if not form.is_submitted():
        return render_template(template, form=form, user=link.user)
    if form.validate():
        if problem := password_problem(form.password.data, link.user.email):
            form.password.errors.append(problem)
        else:
            try:
                user = use_link(link, form.password.data)
            except AccountError:
                db.session.rollback()
                abort(404, description=_("This link has been used already."))
            sign_in(user)
            db.session.commit()
            return redirect(url_for("auth.account"), code=303)
    return render_template(template, form=form, user=link.user), 400

