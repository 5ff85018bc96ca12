"""Figures of the curriculum, served straight from the module folders as SVG."""
import re
from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, send_from_directory

from upskill.access import public
from upskill.public import bp

FIGURE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,100}\.svg")


@bp.get("/curriculum/<module>/figures/<name>")
@public
def figure(module, name):
    if not re.fullmatch(r"M\d{2}", module) or not FIGURE_NAME.fullmatch(name):
        abort(404)
    folder = _figures_folder(current_app.config["CURRICULUM_DIR"], module)
    if folder is None:
        abort(404)
    response = send_from_directory(folder, name, mimetype="image/svg+xml", max_age=3600)
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@lru_cache(maxsize=64)
def _figures_folder(curriculum_dir, module):
    """Return the figures/ folder of a module's directory, found once per process."""
    modules = Path(curriculum_dir).resolve() / "modules"
    return next(iter(sorted(modules.glob(f"{module[1:]}-*/figures"))), None)
