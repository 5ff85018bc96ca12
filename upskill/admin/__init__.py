"""Administration: accounts and their roles, and the audit log."""
from flask import Blueprint

bp = Blueprint("admin", __name__)

from upskill.admin import views  # noqa: E402,F401  (routes register on bp)
