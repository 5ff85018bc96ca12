"""Forms of the suggestion board: its filters (a GET form) and a coordinator's triage of one suggestion."""
import re

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from upskill.forms import Form
from upskill.pilot.forms import MAX_SUGGESTION

MAX_SEARCH = 60
REVISION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,19}")


class BoardFilterForm(Form):
    """The board's filters, read from the address; the choices are set by the view."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), validate_choice=True, default="")
    kind = SelectField(_l("Kind"), validate_choice=True, default="")
    module = SelectField(_l("Module"), validate_choice=True, default="")
    school = SelectField(_l("School"), validate_choice=True, default="")
    language = SelectField(_l("Language it concerns"), validate_choice=True, default="")
    period = SelectField(_l("Pilot period"), validate_choice=True, default="")
    q = StringField(_l("Code or item"), validators=[Optional(), Length(max=MAX_SEARCH)])


class TriageForm(Form):
    """What a coordinator decides about a suggestion, sent with the status they saw when deciding."""

    status = SelectField(_l("New status"), validate_choice=True)
    reason = TextAreaField(_l("Reason or note"), validators=[Length(max=MAX_SUGGESTION)])
    duplicate_of = StringField(_l("Duplicate of (suggestion code)"), validators=[Length(max=16)])
    revision = StringField(_l("Applied in revision"), validators=[Length(max=20)])
    seen_status = HiddenField(validators=[DataRequired()])

    def validate_reason(self, field):
        field.data = (field.data or "").strip()
        if self.status.data == "rejected" and not field.data:
            raise ValidationError(_l("Say why the suggestion is rejected."))

    def validate_duplicate_of(self, field):
        field.data = (field.data or "").strip().upper()
        if self.status.data == "duplicate" and not field.data:
            raise ValidationError(_l("Give the code of the suggestion this one repeats, for example S-2020-017."))

    def validate_revision(self, field):
        field.data = (field.data or "").strip()
        if self.status.data != "applied":
            return
        if not field.data:
            raise ValidationError(_l("Give the revision that applied it, for example 1.1."))
        if not REVISION.fullmatch(field.data):
            raise ValidationError(_l("A revision is named with letters, digits and dots, for example 1.1."))

    def validate_seen_status(self, field):
        if field.data not in {choice[0] for choice in self.status.choices}:
            raise ValidationError(_l("Choose one of the options offered."))
