"""What counts as an e-mail address here: something a mail server would deliver, without exotic forms."""
import re

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}")
DOMAIN_LABEL = re.compile(r"(?!-)[A-Za-z0-9\u00C0-\uFFFF-]{1,63}(?<!-)")


def is_email(text):
    """Tell whether text is a plain e-mail address: local@domain.tld, at most 254 characters."""
    if not isinstance(text, str) or len(text) > 254 or text.count("@") != 1:
        return False
    local, domain = text.split("@")
    if not LOCAL.fullmatch(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    return len(labels) >= 2 and all(DOMAIN_LABEL.fullmatch(label) for label in labels) and not labels[-1].isdigit()


class EmailAddress:
    """A WTForms validator using is_email."""

    def __init__(self, message=None):
        self.message = message or _l("This is not an e-mail address.")

    def __call__(self, form, field):
        if field.data and not is_email(field.data.strip()):
            raise ValidationError(self.message)
