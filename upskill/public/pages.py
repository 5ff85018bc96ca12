"""Pages of the programme: home, programme, module, and an item in the student or teacher view."""
from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from upskill.access import public
from upskill.i18n import current_language
from upskill.models import ItemKind
from upskill.public import bp, services
from upskill.public.codes import canonical_or_abort
from upskill.public.personal import personal_panel
from upskill.public.rendering import render_content_page, render_fragment, render_page

ITEM_TEMPLATES = {
    ("student", ItemKind.lesson): "public/lesson.html",
    ("student", ItemKind.task): "public/task.html",
    ("student", ItemKind.quiz): "public/quiz.html",
    ("teacher", ItemKind.lesson): "public/teacher_lesson.html",
    ("teacher", ItemKind.task): "public/teacher_task.html",
    ("teacher", ItemKind.quiz): "public/teacher_quiz.html",
    ("student", ItemKind.worksheet): "public/worksheet.html",
    ("teacher", ItemKind.worksheet): "public/teacher_worksheet.html",
}


@bp.get("/")
@public
def home():
    return render_content_page(("home",), lambda: _programme_fragment("public/home.html", "home"))


@bp.get("/curriculum/")
@public
def programme():
    return render_content_page(("programme",), lambda: _programme_fragment("public/programme.html"))


def _programme_fragment(template, body_class=""):
    lang = current_language()
    page = services.programme_page(lang)
    return render_fragment(template, page.student.title, body_class, page=page, modules=services.modules(lang))


@bp.get("/curriculum/<module>/")
@public
def module(module):
    return _module_view("student", module)


@bp.get("/teacher/<module>/")
@public
def teacher_module(module):
    return _module_view("teacher", module)


def _module_view(view, module):
    endpoint = "public.teacher_module" if view == "teacher" else "public.module"
    if response := canonical_or_abort(endpoint, module):
        return response

    def build():
        lang = current_language()
        outline = services.module_outline(module, lang)
        page = services.item_page(module, lang)
        title = _page_title(module, page, view)
        template = "public/teacher_module.html" if view == "teacher" else "public/module.html"
        return render_fragment(template, title, view, page=page, outline=outline, view=view)

    panel = personal_panel(view, module) if current_user.is_authenticated else None
    return render_content_page(("module", view, module), build, personal=panel)


def _page_title(code, page, view):
    title = f"{code} · {page.student.title}"
    return title + " · " + _("Teacher's Book") if view == "teacher" else title


@bp.get("/curriculum/<module>/<item>/")
@public
def item(module, item):
    return item_view("student", module, item)


@bp.get("/teacher/<module>/<item>/")
@public
def teacher_item(module, item):
    return item_view("teacher", module, item)


def item_view(view, module, item, page=None, **extra):
    """Render an item in the student or teacher view; page is one already loaded, extra skips the cache."""
    endpoint = "public.item" if view == "student" else "public.teacher_item"
    if response := canonical_or_abort(endpoint, module, item):
        return response
    code = f"{module}.{item}"

    def build():
        lang = current_language()
        loaded = page or services.item_page(code, lang)
        template = ITEM_TEMPLATES.get((view, loaded.item.kind))
        if template is None:
            abort(404)
        outline = services.module_outline(module, lang)
        before, after = outline.neighbours(code)
        title = _page_title(code, loaded, view)
        return render_fragment(template, title, f"{view} {loaded.item.kind.value}", page=loaded, outline=outline,
                               before=before, after=after, view=view, **extra)

    # The student's quiz holds a form with the session's CSRF token, so it is never shared.
    fragment_is_personal = extra or (view == "student" and item == "Q")
    panel = personal_panel(view, code) if current_user.is_authenticated else None
    if fragment_is_personal:
        return render_page(build(), personal=panel)
    return render_content_page(("item", view, code), build, personal=panel)
