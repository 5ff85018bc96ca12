"""The search page."""
from flask import current_app, request
from flask_babel import gettext as _

from upskill.access import public
from upskill.i18n import current_language
from upskill.public import bp, services
from upskill.public.rendering import render_fragment, render_page
from upskill.public.search_service import query_terms, search, search_glossary

MAX_QUERY_LENGTH = 200


@bp.get("/search")
@public
def search_page():
    query = request.args.get("q", "").strip()[:MAX_QUERY_LENGTH]
    lang = current_language()
    hits = search(query, lang, current_app.config["SEARCH_RESULTS_LIMIT"]) if query else []
    term_hits = search_glossary(query, services.glossary_terms(), lang) if query else []
    module_titles = {m.code: m.title for m in services.modules(lang)} if hits else {}
    title = _("Search: %(q)s", q=query) if query else _("Search")
    fragment = render_fragment(
        "public/search.html", title, query=query, hits=hits, term_hits=term_hits,
        module_titles=module_titles, too_short=bool(query) and not query_terms(query),
    )
    return render_page(fragment, query=query)

