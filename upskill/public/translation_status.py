"""The public translation status: per module and language, what is translated, outdated and missing."""
from flask_babel import gettext as _
from sqlalchemy import select

from upskill.access import public
from upskill.config import LANGUAGES
from upskill.extensions import db
from upskill.i18n import current_language
from upskill.models import CurriculumItem, ItemKind, ItemText
from upskill.public import bp, services
from upskill.public.rendering import render_content_page, render_fragment

COUNTED = (ItemKind.lesson, ItemKind.task, ItemKind.quiz, ItemKind.worksheet)


def status_table(lang):
    """[(module entry, {lang: (translated, outdated, missing)})] over the live lessons, tasks, quizzes, worksheets."""
    modules = services.modules(lang)
    items = dict(db.session.execute(select(CurriculumItem.id, CurriculumItem.module_code)
                                    .where(CurriculumItem.kind.in_(COUNTED), CurriculumItem.retired_at.is_(None))).all())
    texts = db.session.execute(select(ItemText.item_id, ItemText.lang, ItemText.content)
                               .where(ItemText.item_id.in_(list(items)))).all()
    found = {}
    for item_id, text_lang, content in texts:
        outdated = any((content or {}).get("outdated", {}).values())
        found[(item_id, text_lang)] = "outdated" if outdated else "translated"
    rows = []
    for module in modules:
        ids = [i for i, code in items.items() if code == module.code]
        counts = {}
        for other in LANGUAGES[1:]:
            states = [found.get((i, other), "missing") for i in ids]
            counts[other] = tuple(states.count(s) for s in ("translated", "outdated", "missing"))
        rows.append((module, counts))
    return rows


@bp.get("/curriculum/translations/")
@public
def translation_status():
    def build():
        return render_fragment("public/translations.html", _("Translations"), "translation-status-page",
                               rows=status_table(current_language()), languages=LANGUAGES[1:])

    return render_content_page(("translation-status",), build)
