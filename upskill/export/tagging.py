"""Finish the structure tree WeasyPrint writes, where PDF/UA asks for more than it gives.

WeasyPrint tags table header cells as /TH but does not carry their HTML `scope` over, so a
screen reader cannot tell a column header from a row header. Every /TH gets a /Scope: Column in
a header row (under /THead, or the first row of a table without one), Row at the start of a body
row.
"""
import pikepdf

TABLE_ATTRIBUTES = pikepdf.Name("/Table")


def add_table_header_scopes(pdf):
    """Give every /TH of the PDF's structure tree a /Scope; return how many were set."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    count = 0
    for table in _elements(root, "/Table"):
        rows = [(section, row) for section, row in _rows(table)]
        has_head = any(section == "/THead" for section, _ in rows)
        for index, (section, row) in enumerate(rows):
            cells = [cell for cell in _children(row) if _role(cell) in ("/TH", "/TD")]
            for position, cell in enumerate(cells):
                if _role(cell) != "/TH":
                    continue
                header_row = section == "/THead" or (not has_head and index == 0)
                scope = "/Column" if header_row else "/Row" if position == 0 else "/Both"
                _set_scope(cell, scope)
                count += 1
    return count


def _role(element):
    return str(element.get("/S")) if isinstance(element, pikepdf.Dictionary) else None


def _children(element):
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


def _elements(node, role):
    for child in _children(node) if "/S" in node else _top(node):
        if _role(child) == role:
            yield child
        yield from _elements(child, role)


def _top(root):
    kids = root.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary)]


def _rows(table):
    for child in _children(table):
        if _role(child) in ("/THead", "/TBody", "/TFoot"):
            for row in _children(child):
                if _role(row) == "/TR":
                    yield _role(child), row
        elif _role(child) == "/TR":
            yield "/TBody", child


def _set_scope(cell, scope):
    attributes = pikepdf.Dictionary(O=TABLE_ATTRIBUTES, Scope=pikepdf.Name(scope))
    existing = cell.get("/A")
    if existing is None:
        cell.A = attributes
    elif isinstance(existing, pikepdf.Array):
        existing.append(attributes)
    else:
        cell.A = pikepdf.Array([existing, attributes])
