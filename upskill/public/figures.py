"""Figures of the curriculum: the SVG files from the module folders, and a full-size view of each."""
import re
from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, send_from_directory, url_for
from flask_babel import gettext as _

from upskill.access import public
from upskill.curriculum.render import figure_anchor
from upskill.i18n import current_language
from upskill.public import bp, services
from upskill.public.codes import canonical_or_abort
from upskill.public.rendering import render_content_page, render_fragment

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


@bp.get("/curriculum/<module>/<item>/figures/<name>/")
@public
def figure_view(module, item, name):
    """A figure of an item at full size, to pan and pinch-zoom on a phone, with the way back."""
    if response := canonical_or_abort("public.figure_view", module, item, name=name):
        return response
    code = f"{module}.{item}"

    def build():
        page = services.item_page(code, current_language())
        figure = next((f for f in page.student.content.get("figures", []) if f["name"] == f"{name}.svg"), None)
        if figure is None:
            abort(404, description=_("%(code)s has no figure %(name)s.", code=code, name=name))
        title = f"{code} · {figure['caption']}"
        return render_fragment("public/figure.html", title, "figure-view", page=page, figure=figure,
                               back=url_for("public.item", module=module, item=item, _anchor=figure_anchor(figure["name"])))

    return render_content_page(("figure", code, name), build)
