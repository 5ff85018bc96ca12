"""Pages of the programme: home, programme, module, and an item in the student or teacher view."""
from flask import abort, render_template

from upskill.access import public
from upskill.i18n import current_language
from upskill.models import ItemKind
from upskill.public import bp, services
from upskill.public.codes import canonical_or_abort

ITEM_TEMPLATES = {
    ("student", ItemKind.lesson): "public/lesson.html",
    ("student", ItemKind.task): "public/task.html",
    ("student", ItemKind.quiz): "public/quiz.html",
    ("teacher", ItemKind.lesson): "public/teacher_lesson.html",
    ("teacher", ItemKind.task): "public/teacher_task.html",
    ("teacher", ItemKind.quiz): "public/teacher_quiz.html",
}


@bp.get("/")
@public
def home():
    lang = current_language()
    programme = services.programme_page(lang)
    return render_template("public/home.html", page=programme, modules=services.modules(lang))


@bp.get("/curriculum/")
@public
def programme():
    lang = current_language()
    page = services.programme_page(lang)
    return render_template("public/programme.html", page=page, modules=services.modules(lang))


@bp.get("/curriculum/<module>/")
@public
def module(module):
    return _module_view("public.module", "public/module.html", module)


@bp.get("/teacher/<module>/")
@public
def teacher_module(module):
    return _module_view("public.teacher_module", "public/teacher_module.html", module)


def _module_view(endpoint, template, module):
    if response := canonical_or_abort(endpoint, module):
        return response
    lang = current_language()
    outline = services.module_outline(module, lang)
    page = services.item_page(module, lang)
    return render_template(template, page=page, outline=outline, view="teacher" if "teacher" in endpoint else "student")


@bp.get("/curriculum/<module>/<item>/")
@public
def item(module, item):
    return item_view("student", module, item)


@bp.get("/teacher/<module>/<item>/")
@public
def teacher_item(module, item):
    return item_view("teacher", module, item)


def item_view(view, module, item, **extra):
    """Render an item in the student or teacher view; extra goes to the template."""
    endpoint = "public.item" if view == "student" else "public.teacher_item"
    if response := canonical_or_abort(endpoint, module, item):
        return response
    lang = current_language()
    page = services.item_page(f"{module}.{item}", lang)
    template = ITEM_TEMPLATES.get((view, page.item.kind))
    if template is None:
        abort(404)
    outline = services.module_outline(module, lang)
    before, after = outline.neighbours(page.item.code)
    return render_template(template, page=page, outline=outline, before=before, after=after, view=view, **extra)
