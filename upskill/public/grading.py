"""Grading a self-check quiz: read the submitted answers, mark them, explain each choice."""
import re
from dataclasses import dataclass, field

from flask_babel import gettext as _

# An option's place in its question: ASCII digits only (str.isdigit() also takes '²' and '①'), and short.
OPTION_INDEX = re.compile(r"[0-9]{1,3}")


class BadAnswer(ValueError):
    """A submitted answer that no option of the quiz can produce."""


@dataclass
class QuestionResult:
    """How one question was answered."""

    chosen: set = field(default_factory=set)
    correct: bool = False

    @property
    def answered(self):
        return bool(self.chosen)


def read_answers(questions, form):
    """Return {question id: set of option indexes} from a submitted form; raise BadAnswer."""
    known = {f"q-{q['id']}" for q in questions}
    unknown = [name for name in form if name.startswith("q-") and name not in known]
    if unknown:
        raise BadAnswer(_("The quiz has no question '%(id)s'.", id=unknown[0][2:][:40]))
    answers = {}
    for question in questions:
        values = form.getlist(f"q-{question['id']}")
        if len(values) > 1 and not question["multiple"]:
            raise BadAnswer(_("Only one answer can be chosen for this question."))
        chosen = set()
        for value in values:
            if not OPTION_INDEX.fullmatch(value) or int(value) >= len(question["options"]):
                raise BadAnswer(_("'%(answer)s' is not one of the answers to this question.", answer=value[:20]))
            chosen.add(int(value))
        answers[question["id"]] = chosen
    return answers


def grade(questions, answers):
    """Return {question id: QuestionResult} and the number of questions answered right."""
    results, score = {}, 0
    for question in questions:
        chosen = answers.get(question["id"], set())
        right = {i for i, option in enumerate(question["options"]) if option["correct"]}
        result = QuestionResult(chosen=chosen, correct=bool(chosen) and chosen == right)
        results[question["id"]] = result
        score += result.correct
    return results, score
