"""Company trainers: the students placed with them, and the company part of their tasks to confirm."""
from flask import Blueprint

bp = Blueprint("company", __name__)

from upskill.company import views  # noqa: E402,F401  (routes register on bp)
