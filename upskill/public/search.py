"""The search page: results kept per content version, language and query in the page cache."""
import re

from flask import current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from upskill.access import public
from upskill.i18n import current_language
from upskill.public import bp, services
from upskill.public.page_cache import cached_fragment, cached_page, cached_value
from upskill.public.rendering import render_fragment, render_page
from upskill.public.search_glossary import glossary_index, search_glossary, similar_terms
from upskill.public.search_query import parse
from upskill.public.search_service import search

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
SEARCHED_TEXTS = {
    "en": _l("No results for «%(q)s» in English texts."),
    "lt": _l("No results for «%(q)s» in Lithuanian texts (and English texts where there is no translation)."),
    "fi": _l("No results for «%(q)s» in Finnish texts (and English texts where there is no translation)."),
    "fr": _l("No results for «%(q)s» in French texts (and English texts where there is no translation)."),
}


def normalised_query(raw):
    """Return the query as searched and echoed: no control characters, spaces collapsed."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw[:MAX_QUERY_LENGTH]).split())


@bp.get("/search")
@public
def search_page():
    query = normalised_query(request.args.get("q", ""))

    def render():
        fragment = cached_fragment(("search", query), lambda: _results(query, current_language()))
        return render_page(fragment, query=query)

    return cached_page(render, keyed_by=("q",))


def _results(query, lang):
    title = _("Search: %(q)s", q=query) if query else _("Search")
    if not parse(query, lang).words:
        return render_fragment("public/search.html", title, query=query, too_short=bool(query))
    hits = search(query, lang, current_app.config["SEARCH_RESULTS_LIMIT"])
    glossary = glossary_index(lang)
    term_hits = search_glossary(query, glossary, lang)
    listed = {hit.key for hit in term_hits}
    suggestions = [] if hits else [s for s in similar_terms(query, glossary, lang) if s.key not in listed]
    modules = cached_value(("modules-by-code",), lambda: {m.code: m for m in services.modules(lang)})
    return render_fragment(
        "public/search.html", title, query=query, hits=hits, term_hits=term_hits, modules=modules,
        suggestions=suggestions, no_results=str(SEARCHED_TEXTS.get(lang, SEARCHED_TEXTS["en"])) % {"q": query},
    )
