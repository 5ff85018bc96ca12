"""Whole books assembled from per-module parts, so that a change in one lesson re-renders one part.

Each module, and the glossary, is laid out on its own and kept in the library under a hash of
its content and the book's design. Parts carry no page numbers: after they are joined, a layer of
numbers (one WeasyPrint page per book page, cached by the book's length) is stamped on, marked as
an artifact, so a part that moves keeps its layout. Each part starts on a right-hand page (a
blank page pads an odd part). The front matter, numbered i, ii, ..., is laid out last with the
contents' page numbers known. Joining keeps the PDF tagged: the parts' structure trees go under
one document element, their parent-tree keys renumbered; their named destinations are merged, and
a link whose target lives in another part (written `upskill-anchor:NAME` by the part) becomes a
link to that destination.
"""
import hashlib
import json
import re
from dataclasses import dataclass
from io import BytesIO

import pikepdf

from upskill.export.pdf import book_html, book_stamp, css_string, design_fingerprint, render_document, write_document
from upskill.export.tagging import add_table_header_scopes

CROSS_PART = "upskill-anchor:"
LINK_TARGET = re.compile(r'href="#([^"]+)"')
ELEMENT_ID = re.compile(r'\bid="([^"]+)"')


@dataclass
class Part:
    """A laid-out part of a book: its PDF, its length, where its anchors are, its bookmarks."""

    pdf: bytes
    pages: int
    anchors: dict  # name -> page index within the part
    bookmarks: list  # (level, title, page index)


def assembled_book(spec, content, key, revision, store):
    """Return (PDF bytes, pages) of a whole book; store(name, build) caches a part's bytes."""
    parts = [("module", module) for module in content.modules] + [("glossary", None)]
    built = []
    for kind, module in parts:
        part_key = _part_key(spec, revision, kind, module, content)
        built.append(store(part_key, lambda: _render_part(spec, content, key, revision, kind, module)))
    starts, total = _layout(built)
    toc = {name: str(starts[i] + page) for i, part in enumerate(built) for name, page in part.anchors.items()}
    front_document = render_document(book_html(spec, content, key, revision, for_whom=spec.for_whom,
                                                part="front", toc_pages=toc))
    front = _as_part(front_document, write_document(front_document, full_fonts=True))
    stamp = book_stamp(spec, revision)
    layer_name = hashlib.sha256(f"{total}/{stamp}/{design_fingerprint()}".encode()).hexdigest()[:32]
    numbers = store(f"numbers-{layer_name}", lambda: _number_layer(total, stamp))
    pdf = _join(front, built, starts, numbers)
    return pdf, front.pages + total


def _part_key(spec, revision, kind, module, content):
    digest = hashlib.sha256(json.dumps([spec.layout, spec.lang, revision, kind]).encode())
    digest.update(design_fingerprint().encode())
    if module is not None:
        for item in sorted([module.entry, *module.items], key=lambda b: b.code):
            digest.update(item.item.content_hash.encode())
    else:
        for _, term in content.glossary:
            digest.update(term.content_hash.encode())
    return "part-" + digest.hexdigest()


def _render_part(spec, content, key, revision, kind, module):
    html = book_html(spec, content, key, revision, part=kind, part_module=module and module.entry.code)
    own = set(ELEMENT_ID.findall(html))
    # Links to anchors of other parts stay links: the join turns them into named destinations.
    html = LINK_TARGET.sub(lambda m: m.group(0) if m.group(1) in own else f'href="{CROSS_PART}{m.group(1)}"', html)
    document = render_document(html)
    return _as_part(document, write_document(document, full_fonts=True))


def _as_part(document, pdf):
    anchors = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
    bookmarks = []

    def walk(tree, level):
        for label, target, children, _state in tree:
            bookmarks.append((level, label, target[0]))
            walk(children, level + 1)

    walk(document.make_bookmark_tree(), 1)
    return Part(pdf=pdf, pages=len(document.pages), anchors=anchors, bookmarks=bookmarks)


def _layout(parts):
    """Return the first page number of each part (always odd: a right-hand page) and the total."""
    starts, page = [], 1
    for part in parts:
        starts.append(page)
        page += part.pages + (part.pages % 2)  # pad an odd part with a blank page
    return starts, page - 1


def _number_layer(total, stamp):
    """Lay out the footers of a body of `total` pages (number in the outer corner, the edition
    stamp in the middle, blank pages included) as a plain PDF."""
    style = f"@page {{ @bottom-center {{ content: {css_string(stamp)}; }} }}"
    html = (f'<html><head><link rel="stylesheet" href="/static/css/book-numbers.css"><style>{style}</style>'
            '</head><body>' + '<div class="page"></div>' * total + "</body></html>")
    document = render_document(html, tagged=False)
    return Part(pdf=write_document(document, tagged=False, full_fonts=True), pages=len(document.pages),
                anchors={}, bookmarks=[])


