"""The self-check quiz: submit answers, get feedback on every question, no account needed."""
from flask import abort, request

from flask_login import current_user

from upskill.access import public
from upskill.extensions import db
from upskill.learning.quiz_record import record_attempt
from upskill.i18n import current_language
from upskill.public import bp, services
from upskill.public.grading import BadAnswer, grade, read_answers
from upskill.public.pages import item_view


@bp.post("/curriculum/<module>/<item>/")
@public
def check_quiz(module, item):
    if item != "Q":
        abort(405)
    page = services.item_page(f"{module}.{item}", current_language())
    questions = page.student.content["questions"]
    try:
        answers = read_answers(questions, request.form)
    except BadAnswer as error:
        abort(400, description=str(error))
    results, score = grade(questions, answers)
    if current_user.is_authenticated and current_user.has_role("student"):
        record_attempt(current_user.id, page.item.code, score, len(questions), answers)
        db.session.commit()
    return item_view("student", module, item, page=page, results=results, score=score)
