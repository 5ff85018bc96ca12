"""The handout form: modules, language, and the class or school for the cover."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from upskill.export.books import FOR_WHOM_LIMIT
from upskill.forms import Form


class HandoutForm(Form):
    """What a teacher picks for a class handout."""

    modules = SelectMultipleField(_l("Modules"), widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
                                  validators=[DataRequired(message=_l("Choose at least one module."))])
    lang = SelectField(_l("Language"))
    for_whom = StringField(_l("Class or school, for the cover"), validators=[
        DataRequired(message=_l("Say who the handout is for, for example “Class 2B, Alytus VTC”.")),
        Length(max=FOR_WHOM_LIMIT, message=_l("At most %(max)d characters.", max=FOR_WHOM_LIMIT)),
    ])

    def validate_for_whom(self, field):
        if any(not character.isprintable() for character in field.data or ""):
            raise ValidationError(_l("Use letters, digits and punctuation only."))
