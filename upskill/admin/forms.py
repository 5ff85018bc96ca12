"""Forms of the account administration."""
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from upskill.auth.emails import EmailAddress
from upskill.forms import Form
from upskill.models import Role

ROLE_LABELS = {
    "student": _l("Student"), "teacher": _l("Teacher"), "company_trainer": _l("Company trainer"),
    "coordinator": _l("Coordinator"), "admin": _l("Administrator"),
}


class RoleChoices(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def role_field():
    return RoleChoices(_l("Roles"), validators=[DataRequired(_l("Choose at least one role."))])


class WithRoles(Form):
    """A form with the role check boxes (choices set per form, as WTForms 3.3 wants them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles.choices = [(r.value, ROLE_LABELS[r.value]) for r in Role]


class NewAccountForm(WithRoles):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter the person's name.")), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Enter an e-mail address.")), Length(max=254),
                                                  EmailAddress()])
    roles = role_field()
    school = SelectField(_l("School or company"), coerce=str, validate_choice=True)


class RolesForm(WithRoles):
    roles = role_field()
