"""The students' survey in figures: answers, means and distributions per school and module, small groups hidden."""
from dataclasses import dataclass

from sqlalchemy import case, func, select

from upskill.extensions import db
from upskill.models import SURVEY_QUESTIONS, SurveyAnswer
from upskill.models.survey import SMALLEST_GROUP

SCALE = range(1, 6)


@dataclass(frozen=True)
class SurveyResult:
    """One group's figures; averages and distribution are None when fewer than SMALLEST_GROUP answered."""

    school_id: int | None
    module_code: str
    answers: int
    averages: dict | None
    distribution: dict | None


def survey_results(period_id, school_ids=None, module_codes=None):
    """The figures per school and module, in school and module order."""
    return _results(period_id, school_ids, module_codes, by_school=True)


def module_totals(period_id, school_ids=None, module_codes=None):
    """The figures per module, the schools counted together."""
    return _results(period_id, school_ids, module_codes, by_school=False)


def survey_comments(period_id, school_id, module_code):
    """The group's comments, none when the group is too small to keep them anonymous."""
    found = _where(select(SurveyAnswer.comment), period_id, [school_id], [module_code])
    comments = [text for text in db.session.scalars(found) if text is not None]
    if len(comments) < SMALLEST_GROUP:
        return []
    return sorted(text for text in comments if text.strip())


def _results(period_id, school_ids, module_codes, by_school):
    keys = [SurveyAnswer.school_id, SurveyAnswer.module_code] if by_school else [SurveyAnswer.module_code]
    figures = [func.count()]
    for question in SURVEY_QUESTIONS:
        column = getattr(SurveyAnswer, question)
        figures.append(func.avg(column))
        figures.extend(func.sum(case((column == value, 1), else_=0)) for value in SCALE)
    query = _where(select(*keys, *figures), period_id, school_ids, module_codes).group_by(*keys).order_by(*keys)
    return [_result(row, by_school) for row in db.session.execute(query)]


def _result(row, by_school):
    school_id, module_code, rest = (row[0], row[1], row[2:]) if by_school else (None, row[0], row[1:])
    answers = rest[0]
    if answers < SMALLEST_GROUP:
        return SurveyResult(school_id, module_code, answers, None, None)
    width = 1 + len(SCALE)
    averages, distribution = {}, {}
    for index, question in enumerate(SURVEY_QUESTIONS):
        mean, *counts = rest[1 + index * width:1 + (index + 1) * width]
        averages[question] = round(float(mean), 1)
        distribution[question] = [int(count) for count in counts]
    return SurveyResult(school_id, module_code, answers, averages, distribution)


def _where(query, period_id, school_ids, module_codes):
    query = query.where(SurveyAnswer.period_id == period_id)
    if school_ids is not None:
        query = query.where(SurveyAnswer.school_id.in_(school_ids))
    if module_codes is not None:
        query = query.where(SurveyAnswer.module_code.in_(module_codes))
    return query
