"""The survey's results: answers counted per school and module (or per module), shown only for groups of five or more.

Each function costs the same few queries whatever the number of answers: the answers are counted
by the database (GROUP BY every rating), never loaded one by one. A group with fewer answers than
SMALLEST_GROUP shows how many answered and nothing else: no averages, no distribution, no comments.
"""
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from upskill.extensions import db
from upskill.models import SMALLEST_GROUP, SURVEY_QUESTIONS, PilotPeriod, SurveyAnswer

RATINGS = range(1, 6)


@dataclass(frozen=True)
class SurveyResult:
    school_id: int | None      # None in module_totals
    module_code: str
    answers: int               # how many answered (always shown)
    averages: dict | None      # question -> mean rounded to 1 decimal; None when answers < SMALLEST_GROUP
    distribution: dict | None  # question -> [count of 1, of 2, of 3, of 4, of 5]; None when suppressed


def survey_results(period_id, school_ids=None, module_codes=None):
    """Results per school and module: every school (not company) and module of the period, answered or not."""
    return _results(period_id, school_ids, module_codes, by_school=True)


def module_totals(period_id, school_ids=None, module_codes=None):
    """Results per module of the period, the schools' answers together."""
    return _results(period_id, school_ids, module_codes, by_school=False)


def survey_comments(period_id, school_id, module_code):
    """The comments of one school's answers on one module, in alphabetical order; [] for a group under five."""
    return comments_by_group(period_id, [school_id], [module_code]).get((school_id, module_code), [])


def comments_by_group(period_id, school_ids=None, module_codes=None):
    """{(school id, module code): comments in alphabetical order} of the groups of five or more (one query)."""
    query = _answers_of(select(SurveyAnswer.school_id, SurveyAnswer.module_code, SurveyAnswer.comment),
                        period_id, school_ids, module_codes)
    answers, comments = defaultdict(int), defaultdict(list)
    for school_id, module_code, comment in db.session.execute(query):
        answers[school_id, module_code] += 1
        if comment and comment.strip():
            comments[school_id, module_code].append(comment.strip())
    # Sorted, so that nothing of the order in which they were stored (or typed) shows.
    return {group: sorted(texts, key=lambda text: (text.casefold(), text))
            for group, texts in comments.items() if answers[group] >= SMALLEST_GROUP}


def _results(period_id, school_ids, module_codes, by_school):
    period = db.session.get(PilotPeriod, period_id)
    if period is None:
        return []
    keys = (SurveyAnswer.school_id, SurveyAnswer.module_code) if by_school else (SurveyAnswer.module_code,)
    ratings = [getattr(SurveyAnswer, question) for question in SURVEY_QUESTIONS]
    query = _answers_of(select(*keys, *ratings, func.count()), period_id, school_ids, module_codes) \
        .group_by(*keys, *ratings)
    counts = defaultdict(lambda: {question: [0] * len(RATINGS) for question in SURVEY_QUESTIONS})
    for row in db.session.execute(query):
        group, given, how_many = tuple(row[:len(keys)]), row[len(keys):-1], row[-1]
        for question, rating in zip(SURVEY_QUESTIONS, given):
            if rating in RATINGS:
                counts[group][question][rating - 1] += how_many
    groups = sorted(set(counts) | set(_every_group(period, school_ids, module_codes, by_school)),
                    key=lambda group: _in_order(period, group))
    return [_result(group, counts.get(group), by_school) for group in groups]


def _answers_of(query, period_id, school_ids, module_codes):
    query = query.where(SurveyAnswer.period_id == period_id)
    if school_ids is not None:
        query = query.where(SurveyAnswer.school_id.in_(list(school_ids)))
    if module_codes is not None:
        query = query.where(SurveyAnswer.module_code.in_(list(module_codes)))
    return query


def _every_group(period, school_ids, module_codes, by_school):
    """The groups the period asks about, so that a module nobody answered yet shows 0."""
    codes = [code for code in period.modules if module_codes is None or code in module_codes]
    if not by_school:
        return [(code,) for code in codes]
    schools = [school.id for school in period.schools if school.kind != "company"
               and (school_ids is None or school.id in school_ids)]
    return [(school_id, code) for school_id in schools for code in codes]


def _in_order(period, group):
    """Schools by id, then modules in the period's order (any other module after them)."""
    code = group[-1]
    position = period.modules.index(code) if code in period.modules else len(period.modules)
    return (*group[:-1], position, code)


def _result(group, counts, by_school):
    school_id, module_code = group if by_school else (None, group[0])
    answers = sum(counts[SURVEY_QUESTIONS[0]]) if counts else 0
    if answers < SMALLEST_GROUP:
        return SurveyResult(school_id, module_code, answers, None, None)
    averages = {question: _mean(counts[question]) for question in SURVEY_QUESTIONS}
    return SurveyResult(school_id, module_code, answers, averages, {q: list(counts[q]) for q in SURVEY_QUESTIONS})


def _mean(distribution):
    """The mean rating, rounded half up to one decimal (3.25 is 3.3, as a reader would round it)."""
    total = sum(rating * count for rating, count in zip(RATINGS, distribution))
    mean = Decimal(total) / Decimal(sum(distribution))
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
