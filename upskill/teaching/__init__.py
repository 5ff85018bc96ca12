"""Teachers' side: their classes, enrolling students (one by one and from a CSV), placements."""
from flask import Blueprint

bp = Blueprint("teaching", __name__)

from upskill.teaching import matrix, review, views  # noqa: E402,F401  (routes register on bp)
