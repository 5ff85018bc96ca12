"""Check that every figure can be read on a phone, in its own drawing or in a narrow variant.

A figure fills the text column: about 302 CSS px in a 360 px phone. Its smallest text then shows
at font-size x 302 / viewBox width, which must be at least 11 px. A figure drawn for a desktop
column meets this through `name.narrow.svg` beside it, which the site shows on phones.
"""
import re
from xml.parsers import expat

from upskill.curriculum.source import FIGURE_FILE, figure_file

PHONE_FIGURE_WIDTH = 302
MIN_TEXT_PX = 11
DEFAULT_FONT_SIZE = 16.0
SIZE = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>px|em|%)?\s*$")
STYLE_FONT_SIZE = re.compile(r"font-size\s*:\s*([^;]+)")


def figure_problems(module):
    """Return (path, line, message) for every figure of the module that a phone cannot show legibly."""
    problems = []
    for name, path in module.figures.items():
        problems.extend(_legibility(name, path, module.narrow_figures.get(name)))
    for name, path in module.narrow_figures.items():
        if name not in module.figures:
            problems.append((path, 1, f"narrow variant of a figure that does not exist: {name}"))
    problems.extend(_translated_figure_problems(module))
    return problems


def _translated_figure_problems(module):
    """A translated figure needs its master, and its own narrow variant where the master has one."""
    problems = []
    for file_name, path in module.translated_figures.items():
        match = FIGURE_FILE.match(file_name)
        name, lang = match["stem"] + ".svg", match["lang"]
        if name not in module.figures:
            problems.append((path, 1, f"translation of a figure that does not exist: {name}"))
        elif match["narrow"]:
            if name not in module.narrow_figures:
                problems.append((path, 1, f"{name} has no narrow variant in English to translate"))
            if figure_file(name, lang) not in module.translated_figures:
                problems.append((path, 1, f"narrow translation without its wide one: draw {figure_file(name, lang)}"))
        else:
            narrow = module.translated_figures.get(figure_file(name, lang, narrow=True))
            if name in module.narrow_figures and narrow is None:
                problems.append((path, 1, f"the English figure has a narrow variant: translate it too, as "
                                          f"{figure_file(name, lang, narrow=True)}"))
            problems.extend(_legibility(name, path, narrow))
    return problems


def _legibility(name, path, narrow):
    """Return the problem, if any, of a figure whose smallest text is too small on a phone."""
    target = narrow or path
    reading = smallest_text(target)
    if reading is None:
        return []
    width, size, line = reading
    shown = size * PHONE_FIGURE_WIDTH / width
    if shown >= MIN_TEXT_PX:
        return []
    needed = MIN_TEXT_PX * width / PHONE_FIGURE_WIDTH
    if narrow:
        message = (f"text of font-size {size:g} shows at {shown:.1f} px on a phone; the narrow variant "
                   f"needs at least {needed:.1f} in its {width:g}-wide viewBox")
    else:
        message = (f"text of font-size {size:g} shows at {shown:.1f} px on a phone: draw a narrow variant "
                   f"{name.removesuffix('.svg')}.narrow.svg (for example 360 wide with text of at least "
                   f"{MIN_TEXT_PX * 360 / PHONE_FIGURE_WIDTH:.1f})")
    return [(target, line, message)]


def smallest_text(path):
    """Return (viewBox width, smallest effective font-size, its line) of an SVG, or None."""
    reader = _TextSizes()
    parser = expat.ParserCreate()
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = lambda data: reader.text(data, parser.CurrentLineNumber)
    try:
        parser.Parse(path.read_bytes(), True)
    except expat.ExpatError:
        return None  # the SVG check reports the broken file
    if not reader.width or reader.smallest is None:
        return None
    return reader.width, *reader.smallest


class _TextSizes:
    """Follows the inherited font-size down the element tree and notes the smallest text."""

    def __init__(self):
        self.names, self.sizes = [], []
        self.width, self.smallest = None, None

    def start(self, name, attrs):
        local = name.rsplit(":", 1)[-1]
        if self.width is None and local == "svg":
            self.width = _viewbox_width(attrs.get("viewBox"))
        self.names.append(local)
        self.sizes.append(_font_size(attrs, self.sizes[-1] if self.sizes else DEFAULT_FONT_SIZE))

    def end(self, name):
        self.names.pop()
        self.sizes.pop()

    def text(self, data, line):
        if data.strip() and any(name in ("text", "tspan", "textPath") for name in self.names):
            if self.smallest is None or self.sizes[-1] < self.smallest[0]:
                self.smallest = (self.sizes[-1], line)


def _font_size(attrs, parent):
    values = [attrs.get("font-size")]
    if style := STYLE_FONT_SIZE.search(attrs.get("style", "")):
        values.append(style.group(1))  # a style attribute wins over the presentation attribute
    size = parent
    for value in values:
        match = SIZE.match(value or "")
        if match:
            number = float(match["number"])
            size = {"em": number * parent, "%": number * parent / 100}.get(match["unit"], number)
    return size


def _viewbox_width(value):
    parts = re.split(r"[\s,]+", (value or "").strip())
    try:
        return float(parts[2]) if len(parts) == 4 and float(parts[2]) > 0 else None
    except ValueError:
        return None
