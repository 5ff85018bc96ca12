"""Choosing the language of a request: ?lang=, then the remembered choice, then the browser."""
from urllib.parse import quote, urlencode

from flask import abort, current_app, g, request, session
from flask_babel import gettext as _
from markupsafe import Markup

LANGUAGE_NAMES = {"en": "English", "lt": "Lietuvių", "fi": "Suomi", "fr": "Français"}


def choose_language():
    """Set g.lang for this request: ?lang= (remembered), else the remembered choice, the browser's, English.

    An unknown ?lang= is a 404, told in the language the visitor would otherwise get.
    """
    languages = current_app.config["LANGUAGES"]
    requested = request.args.get("lang")
    g.lang = _remembered_or_browser_language(languages)
    if requested is None:
        return
    if requested not in languages:
        abort(404, description=_("There is no language %(code)s here.", code=requested[:20]))
    if session.get("lang") != requested:
        session["lang"] = requested
    g.lang = requested


def _remembered_or_browser_language(languages):
    if session.get("lang") in languages:
        return session["lang"]
    return request.accept_languages.best_match(languages) or "en"


def current_language():
    """Return the language chosen for this request (English outside a request)."""
    return g.get("lang", "en")


def language_url(lang):
    """Return this page's address in another language (a GET address, even after a POST)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [lang]
    return same_site_path(request.path) + "?" + urlencode(args, doseq=True)


def alternate_links():
    """Return (hreflang, absolute address) of this page in every language, and x-default (English)."""
    base = request.host_url.rstrip("/")
    links = [(lang, base + language_url(lang)) for lang in current_app.config["LANGUAGES"]]
    return links + [("x-default", base + language_url("en"))]


def same_site_path(path):
    """Return path as a link that stays on this site.

    Backslashes, tabs and a second leading slash would let a browser read the raw path of a
    404 such as /%5cevil.example/ as another host; quoted, they stay a path here.
    """
    return "/" + quote(path, safe="/-._~!$&'()*+,;=:@").lstrip("/")


def lang_of(text):
    """Return a lang attribute for content shown in a language other than the page's, else nothing.

    Screen readers then read English fallback text with an English voice.
    """
    lang = getattr(text, "lang", None)
    return Markup(f' lang="{lang}"') if lang and lang != current_language() else Markup("")
