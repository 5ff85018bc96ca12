"""Class handouts for teachers: pick modules and a language, get the handbook with the class on it.

A handout's address names everything in it, the modules and language in the file name and the
class in `?for=`, so that any node can build and serve it without remembering who asked.
"""
import re

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from upskill import jobs
from upskill.access import roles_required
from upskill.downloads import bp
from upskill.downloads.forms import HandoutForm
from upskill.downloads.views import building_page, send_stored
from upskill.export.books import HANDOUT, BookSpec, UnknownBook
from upskill.export.content import book_index
from upskill.export.library import cached_book, key_of
from upskill.i18n import LANGUAGE_NAMES, current_language
from upskill.jobs import BuildState

STAFF = ("teacher", "coordinator", "admin")
HANDOUT_NAME = re.compile(r"upskill-handout(?P<modules>(?:-m\d{2}){1,20})-(?P<lang>[a-z]{2})-r(?P<revision>\d+(?:\.\d+)*)\.pdf")


@bp.route("/downloads/handout", methods=["GET", "POST"])
@roles_required(*STAFF)
def handout():
    index = book_index(current_language())
    if index is None:
        abort(404, description=_("No curriculum has been loaded yet."))
    form = HandoutForm()
    form.modules.choices = [(module.code, f"{module.code} · {module.title}") for module in index.modules]
    form.lang.choices = [(code, LANGUAGE_NAMES[code]) for code in current_app.config["LANGUAGES"]]
    if not form.is_submitted():
        form.lang.data = current_language()
    if not form.validate_on_submit():
        title_langs = {module.code: module.lang for module in index.modules}
        return (render_template("downloads/handout.html", form=form, title_langs=title_langs),
                400 if form.is_submitted() else 200)
    chosen = tuple(module.code for module in index.modules if module.code in form.modules.data)
    spec = BookSpec(HANDOUT, form.lang.data, modules=chosen, for_whom=form.for_whom.data.strip())
    return redirect(url_for("downloads.handout_file", name=spec.file_name(index.revision), **{"for": spec.for_whom}),
                    code=303)


@bp.get("/downloads/handouts/<name>")
@roles_required(*STAFF)
def handout_file(name):
    spec, key, book = _handout_or_404(name)
    links = {"name": name, "for": spec.for_whom}
    if book is None:
        _state, message = jobs.ensure_build(key, spec)
        return building_page(title=_("Handout"), message=message,
                             status_url=url_for("downloads.handout_status", **links),
                             download_url=url_for("downloads.handout_file", **links))
    response = send_stored(book.name, mimetype="application/pdf", download_name=name, etag=key[:32], max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/downloads/handouts/<name>/status")
@roles_required(*STAFF)
def handout_status(name):
    spec, key, book = _handout_or_404(name)
    if book is not None:
        return jsonify(state="ready", pages=book.pages)
    state, message = jobs.build_state(key)
    if state is BuildState.unknown:
        jobs.request_build(key, spec)
        state = BuildState.building
    response = jsonify(state=state.value, message=message)
    response.headers["Cache-Control"] = "no-store"
    return response


def _handout_or_404(name):
    """Return (spec, key, built book or None) for a handout address at the current revision."""
    found = HANDOUT_NAME.fullmatch(name)
    if not found or found["lang"] not in current_app.config["LANGUAGES"]:
        abort(404)
    index = book_index(found["lang"])
    if index is None or index.revision != found["revision"]:
        abort(404, description=_("There is no book %(name)s at the current revision.", name=name[:80]))
    modules = tuple(code.upper() for code in found["modules"].split("-")[1:])
    try:
        spec = BookSpec(HANDOUT, found["lang"], modules=modules, for_whom=request.args.get("for", ""))
        key, _revision = key_of(spec, index)
    except UnknownBook as error:
        abort(404, description=str(error))
    return spec, key, cached_book(key)
