"""The survey's form: the four questions, each rated 1 to 5, and a comment; the questions' words."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from upskill.forms import Form
from upskill.models import SURVEY_QUESTIONS

MAX_COMMENT = 2000
QUESTIONS = {
    "interest": _l("Was the module interesting?"),
    "clarity": _l("Were the lessons and materials clear?"),
    "practice": _l("Did the practical tasks help you learn?"),
    "time": _l("Was there enough time for the module?"),
}
SCALE = {1: _l("1 – not at all"), 2: "2", 3: "3", 4: "4", 5: _l("5 – very much")}


class SurveyForm(Form):
    comment = TextAreaField(_l("Comment (optional)"), validators=[Length(max=MAX_COMMENT)])

    def ratings(self):
        """The four ratings as whole numbers, once the form is valid."""
        return {question: int(self[question].data) for question in SURVEY_QUESTIONS}


for _question in SURVEY_QUESTIONS:
    setattr(SurveyForm, _question, RadioField(
        QUESTIONS[_question], choices=[SelectChoice(str(n), label) for n, label in SCALE.items()], validate_choice=True,
        validators=[InputRequired(_l("Choose a rating from 1 to 5."))]))
