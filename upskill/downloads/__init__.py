"""Free downloads of the course books: the list, the files, and a build on first request."""
from flask import Blueprint

bp = Blueprint("downloads", __name__)

from upskill.downloads import handouts, views  # noqa: E402,F401  (routes register on import)
