"""The downloads pages: the list of books, a book's file, and the progress of its first build."""
from flask import abort, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext as _

from upskill.access import public, roles_required
from upskill import jobs, storage
from upskill.downloads import bp
from upskill.downloads.archive import archive_name, archive_parts, archive_stored_name
from upskill.downloads.catalogue import catalogue, offer_of
from upskill.downloads.counts import count_download, download_totals
from upskill.extensions import db
from upskill.i18n import current_language
from upskill.jobs import BuildState

MAX_AGE = 86400  # a day: the name carries the revision and the ETag the exact content


@bp.get("/downloads/")
@public
def index():
    lang = current_language()
    revision, offers = catalogue(lang)
    whole = [offer for offer in offers if offer.spec.module is None]
    by_module = {}
    for offer in offers:
        if offer.spec.module:
            by_module.setdefault(offer.spec.module, []).append(offer)
    archive = archive_name(lang, revision) if revision else None
    return render_template("downloads/index.html", revision=revision, whole=whole, by_module=by_module,
                           archive=archive)


@bp.get("/downloads/<name>.zip")
@public
def archive_file(name):
    name += ".zip"
    parts = archive_parts(name, current_app.config["LANGUAGES"])
    if parts is None:
        abort(404, description=_("There is no book %(name)s at the current revision.", name=name[:80]))
    stored = archive_stored_name(name, parts)
    if stored is None:
        for part in parts:
            if part.built is None:
                jobs.ensure_build(part.key, part.spec)
        return building_page(title=_("Everything in one file"), status_url=url_for("downloads.archive_status", name=name[:-4]),
                              download_url=url_for("downloads.archive_file", name=name[:-4]), message="")
    response = send_stored(stored, mimetype="application/zip", as_attachment=True, download_name=name,
                           max_age=MAX_AGE)
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@bp.get("/downloads/<name>.zip/status")
@public
def archive_status(name):
    parts = archive_parts(name + ".zip", current_app.config["LANGUAGES"])
    if parts is None:
        abort(404)
    waiting = [part for part in parts if part.built is None]
    failed = [jobs.build_state(part.key) for part in waiting]
    messages = [message for state, message in failed if state is BuildState.failed]
    state = "ready" if not waiting else "failed" if messages else "building"
    response = jsonify(state=state, message="; ".join(messages), waiting=len(waiting), books=len(parts))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/downloads/<name>")
@public
def book_file(name):
    offer = _offer_or_404(name)
    if offer.built is None:
        _state, message = jobs.ensure_build(offer.key, offer.spec)
        return building_page(title=offer.spec.title, message=message, offer=offer,
                              status_url=url_for("downloads.book_status", name=offer.file_name),
                              download_url=url_for("downloads.book_file", name=offer.file_name))
    if _starts_a_download():
        count_download(offer.file_name)
        db.session.commit()
    response = send_stored(offer.built.name, mimetype="application/pdf", download_name=offer.file_name,
                           etag=offer.key[:32], last_modified=offer.built.built_at, max_age=MAX_AGE)
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@bp.get("/downloads/<name>/status")
@public
def book_status(name):
    offer = _offer_or_404(name)
    if offer.built is not None:
        return jsonify(state="ready", url=url_for("downloads.book_file", name=name), pages=offer.built.pages)
    state, message = jobs.build_state(offer.key)
    if state is BuildState.unknown:  # never asked for on this node (or forgotten): start it here
        jobs.request_build(offer.key, offer.spec)
        state = BuildState.building
    response = jsonify(state=state.value, message=message)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/downloads/counts")
@roles_required("coordinator", "admin")
def counts():
    return render_template("downloads/counts.html", totals=download_totals())


def building_page(title, status_url, download_url, message, offer=None):
    """Answer 202 with the page that follows a build until its file can be downloaded."""
    response = current_app.make_response(render_template(
        "downloads/building.html", title=title, status_url=status_url, download_url=download_url, message=message,
        offer=offer))
    response.status_code = 202
    response.headers["Retry-After"] = "5"
    response.headers["Cache-Control"] = "no-store"
    return response


def send_stored(name, **options):
    """Answer with a file of the books storage (conditional, with byte ranges); 404 if it has gone."""
    try:
        return storage.books().send(name, conditional=True, **options)
    except storage.NotStored:
        abort(404)


def _starts_a_download():
    """True for a request that fetches the file from its start: not a revalidation, not a later range."""
    if request.if_none_match or request.if_modified_since:
        return False
    ranges = request.range
    return ranges is None or ranges.ranges[0][0] == 0


def _offer_or_404(name):
    offer = offer_of(name, current_app.config["LANGUAGES"])
    if offer is None:
        abort(404, description=_("There is no book %(name)s at the current revision.", name=name[:80]))
    return offer
