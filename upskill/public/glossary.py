"""The glossary: every term in the four languages, with its definition, by first letter.

Also as a four-language terminology list to download for spreadsheets.
"""
from itertools import groupby

from flask_babel import gettext as _

from upskill.access import public
from upskill.collation import initial, sort_key
from upskill.i18n import LANGUAGE_NAMES, current_language
from upskill.public import bp, services
from upskill.public.rendering import render_content_page, render_fragment
from upskill.spreadsheet import csv_response


@bp.get("/glossary/")
@public
def glossary():
    def build():
        lang = current_language()
        terms = services.glossary_terms()
        names = {term.key: term.terms.get(lang) or term.terms["en"] for term in terms}
        ordered = sorted(terms, key=lambda term: sort_key(names[term.key], lang))
        groups = [(letter, list(group)) for letter, group in groupby(ordered, key=lambda t: initial(names[t.key], lang))]
        return render_fragment("public/glossary.html", _("Glossary"), groups=groups, names=names, count=len(terms))

    return render_content_page(("glossary",), build)


@bp.get("/glossary/terms.csv")
@public
def glossary_csv():
    """The terminology list: one row per term, a column per language, then the definition.

    Rows follow the alphabet of the reader's language, by the terms' names in it.
    """
    lang = current_language()
    terms = sorted(services.glossary_terms(), key=lambda term: sort_key(term.terms.get(lang) or term.terms["en"], lang))
    rows = [(*(term.terms.get(code, "") for code in LANGUAGE_NAMES), term.definitions.get(lang) or term.definitions["en"])
            for term in terms]
    response = csv_response(f"upskill-glossary-{lang}.csv", [*LANGUAGE_NAMES.values(), _("Definition")], rows)
    response.headers.pop("Cache-Control")  # the same for everybody: caches may keep it
    return response
