"""The public curriculum site: programme, modules, lessons, tasks, quizzes, glossary, search."""
from flask import Blueprint

bp = Blueprint("public", __name__)

from upskill.public import change_log_views, figures, glossary, pages, quiz, search, translation_status  # noqa: E402,F401  (routes register on import)
