"""A signed-in student's quiz attempts, kept for their best score (the quiz view commits)."""
from upskill.extensions import db
from upskill.learning import stamps
from upskill.models import QuizAttempt


def record_attempt(student_id, code, score, total, answers):
    db.session.add(QuizAttempt(student_id=student_id, item_code=code, score=score, total=total,
                               answers={qid: sorted(chosen) for qid, chosen in answers.items()}))
    stamps.touch(student_id)
