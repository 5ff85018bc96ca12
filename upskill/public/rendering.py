"""Render a public page: the page shell (header, language switcher) around a fragment."""
from flask import render_template
from markupsafe import Markup

from upskill.public.page_cache import Fragment, cached_fragment, cached_page


def render_fragment(template, title, body_class="", **context):
    """Render a fragment template into a Fragment."""
    return Fragment(title=title, html=Markup(render_template(template, **context)), body_class=body_class)


def render_page(fragment, **context):
    """Wrap a fragment in the site's page shell."""
    return render_template("public/page.html", fragment=fragment, **context)


def render_content_page(key, build, personal=None):
    """Render a page that depends only on the curriculum, from the caches where possible.

    personal (what a signed-in reader sees of their own work) goes around the cached fragment;
    such pages are never kept whole in the cache.
    """
    return cached_page(lambda: render_page(cached_fragment(key, build), personal=personal))
