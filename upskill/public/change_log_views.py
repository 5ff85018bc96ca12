"""The public change log: revisions, one revision's changes, one item's history and diff, what to reprint."""
from flask import abort, request
from flask_babel import gettext as _

from upskill.access import public
from upskill.public import bp, change_log
from upskill.public.page_cache import cached_fragment, cached_page
from upskill.public.rendering import render_content_page, render_fragment, render_page
from upskill.public.text_diff import line_diff


@bp.get("/changes/")
@public
def change_log_index():
    def build():
        rows = [(revision, change_log.changed_since_previous(revision.name))
                for revision in reversed(change_log.revision_history())]
        return render_fragment("public/change_log.html", _("Change log"), "change-log", rows=rows,
                               stored=change_log.revisions_with_texts())

    return render_content_page(("change-log",), build)


@bp.get("/changes/<revision>/")
@public
def change_log_revision(revision):
    found = change_log.find_revision(revision)

    def build():
        groups = change_log.grouped_by_module(change.item for change in found.changes)
        by_item = {}
        for change in found.changes:
            by_item.setdefault(change.item, []).append(change)
        return render_fragment("public/change_log_revision.html", _("Revision %(name)s", name=found.name),
                               "change-log", revision=found, groups=groups, by_item=by_item,
                               changed=change_log.changed_since_previous(found.name))

    return render_content_page(("change-log-revision", found.name), build)


@bp.get("/changes/items/<code>/")
@public
def change_log_item(code):
    texts = change_log.item_texts(code)
    notes = change_log.notes_about(code)
    if not texts and not notes:
        abort(404)
    stored = change_log.revisions_with_texts()
    since, to = _chosen(stored, "since", 0), _chosen(stored, "to", -1)

    def build():
        diff = line_diff(texts.get(since, ""), texts.get(to, "")) if since and to else None
        return render_fragment(
            "public/change_log_item.html", _("What changed in %(code)s since %(since)s", code=code, since=since or "-"),
            "change-log", code=code, notes=notes, stored=stored, since=since, to=to, diff=diff,
            in_since=since in texts, in_to=to in texts, current=bool(stored) and stored[-1] in texts)

    return cached_page(lambda: render_page(cached_fragment(("change-log-item", code, since, to), build)),
                       keyed_by=("since", "to"))


@bp.get("/changes/reprint/")
@public
def change_log_reprint():
    stored = change_log.revisions_with_texts()
    since, to = _chosen(stored, "since", 0), (stored[-1] if stored else None)

    def build():
        codes = change_log.changed_codes(since, to) if since and to else []
        hashes = change_log.stored_hashes()
        return render_fragment("public/change_log_reprint.html", _("What to reprint since %(since)s", since=since or "-"),
                               "change-log", groups=change_log.grouped_by_module(codes), since=since, to=to,
                               stored=stored, hashes=hashes)

    return cached_page(lambda: render_page(cached_fragment(("change-log-reprint", since), build)),
                       keyed_by=("since",))


def _chosen(stored, name, default_index):
    """The revision a query argument names, the default when it names none; 404 for one with no stored texts."""
    value = request.args.get(name)
    if value is None or value == "":
        return stored[default_index] if stored else None
    if value not in stored:
        abort(404)
    return value
