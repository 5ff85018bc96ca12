"""Accounts: creating them, signing in, and the one-time links that set a password."""
import hashlib
import secrets
from datetime import timedelta

from flask import current_app, session
from flask_babel import gettext as _
from flask_login import login_user
from sqlalchemy import func, select

from upskill import audit
from upskill.extensions import db
from upskill.models import AccessLink, Role, User, utcnow

INVITE, RESET = "invite", "reset"
PASSWORD_MIN, PASSWORD_MAX = 10, 128
# Used to spend the same time on an unknown e-mail as on a wrong password.
_DUMMY = User(email="", name="")
_DUMMY.set_password(secrets.token_hex(8))


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message says why."""


def normalise_email(email):
    return (email or "").strip().lower()


def find_user(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def authenticate(email, password):
    """Return the active user with this e-mail and password, or None (taking the same time either way)."""
    user = find_user(email)
    if user is None or not user.password_hash:
        _DUMMY.check_password(password or "")
        return None
    if not user.check_password(password or "") or not user.active:
        return None
    return user


def sign_in(user, remember=False):
    """Start a fresh session for user: nothing from before the sign-in survives it (no fixation)."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    login_user(user, remember=remember, fresh=True)
    user.last_login_at = utcnow()
    audit.record("sign-in", f"user:{user.id}", actor=user)


def password_problem(password, email=""):
    """Return why a new password is not good enough, or None."""
    if len(password) < PASSWORD_MIN:
        return _("Use at least %(count)d characters.", count=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        return _("Use at most %(count)d characters.", count=PASSWORD_MAX)
    if email and normalise_email(email).split("@")[0] in password.lower() and len(email.split("@")[0]) > 3:
        return _("The password must not contain your e-mail address.")
    if len(set(password)) < 4:
        return _("Use more different characters.")
    return None


def create_user(email, name, roles, school=None, password=None, created_by=None):
    """Create an account; without a password it can only be opened through an invitation link."""
    email = normalise_email(email)
    if find_user(email) is not None:
        raise AccountError(f"An account with the e-mail {email} exists already.")
    user = User(email=email, name=name.strip(), school=school)
    for role in roles:
        user.grant(Role(role))
    if password:
        user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("account-created", f"user:{user.id}", actor=created_by, roles=sorted(r.value for r in user.roles))
    return user


def issue_link(user, purpose, created_by=None):
    """Make a one-time link for user and return its token; older unused links of the same kind stop working."""
    now = utcnow()
    for link in db.session.scalars(select(AccessLink).where(
            AccessLink.user_id == user.id, AccessLink.purpose == purpose, AccessLink.used_at.is_(None))):
        link.used_at = now
    token = secrets.token_urlsafe(32)
    lifetime = (timedelta(days=current_app.config["INVITATION_DAYS"]) if purpose == INVITE
                else timedelta(hours=current_app.config["RESET_HOURS"]))
    db.session.add(AccessLink(user_id=user.id, purpose=purpose, token_hash=token_hash(token),
                              expires_at=now + lifetime, created_by_id=created_by.id if created_by else None))
    audit.record("invitation" if purpose == INVITE else "reset-link", f"user:{user.id}", actor=created_by)
    return token


def token_hash(token):
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def open_link(token):
    """Return the unused, unexpired link for token, or None."""
    if not token or len(token) > 100:
        return None
    link = db.session.scalar(select(AccessLink).where(AccessLink.token_hash == token_hash(token)))
    if link is None or link.used_at is not None or link.expires_at <= utcnow() or not link.user.active:
        return None
    return link


def use_link(link, password):
    """Set the password through a link, once: a second use of the same link finds it used."""
    claimed = db.session.execute(
        AccessLink.__table__.update()
        .where(AccessLink.id == link.id, AccessLink.used_at.is_(None))
        .values(used_at=utcnow())
    ).rowcount
    if claimed != 1:
        raise AccountError("This link has been used already.")
    link.user.set_password(password)
    audit.record("password-set", f"user:{link.user_id}", actor=link.user, via=link.purpose)
    return link.user


def set_roles(user, roles, changed_by=None):
    before = sorted(r.value for r in user.roles)
    for role in list(user.roles):
        if role.value not in roles:
            user.revoke(role)
    for role in roles:
        user.grant(Role(role))
    after = sorted(r.value for r in user.roles)
    if before != after:
        audit.record("roles-changed", f"user:{user.id}", actor=changed_by, before=before, after=after)


def deactivate(user, changed_by=None):
    if user.active:
        user.active = False
        for link in db.session.scalars(select(AccessLink).where(AccessLink.user_id == user.id,
                                                                 AccessLink.used_at.is_(None))):
            link.used_at = utcnow()
        audit.record("account-deactivated", f"user:{user.id}", actor=changed_by)
