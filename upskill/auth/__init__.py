"""Signing in and out, passwords, and the one-time links that invite people and reset passwords."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from upskill.auth import views  # noqa: E402,F401  (routes register on bp)
