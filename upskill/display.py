"""Small formatting helpers for templates."""
from flask_babel import gettext as _


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
