"""The showcase as visitors see it: the gallery, an item's photos, and the presentation view of one task."""
import secrets

from flask import abort, render_template, request
from flask_login import current_user

from upskill.access import public
from upskill.i18n import current_language
from upskill.learning import uploads
from upskill.showcase import bp
from upskill.showcase.gallery import grouped_by_task, school_names, visible_items, visible_photo
from upskill.showcase.people import first_name, sees_whole_showcase, schools_of


@bp.get("/")
@public
def gallery():
    whole = sees_whole_showcase(current_user)
    groups = grouped_by_task(visible_items(current_user), current_language())
    return render_template("showcase/gallery.html", groups=groups, whole=whole, school_names=school_names(),
                           may_comment=whole and current_user.has_role("student"),
                           may_hide=whole and current_user.has_role("teacher"),
                           my_schools=schools_of(current_user) if whole else set(), first_name=first_name,
                           new_key=lambda: secrets.token_urlsafe(24))


@bp.get("/tasks/<task_code>/present")
@public
def presentation(task_code):
    """One item per slide, the slide chosen by ?slide=N (1 to the number of items; anything else is the nearest)."""
    shown = visible_items(current_user, task_code)
    if not shown:
        abort(404)
    groups = grouped_by_task(shown, current_language())
    slides = [item for items in groups[0].schools.values() for item in items]
    number = _slide_number(request.args.get("slide", ""), len(slides))
    return render_template("showcase/presentation.html", group=groups[0], slides=slides, number=number,
                           slide=slides[number - 1])


def _slide_number(given, count):
    if not (given.isascii() and given.isdigit() and len(given) < 6):
        return 1
    return min(max(int(given), 1), count)


@bp.get("/photos/<int:file_id>/<name>")
@public
def photo(file_id, name):
    """A photo of an item the viewer may see (consent given, not withdrawn, not removed); else 404."""
    found = visible_photo(current_user, file_id, name[:120])
    return uploads.send_evidence(found)
