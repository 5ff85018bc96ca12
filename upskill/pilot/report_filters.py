"""The report list's filters, sent as GET parameters: only the periods, schools and modules offered are taken."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField

from upskill.forms import Form
from upskill.models import ReportState
from upskill.pilot.report_list import ReportFilters

ANY = ""


class ReportFilterForm(Form):
    """Choices are filled in by the view from what the reader may see; anything else is refused with a message."""

    class Meta:
        csrf = False  # a search changes nothing

    period = SelectField(_l("Pilot period"), default=ANY)
    school = SelectField(_l("School"), default=ANY)
    module = SelectField(_l("Module"), default=ANY)
    state = SelectField(_l("State"), default=ANY)
    every_version = BooleanField(_l("Include earlier versions"))

    def offer(self, periods, schools, modules, lang):
        """Offer the reader's periods, schools and modules, each with "any" first.

        A module's title not translated into lang yet is marked as being in its own language.
        """
        everything = (ANY, _l("All"))
        self.period.choices = [everything, *((str(p.id), p.name) for p in periods)]
        self.school.choices = [everything, *((str(s.id), s.name) for s in schools)]
        self.module.choices = [everything, *((m.code, f"{m.code} · {m.title}",
                                              {"lang": m.lang} if m.lang != lang else {}) for m in modules)]
        self.state.choices = [everything, (ReportState.draft.value, _l("Draft")),
                              (ReportState.submitted.value, _l("Submitted"))]

    def filters(self):
        """The validated choices as filters for upskill.pilot.report_list."""
        def chosen(field, convert):
            return convert(field.data) if field.data not in (None, ANY) else None
        return ReportFilters(period_id=chosen(self.period, int), school_id=chosen(self.school, int),
                             module_code=chosen(self.module, str), state=chosen(self.state, ReportState),
                             every_version=bool(self.every_version.data))
