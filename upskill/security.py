"""Protections every response carries: security headers, body limits, private pages, owner-only files."""
import os
from pathlib import Path

from flask import abort, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
HSTS = "max-age=31536000; includeSubDomains"


UPLOAD_ENDPOINTS = {"learning.submit"}  # where a request may carry photos and files


def allow_uploads(app):
    """Give the upload routes their larger body limit before anything reads the body (CSRF does).

    Registered ahead of every other before-request hook.
    """
    @app.before_request
    def body_limit():
        if request.endpoint in UPLOAD_ENDPOINTS:
            request.max_content_length = app.config["UPLOAD_MAX_BYTES"] + 512 * 1024
        limit = request.max_content_length
        if limit is not None and request.content_length is not None and request.content_length > limit:
            abort(413)  # said by the request itself: refused before a byte of the body is read


def init_app(app):
    """Install the headers, and trust a reverse proxy's forwarded headers when told how many there are."""
    app.after_request(add_security_headers)
    proxies = int(app.config.get("PROXY_COUNT") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)


def add_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("X-Frame-Options", "DENY")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if not request.path.startswith("/static/") and current_user and current_user.is_authenticated:
        # A signed-in user's page holds their name and work: no shared cache may keep it.
        headers["Cache-Control"] = "private, no-store"
        headers.pop("Expires", None)
    return response


def apply_environment(config):
    """Outside development the secret key must be given, and cookies travel over HTTPS only."""
    production = config["ENV"] == "production"
    if production and not config["SECRET_KEY"]:
        raise RuntimeError(
            "UPSKILL_SECRET_KEY is not set. In production every node must share one secret key; "
            "set it in the environment or in instance/config.py (see the README, Production)."
        )
    for key in ("SESSION_COOKIE_SECURE", "REMEMBER_COOKIE_SECURE"):
        if config.get(key) is None:  # not chosen: secure in production
            config[key] = production


def private_folder(path):
    """Create path (and missing parents) readable by this user only; return it."""
    path = Path(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def private_sqlite_file(uri):
    """Create the SQLite file of uri owner-only before SQLite creates it readable by everyone."""
    prefix = "sqlite:///"
    if not uri.startswith(prefix) or uri == prefix or ":memory:" in uri:
        return
    path = Path(uri.removeprefix(prefix).split("?", 1)[0])
    private_folder(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
