"""The dashboard's sections: each a chart of some figures and the table of the same numbers, in words."""
from dataclasses import dataclass, field

from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _
from flask_babel import ngettext

from upskill.display import suggestion_kind_name, suggestion_status_name
from upskill.models import SMALLEST_GROUP, SURVEY_QUESTIONS, SuggestionKind, SuggestionStatus
from upskill.pilot.charts import bar_chart
from upskill.pilot.report_fields import RATINGS


@dataclass(frozen=True)
class Table:
    """A table with a caption, column headings and rows, each row headed by its first cell."""

    caption: str
    columns: list
    rows: list  # [(row heading, [cell, ...])]


@dataclass(frozen=True)
class Section:
    """A heading, its charts (maybe none) and the table with their numbers."""

    heading: str
    table: Table
    charts: list = field(default_factory=list)


def question_names():
    """The survey's questions as the reader reads them."""
    return {"interest": _("Interest"), "clarity": _("Clarity"), "practice": _("Practice"), "time": _("Time")}


def rating_short_names():
    """The report's ratings in a word or two, to stand beside a chart's bars (the tables name them in full)."""
    return {"relevance": _("Relevance"), "student_text": _("Student text"), "teacher_notes": _("Teacher's notes"),
            "difficulty": _("Difficulty"), "time": _("Time"), "placement": _("Placement")}


def dashboard_sections(figures, modules):
    """Every section of the dashboard of a period's figures, for modules (their codes, in order)."""
    return [*_completion(figures, modules), *_ratings(figures, modules), *_survey(figures, modules),
            *_suggestions(figures)]


def _decimal(value):
    return "–" if value is None else format_decimal(value, format="0.0")


def _share(completion):
    return "–" if completion.share is None else format_percent(completion.share)


def _completed_of_started(completion):
    if completion is None:
        return "–"
    return _("%(completed)s of %(started)s (%(share)s)", completed=format_decimal(completion.completed),
             started=format_decimal(completion.started), share=_share(completion))


def _completion(figures, modules):
    totals = [figures.completion[code] for code in modules]
    chart = bar_chart(
        "chart-completion", _("Students who started and completed each module"),
        _("Stacked bars per module: students who completed it, and those who started but did not complete it."),
        modules, [(_("Completed"), [c.completed for c in totals]),
                  (_("Not completed"), [max(c.started - c.completed, 0) for c in totals])], stacked=True,
        counts=True)
    columns = [_("Module"), _("Started"), _("Completed"), _("Completion")]
    table = Table(_("Participation and completion per module"), columns,
                  [(code, [format_decimal(c.started), format_decimal(c.completed), _share(c)])
                   for code, c in zip(modules, totals)])
    school_table = Table(_("Students who completed each module, of those who started it, per school"),
                         [_("School"), *modules],
                         [(name, [_completed_of_started(figures.completion_by_school.get((school_id, code)))
                                  for code in modules]) for school_id, name in figures.schools.items()])
    return [Section(_("Participation and completion"), table, [chart]),
            Section(_("Completion per school"), school_table)]


def _ratings(figures, modules):
    names = [str(label) for label in RATINGS.values()]
    short = list(rating_short_names().values())
    charts = [bar_chart(f"chart-ratings-{code.lower()}", _("Average ratings of %(module)s", module=code),
                        _("Bars per question of the pilot report, from 1 to 5, averaged over the schools' reports."),
                        short, [(code, [figures.ratings_by_module[code][name] for name in RATINGS])], maximum=5)
              for code in modules if any(v is not None for v in figures.ratings_by_module[code].values())]
    table = Table(_("Average ratings per module (1 to 5)"), [_("Rating"), *modules],
                  [(label, [_decimal(figures.ratings_by_module[code][name]) for code in modules])
                   for name, label in zip(RATINGS, names)])
    school_table = Table(_("Average ratings per school (1 to 5, over its modules)"), [_("School"), *names],
                         [(figures.schools[school_id], [_decimal(figures.ratings_by_school[school_id][name])
                                                        for name in RATINGS])
                          for school_id in figures.schools if school_id in figures.ratings_by_school])
    return [Section(_("Ratings in the pilot reports"), table, charts),
            Section(_("Ratings per school"), school_table)]


def _survey_cells(result):
    if result.averages is None:
        return [format_decimal(result.answers), _("fewer than %(n)d answers", n=SMALLEST_GROUP),
                *[""] * (len(SURVEY_QUESTIONS) - 1)]
    return [format_decimal(result.answers), *[_decimal(result.averages[q]) for q in SURVEY_QUESTIONS]]


def _survey_mean(result):
    if result is None:
        return "–"
    if result.averages is None:
        return _("fewer than %(n)d answers", n=SMALLEST_GROUP)
    mean = sum(result.averages.values()) / len(result.averages)
    return ngettext("%(mean)s (%(num)d answer)", "%(mean)s (%(num)d answers)", result.answers,
                    mean=_decimal(mean))


def _survey(figures, modules):
    questions = question_names()
    columns = [_("Answers"), *[questions[q] for q in SURVEY_QUESTIONS]]
    shown = [r for r in figures.survey_by_module if r.averages is not None]
    charts = [bar_chart(f"chart-survey-{r.module_code.lower()}", _("Students' survey on %(module)s", module=r.module_code),
                        _("Bars per question, from 1 to 5: the mean of %(n)d answers.", n=r.answers),
                        [questions[q] for q in SURVEY_QUESTIONS], [(r.module_code, [r.averages[q] for q in SURVEY_QUESTIONS])],
                        maximum=5) for r in shown]
    table = Table(_("Students' survey per module (1 to 5)"), [_("Module"), *columns],
                  [(r.module_code, _survey_cells(r)) for r in figures.survey_by_module])
    groups = {(r.school_id, r.module_code): r for r in figures.survey_by_school}
    school_table = Table(_("Students' survey per school: the mean of the four questions (1 to 5) and the number of "
                           "answers"), [_("School"), *modules],
                         [(name, [_survey_mean(groups.get((school_id, code))) for code in modules])
                          for school_id, name in figures.schools.items()])
    return [Section(_("Students' survey"), table, charts), Section(_("Survey per school"), school_table)]


def _counted(chart_id, title, heading, counter, names):
    """A chart and table of how many suggestions fall in each group named in names (empty groups left out)."""
    labels = [names[key] for key in names if counter.get(key)]
    values = [counter[key] for key in names if counter.get(key)]
    chart = bar_chart(chart_id, title, _("Bars: the number of suggestions in each group."), labels,
                      [(_("Suggestions"), values)], counts=True) if values else None
    return chart, Table(title, [heading, _("Suggestions")], [(label, [format_decimal(v)]) for label, v
                                                              in zip(labels, values)])


def _suggestions(figures):
    modules = {code: (_("Glossary") if code == "glossary" else code) for code in sorted(figures.suggestions_by_module)}
    parts = [_counted("chart-suggestions-module", _("Suggestions by module"), _("Module"),
                      figures.suggestions_by_module, modules),
             _counted("chart-suggestions-kind", _("Suggestions by kind"), _("Kind"), figures.suggestions_by_kind,
                      {k.value: suggestion_kind_name(k) for k in SuggestionKind}),
             _counted("chart-suggestions-status", _("Suggestions by status"), _("Status"),
                      figures.suggestions_by_status, {s.value: suggestion_status_name(s) for s in SuggestionStatus})]
    return [Section(table.caption, table, [chart] if chart else []) for chart, table in parts]
