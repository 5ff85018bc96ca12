"""Rendered fragments of curriculum pages, kept per process until the content changes.

Content changes only when `curriculum sync` runs, and every sync that changes something moves
the content version on. Each process reads the version at most once every CONTENT_VERSION_TTL
seconds (one small query) and reuses the HTML it rendered for that version, language and
address; every node of a cluster reads the same version, so a sync shows everywhere within
that time.
"""
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from flask import current_app, g, request, session
from flask_wtf.csrf import generate_csrf
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from upskill.extensions import db
from upskill.i18n import current_language
from upskill.models import ContentVersion

EXTENSION_KEY = "upskill.page_cache"


@dataclass(frozen=True)
class Fragment:
    """The part of a page that depends only on the content: its title, class and HTML."""

    title: str
    html: Markup
    body_class: str = ""


class PageCache:
    """A thread-safe map from keys to fragments, bounded in entries and in characters, oldest dropped first."""

    def __init__(self, max_entries, version_ttl, max_chars=64 * 1024 * 1024):
        self.max_entries = max_entries
        self.max_chars = max_chars
        self.version_ttl = version_ttl
        self.version = None
        self.version_read_at = float("-inf")
        self._entries = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def known_version(self):
        """Return the content version read less than version_ttl seconds ago, or None."""
        if time.monotonic() - self.version_read_at < self.version_ttl:
            return self.version
        return None

    def remember_version(self, version):
        self.version, self.version_read_at = version, time.monotonic()

    def get(self, key):
        with self._lock:
            fragment = self._entries.get(key)
            if fragment is not None:
                self._entries.move_to_end(key)
            return fragment

    def put(self, key, fragment):
        with self._lock:
            old = self._entries.pop(key, None)
            self._chars += _size(fragment) - (_size(old) if old is not None else 0)
            self._entries[key] = fragment
            while len(self._entries) > self.max_entries or (self._chars > self.max_chars and len(self._entries) > 1):
                _key, dropped = self._entries.popitem(last=False)
                self._chars -= _size(dropped)

    @property
    def chars(self):
        return self._chars

    def __len__(self):
        return len(self._entries)


def _size(value):
    """Characters a kept value holds (pages, fragments and the tuples made of them)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Fragment):
        return len(value.html) + len(value.title)
    if isinstance(value, (tuple, list)):
        return sum(_size(part) for part in value if part is not None)
    return 0


def init_app(app):
    """Give the app its own cache."""
    app.extensions[EXTENSION_KEY] = PageCache(app.config["PAGE_CACHE_ENTRIES"], app.config["CONTENT_VERSION_TTL"],
                                               app.config["PAGE_CACHE_CHARS"])


def content_version():
    """Return the current content version: read again at most every CONTENT_VERSION_TTL seconds."""
    if "content_version" not in g:
        cache = current_app.extensions[EXTENSION_KEY]
        version = cache.known_version()
        if version is None:
            version = db.session.scalar(select(ContentVersion.version).where(ContentVersion.id == 1)) or 0
            cache.remember_version(version)
        g.content_version = version
    return g.content_version


def _cached(key, build):
    cache = current_app.extensions[EXTENSION_KEY]
    full_key = (content_version(), current_language(), *key)
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.put(full_key, value)
    return value


def cached_value(key, build):
    """Return a value that depends only on the content (and language), computing it on a miss."""
    return _cached(("value", *key), build)


def cached_fragment(key, build):
    """Return the fragment for key in the current language, building it on a miss."""
    return _cached(("fragment", *key), build)


def cached_page(render, keyed_by=()):
    """Return the whole page for a visitor without an account, rendering it on a miss.

    Only addresses without query arguments other than ?lang= and those the page is keyed_by
    (the search page's ?q=) are kept, so that made-up arguments cannot fill the cache;
    everybody else gets a freshly rendered page. The page names its own absolute address
    (hreflang links), so a page asked for under another host name is kept apart: it never
    goes to visitors of this one.
    """
    if current_user.is_authenticated or any(name != "lang" and name not in keyed_by for name in request.args):
        return render()
    return _cached(("page", request.host_url, request.path, *(request.args.get(name, "") for name in keyed_by)),
                   render)


def cached_personal_page(key, render):
    """Return a signed-in user's page as it was last rendered for the same key, else render it.

    key names what the page shows that can change (a progress stamp, the class's details); the
    user, their roles and the address are added here. A page with a notice to show or query
    arguments other than ?lang= is always rendered afresh. The form tokens of a kept page are
    replaced by this session's own on every request, so a kept page never carries another
    session's token.
    """
    if any(name != "lang" for name in request.args) or session.get("_flashes"):
        return render()
    roles = tuple(sorted(role.value for role in current_user.roles))
    html, token = _cached(("personal", current_user.id, roles, request.host_url, request.path, *key),
                          lambda: _with_token(render))
    return html.replace(token, generate_csrf()) if token else html


def _with_token(render):
    html = str(render())
    return html, g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
