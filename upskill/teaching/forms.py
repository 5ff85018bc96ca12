"""Forms of the teachers' side; every field bounded, choices set per request."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, EmailField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from upskill.auth.emails import EmailAddress
from upskill.forms import Form


class CheckboxChoices(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ClassForm(Form):
    name = StringField(_l("Name of the class"), validators=[DataRequired(_l("Give the class a name.")), Length(max=120)])
    school = SelectField(_l("School"), validate_choice=True)
    starts_on = DateField(_l("First day"), validators=[DataRequired(_l("Give the first day as a date."))])
    ends_on = DateField(_l("Last day"), validators=[DataRequired(_l("Give the last day as a date."))])
    modules = CheckboxChoices(_l("Modules the class follows"), validators=[DataRequired(_l("Choose at least one module."))])

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day comes before the first day."))


class StudentForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter the student's name.")), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Enter the student's e-mail address.")),
                                                  Length(max=254), EmailAddress()])
    student_number = StringField(_l("Student number (optional)"), validators=[Optional(), Length(max=40)])


class RosterUploadForm(Form):
    roster = FileField(_l("Class list (CSV)"), validators=[FileRequired(_l("Choose the CSV file of the class list."))])


class TeacherForm(Form):
    email = EmailField(_l("E-mail of the other teacher"), validators=[DataRequired(_l("Enter an e-mail address.")),
                                                                      Length(max=254), EmailAddress()])


class PlacementForm(Form):
    company = SelectField(_l("Company"), validate_choice=True)
    trainer = SelectField(_l("Company trainer"), validate_choice=True)
    starts_on = DateField(_l("From"), validators=[Optional()])
    ends_on = DateField(_l("Until"), validators=[Optional()])
