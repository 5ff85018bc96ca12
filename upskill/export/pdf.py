"""Render a book to PDF: Jinja templates and a print stylesheet, through WeasyPrint."""
import hashlib
import importlib.metadata
from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path

import pikepdf
from flask import current_app, render_template
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from markupsafe import Markup
from weasyprint import HTML

from upskill.display import duration
from upskill.export.books import kind_labels
from upskill.export.fetcher import BASE_URL, ProjectFileFetcher
from upskill.export.tagging import add_table_header_scopes
from upskill.export.transform import BookLinks

# Everything a book's look depends on besides its content: a change to any of them rebuilds it.
TEMPLATE_FOLDER = "export"
STYLE_FILES = ("css/book.css", "css/book-numbers.css")
FONT_FOLDER = "fonts"
PDF_VARIANT = "pdf/ua-1"


def book_html(spec, content, content_hash, revision, for_whom=None, part=None, part_module=None, toc_pages=None):
    """Return the HTML of a book, in the book's language: whole, or one part of it.

    part is None for a whole book laid out at once, else "front" (cover, colophon and contents,
    with toc_pages giving each anchor's page number), "module" (the module part_module) or
    "glossary", for a book assembled from parts.
    """
    today = date.today()
    with force_locale(spec.lang):
        links = BookLinks(content.codes, {term.key for _name, term in content.glossary}, _("Figure"))
        module = content.modules[0] if spec.module and content.modules else None
        if spec.kind == "handout":
            module_title = ", ".join(m.entry.code for m in content.modules)
        else:
            module_title = f"{module.entry.code} · {module.entry.text.title}" if module else None
        context = {
            "book": spec,
            "content": content,
            "title": " · ".join(part for part in ("UPSKILL", spec.title, module and module.entry.text.title) if part),
            "book_title": spec.title,
            "module_title": module_title,
            "for_whom": for_whom,
            "subject": content.programme.text.title,
            "revision": revision,
            "content_hash": content_hash,
            "built_on": today.isoformat(),
            "built_on_shown": format_date(today, "long"),
            "programme_facts": content.programme.item.facts,
            "stamp": book_stamp(spec, revision),
            "fallback_items": any(item.text.lang != spec.lang for m in content.modules for item in m.items),
            "kind_labels": kind_labels(),
            "adapt": lambda markup, code: Markup(links.adapt(markup or "", code)),
            "lang_attr": lambda text: Markup(' lang="en"') if text.lang != spec.lang else Markup(""),
            "duration": duration,
            "css_string": css_string,
            "part": part,
            "part_module": part_module,
            "toc_page": lambda anchor: Markup(f' data-page="{toc_pages[anchor]}"') if toc_pages and anchor in toc_pages else Markup(""),
        }
        return render_template(f"{TEMPLATE_FOLDER}/book.html", layout=spec.layout, **context)


def book_stamp(spec, revision):
    """Return the edition stamp every page's footer carries: book, language and revision."""
    with force_locale(spec.lang):
        return f"UPSKILL · {spec.title} · {spec.lang.upper()} · " + _("revision %(revision)s", revision=revision)


def css_string(text):
    """Return text as a quoted CSS string, safe inside a style element."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;·-_()" else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{escaped}"')


def render_document(html, tagged=True):
    """Lay out a book's HTML into a WeasyPrint Document; only our own files are fetched."""
    fetcher = ProjectFileFetcher(current_app.static_folder, current_app.config["CURRICULUM_DIR"])
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(pdf_tags=tagged)


def write_document(document, tagged=True, full_fonts=False):
    """Return the PDF bytes of a laid-out Document: tagged PDF/UA-1 with its metadata, or plain.

    full_fonts embeds whole font files instead of subsets: parts of one book then carry identical
    fonts, which the join stores once.
    """
    if not tagged:
        return document.write_pdf(full_fonts=full_fonts)
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, custom_metadata=True, full_fonts=full_fonts)


def render_pdf(html):
    """Return (PDF bytes, number of pages) for a book's HTML; only our own files are fetched."""
    document = render_document(html)
    with pikepdf.open(BytesIO(write_document(document))) as pdf:
        add_table_header_scopes(pdf)
        buffer = BytesIO()
        pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue(), len(document.pages)


def design_fingerprint():
    """Return a hash of the templates, styles, fonts and WeasyPrint version that shape a book."""
    return _design_fingerprint(current_app.static_folder, current_app.template_folder, current_app.root_path)


@cache
def _design_fingerprint(static_folder, template_folder, root_path):
    digest = hashlib.sha256(importlib.metadata.version("weasyprint").encode())
    static = Path(static_folder)
    templates = Path(root_path, template_folder) / TEMPLATE_FOLDER
    files = [static / name for name in STYLE_FILES]
    files += sorted((static / FONT_FOLDER).glob("*.ttf")) + sorted(templates.glob("*.html"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
