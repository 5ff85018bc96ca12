"""The glossary: every term in the four languages, with its definition."""
from flask_babel import gettext as _

from upskill.access import public
from upskill.i18n import current_language
from upskill.public import bp, services
from upskill.public.rendering import render_content_page, render_fragment


@bp.get("/glossary/")
@public
def glossary():
    def build():
        lang = current_language()
        terms = sorted(services.glossary_terms(), key=lambda t: (t.terms.get(lang) or t.terms["en"]).casefold())
        return render_fragment("public/glossary.html", _("Glossary"), terms=terms)

    return render_content_page(("glossary",), build)
