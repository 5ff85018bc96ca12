"""API endpoints: programme, modules, items and glossary, in any of the four languages."""
from functools import cache
from pathlib import Path

import yaml
from flask import abort, jsonify, request, url_for

from upskill.access import public
from upskill.api import bp
from upskill.i18n import current_language
from upskill.public import services
from upskill.public.codes import ITEM_CODE, MODULE_CODE


# Lesson content keys that belong to the teacher's notes, returned only with ?view=teacher.
TEACHER_ONLY = {"has_student", "has_teacher", "plan"}


@cache
def _openapi_document():
    return yaml.safe_load((Path(__file__).parent / "openapi.yaml").read_text(encoding="utf-8"))


@bp.get("/openapi.json")
@public
def openapi():
    return jsonify(_openapi_document())


def _text(page, part="student"):
    text = page.student if part == "student" else page.teacher
    return {"lang": text.lang, "fallback": text.lang != page.lang, "title": text.title}


@bp.get("/programme")
@public
def programme():
    lang = current_language()
    page = services.programme_page(lang)
    return jsonify(
        code=page.item.code, **_text(page), subtitle=page.student.summary,
        aims_html=page.student.body_html, outcomes=page.student.content["outcomes"],
        revision=page.item.facts["revision"], eqf_level=page.item.facts["eqf_level"],
        isco=page.item.facts["isco"], licence=page.item.facts["licence"],
        languages=page.item.facts["languages"],
        modules=[_module_summary(m) for m in services.modules(lang)],
    )


def _module_summary(entry):
    return {
        "code": entry.code, "title": entry.title, "hours": entry.facts["hours"],
        "url": url_for("api.module", code=entry.code, _external=False),
    }


@bp.get("/modules")
@public
def modules():
    return jsonify(modules=[_module_summary(m) for m in services.modules(current_language())])


@bp.get("/modules/<code>")
@public
def module(code):
    if not MODULE_CODE.fullmatch(code):
        abort(404, description="Module codes look like M04.")
    lang = current_language()
    page = services.item_page(code, lang)
    outline = services.module_outline(code, lang)
    return jsonify(
        code=code, **_text(page), summary=page.student.summary,
        outcomes=page.student.content["outcomes"], **page.item.facts,
        items=[{"code": e.code, "kind": e.kind.value, "title": e.title,
                "url": url_for("api.item", code=e.code)} for e in outline.items],
    )


@bp.get("/items/<code>")
@public
def item(code):
    module_code, _, short = code.partition(".")
    if not MODULE_CODE.fullmatch(module_code) or not ITEM_CODE.fullmatch(short):
        abort(404, description="Item codes look like M04.L2, M04.T1, M04.Q or M04.W1.")
    page = services.item_page(code, current_language())
    body = {
        "code": code, "kind": page.item.kind.value, "module": module_code, **_text(page),
        "facts": page.item.facts, "html": page.student.body_html,
        "content": {k: v for k, v in page.student.content.items() if k not in TEACHER_ONLY},
    }
    if request.args.get("view") == "teacher":
        body["teacher"] = {**_text(page, "teacher"), "html": page.teacher.teacher_html,
                           "plan": page.teacher.content.get("plan")}
    return jsonify(body)


@bp.get("/glossary")
@public
def glossary():
    return jsonify(terms=[
        {"key": t.key, "terms": t.terms, "definitions": t.definitions, "see": t.see}
        for t in sorted(services.glossary_terms(), key=lambda t: t.key)
    ])
