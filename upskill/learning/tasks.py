"""The practical task as the student works it: its steps, evidence and rubric, in the reader's language."""
from flask import abort
from sqlalchemy import select

from upskill.extensions import db
from upskill.i18n import current_language
from upskill.models import CurriculumItem, ItemKind
from upskill.public import services
from upskill.public.codes import MODULE_CODE


def task_page(module, item):
    """The task's ItemPage, or 404 for anything that is not a live practical task."""
    if not MODULE_CODE.fullmatch(module) or not item.startswith("T") or not item[1:].isascii() or not item[1:].isdigit():
        abort(404)
    page = services.item_page(f"{module}.{item}", current_language())
    if page.item.kind != ItemKind.task:
        abort(404)
    return page


def is_company_task(page):
    return page.item.facts.get("setting") == "company"


def rubric_of(page):
    """The rubric as shown now, to store with a grade so that a later revision never changes it."""
    rubric = page.student.content["rubric"]
    return {"levels": list(rubric["levels"]),
            "criteria": [{"name": c["name"], "descriptors": list(c["descriptors"])} for c in rubric["criteria"]],
            "revision_hash": page.item.content_hash}


def is_company_code(code):
    """Whether the task with this code is done in a company (one query)."""
    facts = db.session.scalar(select(CurriculumItem.facts).where(CurriculumItem.code == code))
    return bool(facts) and facts.get("setting") == "company"
