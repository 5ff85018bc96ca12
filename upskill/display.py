"""Small formatting helpers for templates."""
from datetime import datetime, timezone

import segno
from flask_babel import format_date, format_datetime, format_decimal, format_percent
from flask_babel import gettext as _
from markupsafe import Markup


def datestamp(timestamp):
    """Format a POSIX timestamp as a date in the reader's language, such as 3 Dec 2026."""
    return format_date(datetime.fromtimestamp(timestamp, timezone.utc), "medium")


def number(value):
    """Format a number the reader's way: 1,410 in English, 1 410 in Lithuanian."""
    return format_decimal(value)


def one_decimal(value):
    """Format a mean with one decimal the reader's way: 4.0 in English, 4,0 in Lithuanian."""
    return format_decimal(value, "0.0")


def percent(share):
    """Format a share such as 0.45 as a whole percentage the reader's way: 45% in English, 45 % in French."""
    return format_percent(share)


def megabytes(size):
    """Format a size in bytes as megabytes with one decimal the reader's way: 2.3 MB, 2,3 MB."""
    return _("%(size)s MB", size=format_decimal(size / 1_000_000, format="#,##0.0"))


def duration(minutes):
    """Format minutes as '45 min', '2 h' or '1 h 30 min'."""
    if not isinstance(minutes, int):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(m)d min", m=rest)
    if not rest:
        return _("%(h)d h", h=hours)
    return _("%(h)d h %(m)d min", h=hours, m=rest)


def role_names(roles):
    """Name roles (Role members) in the reader's language, in a fixed order."""
    names = {
        "student": _("Student"), "teacher": _("Teacher"), "company_trainer": _("Company trainer"),
        "coordinator": _("Coordinator"), "admin": _("Administrator"),
    }
    return [names[role] for role in names if role in {r.value for r in roles}]


def moment(value):
    """Format a timezone-aware datetime as date and time in the reader's language."""
    return format_datetime(value, "medium") if value else ""


def qr_code(url, label):
    """An inline SVG QR code of url, for a phone's camera; label is its accessible name."""
    svg = segno.make(url, error="m").svg_inline(scale=3, title=label, svgclass="qr-code")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def day(value):
    """Format a date in the reader's language, such as 1 Sept 2026."""
    return format_date(value, "medium") if value else ""


def action_name(action):
    """The name of an audit log action in the reader's language (the stored code if it is unknown)."""
    return {
        "sign-in": _("Signed in"), "sign-in-failed": _("Sign-in failed"),
        "sign-in-throttled": _("Sign-in held back after too many attempts"), "sign-out": _("Signed out"),
        "account-created": _("Account created"), "account-deactivated": _("Account deactivated"),
        "roles-changed": _("Roles changed"), "invitation": _("Invitation link made"),
        "reset-link": _("Password link made"), "password-set": _("Password set with a link"),
        "password-changed": _("Password changed"), "enrolled": _("Enrolled in a class"),
        "graded": _("Work assessed"), "company-confirmed": _("Company part confirmed"),
        "export": _("Class data exported"), "data-exported": _("Own data downloaded"), "erased": _("Data erased"),
        "pilot-report-submitted": _("Pilot report submitted"), "suggestion-created": _("Suggestion made"),
        "suggestion-triaged": _("Suggestion decided"),
    }.get(action, action)


def state_name(state):
    """The name of a work state in the reader's language."""
    return {"draft": _("Draft"), "submitted": _("Handed in"), "returned": _("Returned for revision"),
            "accepted": _("Accepted"), "not-started": _("Not started")}.get(state, state)


def suggestion_kind_name(kind):
    """The name of a kind of suggestion in the reader's language."""
    return {"error": _("Error"), "unclear": _("Unclear"), "missing": _("Something missing"),
            "too_difficult": _("Too difficult"), "too_easy": _("Too easy"), "translation": _("Translation"),
            "other": _("Other")}.get(getattr(kind, "value", kind), kind)


def suggestion_status_name(status):
    """The name of a suggestion's status in the reader's language."""
    return {"new": _("New"), "accepted": _("Accepted"), "rejected": _("Rejected"), "duplicate": _("Duplicate"),
            "applied": _("Applied")}.get(getattr(status, "value", status), status)
