"""Access rules: every view declares who may open it, and the app refuses to start otherwise."""
from functools import wraps

from flask import abort
from flask_login import current_user

PUBLIC = "public"


def public(view):
    """Mark a view as open to everyone, signed in or not."""
    view.access_rule = PUBLIC
    return view


def signed_in(view):
    """Let any signed-in user open the view; others get 401 (a page that offers to sign in)."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if not current_user.is_authenticated:
            abort(401)
        return view(*args, **kwargs)

    guarded.access_rule = "signed-in"
    return guarded


def roles_required(*roles):
    """Let only signed-in users holding one of these roles open the view."""

    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        guarded.access_rule = "roles:" + ",".join(roles)
        return guarded

    return decorate


def rule_of(view):
    """Return the access rule a view declared, or None."""
    return getattr(view, "access_rule", None)


def require_rules(app):
    """Raise if any route of the app has no explicit access rule."""
    missing = [
        endpoint
        for endpoint, view in app.view_functions.items()
        if endpoint != "static" and rule_of(view) is None
    ]
    if missing:
        raise RuntimeError("routes without an access rule: " + ", ".join(sorted(missing)))
