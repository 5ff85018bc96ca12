"""Where an item code leads: its curriculum page (with the anchor of a question or figure), and what is about it.

A suggestion about M04.Q.q2 opens the quiz at question q2; about M04.L1.figure:machine-units, the
lesson at its figure; about glossary:hopper, the glossary at the term. The suggestions about an
item are those about it and, for a lesson, task, worksheet or quiz, those about its figures and
questions too.
"""
from flask import url_for
from sqlalchemy import or_, select

from upskill.extensions import db
from upskill.models import CurriculumItem, ItemText, Suggestion
from upskill.pilot.item_codes import FIGURE, GLOSSARY, ITEM, QUESTION


def is_item_code(code):
    """Tell whether the code has the shape of an item code (whether or not the item still exists)."""
    return bool(code) and any(pattern.fullmatch(code) for pattern in (ITEM, QUESTION, FIGURE, GLOSSARY))


def page_code(code):
    """The code of the curriculum page an item code is shown on (the term itself for a glossary term)."""
    if found := QUESTION.fullmatch(code) or FIGURE.fullmatch(code):
        return found.group(1)
    return code


def item_url(code, lang=None):
    """The address of the item's curriculum page, at its question, figure or term, in lang if given."""
    args = {"lang": lang} if lang else {}
    if found := GLOSSARY.fullmatch(code):
        return url_for("public.glossary", _anchor=found.group(1), **args)
    anchor = None
    if found := QUESTION.fullmatch(code):
        anchor = found.group(2)
    elif found := FIGURE.fullmatch(code):
        anchor = "fig-" + found.group(2)
    module, _dot, item = page_code(code).partition(".")
    if item:
        return url_for("public.item", module=module, item=item, _anchor=anchor, **args)
    return url_for("public.module", module=module, **args)


def languages_of(codes):
    """For each code's page, the languages it is written in (one query whatever the number of codes)."""
    pages = {page_code(code) for code in codes if not GLOSSARY.fullmatch(code)}
    found = {}
    if pages:
        for page, lang in db.session.execute(select(CurriculumItem.code, ItemText.lang).join(ItemText.item)
                                             .where(CurriculumItem.code.in_(pages))):
            found.setdefault(page, set()).add(lang)
    return {code: found.get(page_code(code), set()) for code in codes}


def item_url_in(code, lang, languages):
    """The item's address in lang when its page is written in lang, else in the reader's own language."""
    return item_url(code, lang if lang in languages and not GLOSSARY.fullmatch(code) else None)


def links_of(suggestions):
    """Suggestion code -> the address of its item, in the suggestion's language where the item has it."""
    languages = languages_of([s.item_code for s in suggestions])
    return {s.code: item_url_in(s.item_code, s.language, languages[s.item_code]) for s in suggestions}


def about_item(code):
    """The SQL condition for suggestions about the item with this code, its figures and questions included."""
    if ITEM.fullmatch(code) and "." in code:
        return or_(Suggestion.item_code == code, Suggestion.item_code.startswith(code + ".", autoescape=True))
    return Suggestion.item_code == code
