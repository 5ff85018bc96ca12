"""The glossary: every term in the four languages, with its definition."""
from flask import render_template

from upskill.access import public
from upskill.i18n import current_language
from upskill.public import bp, services


@bp.get("/glossary/")
@public
def glossary():
    lang = current_language()
    terms = sorted(services.glossary_terms(), key=lambda t: (t.terms.get(lang) or t.terms["en"]).casefold())
    return render_template("public/glossary.html", terms=terms)
