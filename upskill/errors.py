"""Error pages: HTML for people, JSON for the API; never a bare 500."""
from flask import current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from upskill.extensions import db


def _wants_json():
    return request.path.startswith("/api/") or request.path == "/healthz"


def handle_http_error(error):
    """Render an HTTP error as a page (or JSON under /api/) with its own status."""
    if isinstance(error, CSRFError):
        message = _("The form has expired or was not sent from this site. Reload the page and try again.")
    elif error.description == type(error).description:
        message = None  # Werkzeug's generic English sentence; the page's own heading says it
    else:
        message = error.description
    if _wants_json():
        return jsonify(error=error.name, status=error.code, message=message), error.code
    return (
        render_template("errors/error.html", code=error.code, message=message),
        error.code,
    )


def handle_unexpected(error):
    """Roll back whatever was half done and answer 500 with a proper page."""
    db.session.rollback()
    if current_app.testing:
        raise error
    current_app.logger.exception("unhandled error on %s", request.path)
    return handle_http_error(InternalServerError())


def register(app):
    """Install the error handlers on the app."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
