"""The pilot: pilot periods, the schools' pilot reports, and suggestions of corrections to the curriculum."""
from flask import Blueprint

bp = Blueprint("pilot", __name__)

from upskill.pilot import report_views, suggestion_views, views  # noqa: E402,F401  (routes register on bp)
