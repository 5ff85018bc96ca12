"""The pilot showcase: students' accepted tasks shown to the pilot schools, with consent; comments; presentation."""
from flask import Blueprint

bp = Blueprint("showcase", __name__)

from upskill.showcase import action_views, comment_views, panels, views  # noqa: E402,F401  (routes register on bp)
