"""Comments on showcase items: writing one (students of other pilot schools), and moderating them (teachers)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from upskill.access import roles_required
from upskill.extensions import db
from upskill.i18n import current_language
from upskill.showcase import bp
from upskill.showcase.comments import comment_on, moderate, moderated_comment, waiting_for
from upskill.showcase.forms import CommentForm, ModerationForm, refuse
from upskill.showcase.gallery import visible_item
from upskill.showcase.people import schools_of, sees_whole_showcase


@bp.post("/items/<int:item_id>/comments")
@roles_required("student")
def comment(item_id):
    if not sees_whole_showcase(current_user):
        abort(404)
    item = visible_item(current_user, item_id)
    if item.school_id in schools_of(current_user):
        refuse(409, message=_("Students of other schools comment on this work; yours cannot."))
    form = CommentForm()
    if not form.validate():
        refuse(400, form)
    comment_on(item, current_user, form.text.data, current_language(), form.submission_key.data)
    db.session.commit()
    flash(_("Thank you: your comment is shown once your teacher has approved it."))
    return redirect(url_for("showcase.gallery", _anchor=f"item-{item.id}"), code=303)


@bp.get("/moderation")
@roles_required("teacher")
def moderation():
    return render_template("showcase/moderation.html", comments=waiting_for(current_user), form=ModerationForm())


@bp.post("/comments/<int:comment_id>/moderate")
@roles_required("teacher")
def moderate_comment(comment_id):
    form = ModerationForm()
    approve = form.decision.data == "approve"
    found = moderated_comment(current_user, comment_id, approve)
    if not form.validate():
        refuse(400, form)
    moderate(found, current_user, approve)
    db.session.commit()
    flash(_("The comment is shown.") if approve else _("The comment is hidden."))
    return redirect(url_for("showcase.moderation"), code=303)
