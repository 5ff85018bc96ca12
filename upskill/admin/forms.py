"""Forms of the account administration."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget

from upskill.models import Role

ROLE_LABELS = {
    "student": _l("Student"), "teacher": _l("Teacher"), "company_trainer": _l("Company trainer"),
    "coordinator": _l("Coordinator"), "admin": _l("Administrator"),
}


class RoleChoices(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def role_field():
    return RoleChoices(_l("Roles"), choices=[(r.value, ROLE_LABELS[r.value]) for r in Role],
                       validators=[DataRequired(_l("Choose at least one role."))])


class NewAccountForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter the person's name.")), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Enter an e-mail address.")), Length(max=254),
                                                  Email(_l("This is not an e-mail address."))])
    roles = role_field()
    school = SelectField(_l("School or company"), coerce=str, validate_choice=True)


class RolesForm(FlaskForm):
    roles = role_field()