def _join(front, parts, starts, numbers):
    """Join the front matter and the parts into one tagged PDF and return its bytes."""
    out = pikepdf.open(BytesIO(front.pdf))
    sources = [pikepdf.open(BytesIO(part.pdf)) for part in parts]
    layer = pikepdf.open(BytesIO(numbers.pdf))
    document_element = out.Root.StructTreeRoot.K[0] if isinstance(out.Root.StructTreeRoot.K, pikepdf.Array) \
        else out.Root.StructTreeRoot.K
    nums = list(out.Root.StructTreeRoot.ParentTree.Nums)
    next_key = max((int(nums[i]) for i in range(0, len(nums), 2)), default=-1) + 1
    destinations = _names(out)
    body_index = 0
    for source, part in zip(sources, parts):
        offset = next_key
        for page in source.pages:
            out.pages.append(page)
            copied = out.pages[-1]
            _renumber(copied.obj, offset)
            _stamp(out, copied, layer.pages[body_index])
            body_index += 1
        if part.pages % 2:
            out.add_blank_page(page_size=(float(copied.mediabox[2]), float(copied.mediabox[3])))
            _stamp(out, out.pages[-1], layer.pages[body_index])
            body_index += 1
        root = source.Root.StructTreeRoot
        kids = root.K[0].K if isinstance(root.K, pikepdf.Array) else root.K.K
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            copied_kid = _copy(out, kid)
            copied_kid.P = document_element
            document_element.K.append(copied_kid)
        source_nums = list(root.ParentTree.Nums)
        for i in range(0, len(source_nums), 2):
            nums += [int(source_nums[i]) + offset, _copy(out, source_nums[i + 1])]
            next_key = max(next_key, int(source_nums[i]) + offset + 1)
        for name, destination in _names(source).items():
            destinations.setdefault(name, _copy(out, destination))
    out.Root.StructTreeRoot.ParentTree = pikepdf.Dictionary(Nums=pikepdf.Array(nums))
    out.Root.StructTreeRoot.ParentTreeNextKey = next_key
    out.Root.Names = pikepdf.Dictionary(Dests=pikepdf.Dictionary(
        Names=pikepdf.Array([x for name in sorted(destinations) for x in (pikepdf.String(name), destinations[name])])))
    _link_across_parts(out)
    _share_fonts(out)
    add_table_header_scopes(out)
    _outline(out, front, parts, starts, front.pages)
    # Viewers show the printed numbers: i, ii, ... for the front matter, then 1, 2, ...
    out.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([
        0, pikepdf.Dictionary(S=pikepdf.Name.r), front.pages, pikepdf.Dictionary(S=pikepdf.Name.D)]))
    buffer = BytesIO()
    out.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    for source in [*sources, layer]:
        source.close()
    return buffer.getvalue()


def _copy(out, obj):
    """Copy an object of another PDF into out; direct arrays and dictionaries are copied member by member."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, pikepdf.Array):
        return pikepdf.Array([_copy(out, member) for member in obj])
    if isinstance(obj, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, value) for key, value in obj.items()})
    return obj


def _names(pdf):
    names = pdf.Root.get("/Names", {}).get("/Dests", {}).get("/Names", [])
    return {str(names[i]): names[i + 1] for i in range(0, len(names), 2)}


def _renumber(page, offset):
    if "/StructParents" in page:
        page.StructParents = int(page.StructParents) + offset
    for annotation in page.get("/Annots", []):
        if "/StructParent" in annotation:
            annotation.StructParent = int(annotation.StructParent) + offset


def _stamp(out, page, number_page):
    """Draw the page's number from the layer, marked as an artifact (it is not content)."""
    form = out.copy_foreign(number_page.as_form_xobject())
    name = page.add_resource(form, pikepdf.Name.XObject, prefix="Pno")
    # The page's own drawing may leave its coordinate system changed: save it, and start afresh.
    page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
    page.contents_add(pikepdf.Stream(out, b"\nQ /Artifact BMC q " + bytes(name) + b" Do Q EMC"), prepend=False)


def _share_fonts(out):
    """Point every part's font descriptor at one copy of each identical embedded font file."""
    first = {}
    for obj in out.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.FontDescriptor:
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in obj:
                    stream = obj[key]
                    digest = hashlib.sha256(stream.read_raw_bytes()).hexdigest()
                    obj[key] = first.setdefault(digest, stream)


def _link_across_parts(out):
    for page in out.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(CROSS_PART):
                del annotation["/A"]
                annotation.Dest = pikepdf.String(uri.removeprefix(CROSS_PART))


def _outline(out, front, parts, starts, front_pages):
    with out.open_outline() as outline:
        outline.root.clear()
        stack = [(0, outline.root)]
        entries = [(level, title, page) for level, title, page in front.bookmarks]
        entries += [(level, title, front_pages + starts[i] - 1 + page)
                    for i, part in enumerate(parts) for level, title, page in part.bookmarks]
        for level, title, page in entries:
            item = pikepdf.OutlineItem(title, page)
            while stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1]
            (parent if isinstance(parent, list) else parent.children).append(item)
            stack.append((level, item))


def part_from_files(pdf, facts):
    """Return a Part from its stored PDF bytes and facts."""
    return Part(pdf=pdf, pages=facts["pages"], anchors=facts["anchors"],
                bookmarks=[tuple(entry) for entry in facts["bookmarks"]])


def facts_of(part):
    """Return what is stored beside a part's PDF."""
    return {"pages": part.pages, "anchors": part.anchors, "bookmarks": [list(entry) for entry in part.bookmarks]}
