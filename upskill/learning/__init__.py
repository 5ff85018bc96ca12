"""Students' side: their dashboard, practical tasks worked step by step and handed in, their data."""
from flask import Blueprint

bp = Blueprint("learning", __name__)

from upskill.learning import views, files_view, my_data  # noqa: E402,F401  (routes register on bp)
