"""The glossary: every term in the four languages, with its definition, by first letter."""
from itertools import groupby

from flask_babel import gettext as _

from upskill.access import public
from upskill.curriculum.text import fold
from upskill.i18n import current_language
from upskill.public import bp, services
from upskill.public.rendering import render_content_page, render_fragment


def _initial(name):
    first = fold(name[:1]).upper()
    return first if first.isalpha() else "#"


@bp.get("/glossary/")
@public
def glossary():
    def build():
        lang = current_language()
        terms = services.glossary_terms()
        names = {term.key: term.terms.get(lang) or term.terms["en"] for term in terms}
        ordered = sorted(terms, key=lambda term: fold(names[term.key]))
        groups = [(letter, list(group)) for letter, group in groupby(ordered, key=lambda t: _initial(names[t.key]))]
        return render_fragment("public/glossary.html", _("Glossary"), groups=groups, names=names, count=len(terms))

    return render_content_page(("glossary",), build)
