"""How much a quiz's form gives away: is the right option the longest (or the shortest), and
where does it stand?"""
from dataclasses import dataclass

from upskill.curriculum.shuffle import display_order

LONGEST_SHARE_WARNING = 0.5


@dataclass
class QuizBias:
    """Give-away figures for the single-answer questions of one or more quizzes."""

    questions: int = 0
    correct_is_longest: int = 0
    correct_is_shortest: int = 0
    positions: dict = None  # displayed position (1-based) -> questions whose right option stands there

    def __post_init__(self):
        self.positions = self.positions or {}

    def add(self, quiz_code, question):
        """Count one question, if it is a well-formed single-answer question."""
        options = question.get("options")
        if question.get("multiple") or not isinstance(options, list) or len(options) < 2:
            return
        correct = [i for i, option in enumerate(options) if isinstance(option, dict) and option.get("correct")]
        if len(correct) != 1:
            return
        right = correct[0]
        lengths = [len(str(option.get("text", ""))) if isinstance(option, dict) else 0 for option in options]
        self.questions += 1
        # A tie for longest (or shortest) still gives the answer away to a guesser, so it counts.
        others = [length for i, length in enumerate(lengths) if i != right]
        self.correct_is_longest += lengths[right] >= max(others)
        self.correct_is_shortest += lengths[right] <= min(others)
        order = display_order(quiz_code, str(question.get("id", "")), len(options))
        position = order.index(right) + 1
        self.positions[position] = self.positions.get(position, 0) + 1

    @property
    def longest_share(self):
        return self.correct_is_longest / self.questions if self.questions else 0.0

    @property
    def shortest_share(self):
        return self.correct_is_shortest / self.questions if self.questions else 0.0

    def as_dict(self):
        """Return the figures as a JSON-ready dict."""
        total = self.questions or 1
        return {
            "single_answer_questions": self.questions,
            "correct_is_longest": self.correct_is_longest,
            "correct_is_longest_share": round(self.longest_share, 3),
            "correct_is_shortest": self.correct_is_shortest,
            "correct_is_shortest_share": round(self.shortest_share, 3),
            "position_share": {str(p): round(n / total, 3) for p, n in sorted(self.positions.items())},
        }


def quiz_bias(curriculum):
    """Return the give-away figures for the whole curriculum and per module (English master)."""
    overall, by_module = QuizBias(), {}
    for module in curriculum.modules:
        quiz = module.items.get("Q")
        doc = quiz.student.get("en") if quiz else None
        if doc is None or not isinstance(doc.meta.get("questions"), list):
            continue
        bias = by_module[module.code] = QuizBias()
        for question in doc.meta["questions"]:
            if isinstance(question, dict):
                bias.add(quiz.code, question)
                overall.add(quiz.code, question)
    result = overall.as_dict()
    result["by_module"] = {code: bias.as_dict() for code, bias in by_module.items()}
    return result
