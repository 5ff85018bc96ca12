"""Check that an SVG figure is a self-contained drawing: no scripts, no outside references."""
import re
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
# Animation elements can set any attribute, href included (<set attributeName="href" to="javascript:...">).
FORBIDDEN_ELEMENTS = {"script", "foreignObject", "image", "iframe", "embed", "object",
                      "set", "animate", "animateMotion", "animateTransform", "discard"}
OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!#)|@import", re.IGNORECASE)


def check_svg(path):
    """Return (line, message) for every problem of the SVG file at path."""
    problems, elements, texts = [], [], []
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(name, attrs):
        elements.append((name, attrs, parser.CurrentLineNumber))

    parser.StartElementHandler = start
    parser.CharacterDataHandler = lambda data: texts.append((len(elements), data))
    parser.EntityDeclHandler = lambda *args: problems.append((parser.CurrentLineNumber, "entity declarations are not allowed in figures"))
    try:
        parser.Parse(path.read_bytes(), True)
    except expat.ExpatError as error:
        return [(error.lineno, f"invalid SVG: {expat.ErrorString(error.code)}")]
    if not elements:
        return [(1, "the file has no SVG drawing")]
    root_name, root_attrs, _ = elements[0]
    if root_name != f"{SVG_NS} svg":
        problems.append((1, "the root element must be <svg> in the SVG namespace"))
    if "viewBox" not in root_attrs:
        problems.append((elements[0][2], "the <svg> element needs a viewBox so it scales on a phone"))
    title_index = next((i for i, (name, _, _) in enumerate(elements) if name == f"{SVG_NS} title"), None)
    if title_index is None:
        problems.append((elements[0][2], "the drawing needs a <title>"))
    for name, attrs, line in elements:
        local = name.rsplit(" ", 1)[-1]
        if local in FORBIDDEN_ELEMENTS:
            problems.append((line, f"<{local}> is not allowed in a figure"))
        for attr, value in attrs.items():
            attr_local = attr.rsplit(" ", 1)[-1]
            if attr_local.lower().startswith("on"):
                problems.append((line, f"event attribute '{attr_local}' is not allowed"))
            elif attr_local == "href" and not value.startswith("#"):
                problems.append((line, f"reference to '{value}' outside the drawing is not allowed"))
            elif OUTSIDE_URL.search(value):
                problems.append((line, "references outside the drawing (url(), @import) are not allowed"))
    styles = "".join(data for _, data in texts)
    if "@import" in styles or re.search(r"url\(\s*['\"]?(https?:|file:|//)", styles):
        problems.append((1, "style sheets must not load anything from outside the drawing"))
    return problems
