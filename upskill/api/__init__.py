"""Read-only JSON API under /api/v1/, described by /api/v1/openapi.json."""
from flask import Blueprint

bp = Blueprint("api", __name__)

from upskill.api import views  # noqa: E402,F401  (routes register on import)
