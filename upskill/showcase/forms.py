"""Forms of the showcase: the student's consent, the teacher's choice, a comment, a moderation; every field bounded."""
import unicodedata

from flask import abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from upskill.forms import Form

PSEUDONYM_MAX = 40
COMMENT_MAX = 1000
KEY_PATTERN = r"^[A-Za-z0-9_-]{20,64}$"


def no_control_characters(form, field):
    """Refuse text with control characters (line breaks and tabs are allowed in a comment)."""
    allowed = "\n\r\t" if isinstance(field, TextAreaField) else ""
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in allowed for ch in field.data or ""):
        raise ValidationError(_l("Remove the control characters from the text."))


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class ConsentForm(Form):
    show = RadioField(_l("Show this work in the pilot showcase?"), choices=[
        SelectChoice("yes", _l("Yes, show it to the students and teachers of the pilot schools")),
        SelectChoice("no", _l("No (if it is shown now, it is taken out at once)"))], default="no")
    shown_name = RadioField(_l("Name me by"), choices=[
        SelectChoice("first_name", _l("My first name")), SelectChoice("pseudonym", _l("A pseudonym"))],
        default="first_name")
    pseudonym = StringField(_l("Pseudonym"), filters=[_stripped],
                            validators=[Length(max=PSEUDONYM_MAX), no_control_characters])
    public = BooleanField(_l("Visitors who are not signed in may see it too, if my teacher agrees"))

    def validate_pseudonym(self, field):
        if self.show.data == "yes" and self.shown_name.data == "pseudonym" and not field.data:
            raise ValidationError(_l("Give a pseudonym of 1 to %(max)d characters.", max=PSEUDONYM_MAX))


class ItemForm(Form):
    public = BooleanField(_l("Visitors who are not signed in may see it too, if the student agrees"))


class CommentForm(Form):
    text = TextAreaField(_l("Your comment"), filters=[_stripped], validators=[
        DataRequired(_l("Write a comment of 1 to %(max)d characters.", max=COMMENT_MAX)),
        Length(max=COMMENT_MAX), no_control_characters])
    submission_key = HiddenField(validators=[
        Regexp(KEY_PATTERN, message=_l("The form is incomplete. Reload the page and try again."))])


class ModerationForm(Form):
    decision = RadioField(_l("Decision"),
                          choices=[SelectChoice("approve", _l("Approve")), SelectChoice("reject", _l("Reject"))],
                          validators=[DataRequired(_l("Choose to approve or to reject the comment."))])


def refuse(status, form=None, message=None):
    """End the request with the status and the first problem of the form (nothing is changed)."""
    if form is not None and form.errors:
        message = next(iter(form.errors.values()))[0]
    abort(status, description=str(message) if message else _("The form is incomplete. Reload the page and try again."))
