"""Forms of the pilot: a pilot period, a report's entry per module, a suggestion; every field bounded."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField, FieldList, FormField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from upskill.forms import Form
from upskill.pilot.item_codes import MAX_CODE, item_code_exists
from upskill.pilot.report_fields import HOURS, MAX_HOURS, MAX_STUDENTS, MAX_TEXT, RATINGS, STUDENTS, TEXTS
from upskill.teaching.forms import CheckboxChoices

MAX_SUGGESTION = 2000
RATING_CHOICES = [SelectChoice("", "–")] + [SelectChoice(str(n)) for n in range(1, 6)]


class PeriodForm(Form):
    name = StringField(_l("Name of the pilot period"),
                       validators=[DataRequired(_l("Give the pilot period a name.")), Length(max=120)])
    starts_on = DateField(_l("First day"), validators=[DataRequired(_l("Give the first day as a date."))])
    ends_on = DateField(_l("Last day"), validators=[DataRequired(_l("Give the last day as a date."))])
    schools = CheckboxChoices(_l("Participating schools and companies"),
                              validators=[DataRequired(_l("Choose at least one school."))])
    modules = CheckboxChoices(_l("Modules to pilot"), validators=[DataRequired(_l("Choose at least one module."))])
    languages = CheckboxChoices(_l("Languages"), validators=[DataRequired(_l("Choose at least one language."))])

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day comes before the first day."))


def _number_field(label, maximum, message):
    return IntegerField(label, validators=[Optional(), NumberRange(min=0, max=maximum, message=message)])


class ModuleEntryForm(Form):
    """One module's part of a report (inside the report's form, which carries the CSRF token)."""

    class Meta:
        csrf = False

    code = HiddenField(validators=[InputRequired(), Length(max=20)])
    def validate_completed(self, field):
        if field.data is not None and self.started.data is not None and field.data > self.started.data:
            raise ValidationError(_l("More students completed than started."))

    def entry(self):
        """The module's entry as the report stores it."""
        numbers = {name: self[name].data for name in (*HOURS, *STUDENTS)}
        ratings = {name: int(self[name].data) if self[name].data else None for name in RATINGS}
        texts = {name: (self[name].data or "").strip() for name in TEXTS}
        return {**numbers, **ratings, **texts}


def _add_entry_fields(form_class):
    """Give the entry form a field per number, rating and text of report_fields (one list of them, kept there)."""
    for name, label in HOURS.items():
        setattr(form_class, name, _number_field(label, MAX_HOURS, _l("Give the hours as a number from 0 to %(max)s.")))
    for name, label in STUDENTS.items():
        setattr(form_class, name, _number_field(label, MAX_STUDENTS,
                                                _l("Give a number of students from 0 to %(max)s.")))
    for name, label in RATINGS.items():
        setattr(form_class, name, SelectField(label, choices=RATING_CHOICES, default="", validate_choice=True))
    for name, label in TEXTS.items():
        setattr(form_class, name, TextAreaField(label, validators=[Length(max=MAX_TEXT)]))


_add_entry_fields(ModuleEntryForm)


class ReportForm(Form):
    revision = IntegerField(validators=[InputRequired()])
    modules = FieldList(FormField(ModuleEntryForm), max_entries=20)

    def check_modules(self, codes):
        """Refuse entries for modules the report does not cover; tell whether every module is there once."""
        sent = [entry.form.code.data for entry in self.modules]
        for entry in self.modules:
            if entry.form.code.data not in codes:
                # gettext, not _l: a lazy string passes as safe markup, and the code is what was sent
                entry.form.code.errors.append(_("This report does not cover module %(code)s.",
                                                code=(entry.form.code.data or "")[:20]))
        return sorted(sent) == sorted(codes)

    def entries(self):
        return {entry.form.code.data: entry.form.entry() for entry in self.modules}


class RevisionForm(Form):
    """A button that acts on a report as the writer saw it (submit, correct)."""

    revision = IntegerField(validators=[InputRequired()])


class SuggestionForm(Form):
    item_code = StringField(_l("Item code"), validators=[DataRequired(_l("Give the code of the item.")),
                                                         Length(max=MAX_CODE)])
    kind = SelectField(_l("Kind"), validate_choice=True)
    text = TextAreaField(_l("What is wrong or missing"),
                         validators=[DataRequired(_l("Say what the suggestion is about.")), Length(max=MAX_SUGGESTION)])
    proposed_change = TextAreaField(_l("Proposed change (optional)"), validators=[Length(max=MAX_SUGGESTION)])
    language = SelectField(_l("Language it concerns"), validate_choice=True)
    report = HiddenField(validators=[Optional(), Length(max=12)])
    submission_key = HiddenField(validators=[DataRequired(), Length(min=16, max=64)])

    def validate_item_code(self, field):
        field.data = (field.data or "").strip()
        if not item_code_exists(field.data):
            # gettext, not _l: a lazy string passes as safe markup, and the code is what was typed
            raise ValidationError(_("No item of the curriculum has the code %(code)s. Codes look like M04.L1, "
                                    "M04.Q.q2, M04.L1.figure:machine-units or glossary:hopper.",
                                    code=field.data[:MAX_CODE]))
