"""Charts in the house style: pygal bar charts as inline SVG that is safe to insert and readable by everyone.

Every chart names itself (<title>, <desc>, role="img", aria-labelledby), carries no script, no
style element or attribute (the Content-Security-Policy allows neither) and no outside font: its
colours and type are presentation attributes. Bars differ in lightness and carry their values,
so a chart reads in greyscale; the template puts the table of the same numbers right after it.
"""
import re
import sys
from dataclasses import dataclass

import pygal
from lxml import etree
from markupsafe import Markup

# pygal adds an import hook for its map plugins that only has the old find_module(), so that every
# later import which misses (an optional accelerator, say) warns; no map plugin is used here.
sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, pygal.PluginImportFixer)]

SVG = "http://www.w3.org/2000/svg"
WIDTH = 420
BAR_HEIGHT = 46  # per label (per bar group); the chart grows with its labels
LABEL_CHARS = 18
FONT = "DejaVu Sans, Verdana, sans-serif"
INK = "#1a1a1a"
# Dark to light, each with the colour its value is written in.
SERIES_COLOURS = (("#1f4e8c", "#ffffff"), ("#9cc0ea", "#000000"), ("#5a5a5a", "#ffffff"), ("#d9d9d9", "#000000"))
CHART_ID = re.compile(r"^[a-z][a-z0-9-]{0,60}$")
LONG_DECIMALS = re.compile(r"(\.\d)\d+")
GEOMETRY = ("x", "y", "width", "height", "d", "transform", "viewBox")


@dataclass(frozen=True)
class Chart:
    """A chart ready for a page: its id (unique on the page), its SVG and what it says in words."""

    id: str
    title: str
    description: str
    svg: Markup


def bar_chart(chart_id, title, description, labels, series, stacked=False, maximum=None, counts=False):
    """A horizontal bar chart of series [(name, [value per label])], stacked or side by side.

    maximum fixes the end of the scale (5 for ratings); counts marks the scale in whole numbers.
    """
    if not CHART_ID.fullmatch(chart_id):
        raise ValueError(f"not a chart id: {chart_id!r}")
    kind = pygal.HorizontalStackedBar if stacked else pygal.HorizontalBar
    chart = kind(
        js=[], css=[], disable_xml_declaration=True, explicit_size=False, width=WIDTH,
        height=80 + BAR_HEIGHT * max(len(labels), 1) * (1 if stacked else max(len(series), 1)) ** 0.7,
        show_legend=len(series) > 1, legend_at_bottom=True, legend_at_bottom_columns=1, print_values=True,
        print_zeroes=False, truncate_legend=30, show_y_guides=False,
        range=(0, maximum) if maximum else None, include_x_axis=True, value_formatter=lambda v: f"{v:g}",
        style=_style(len(series)))
    # pygal draws the first label at the bottom: hand them over last first, to read from the top.
    chart.x_labels = [_short(label) for label in reversed(labels)]
    for name, values in series:
        chart.add(name, list(reversed(values)))
    if counts:
        chart.y_labels = _whole_steps(series, stacked)
    return Chart(chart_id, title, description, Markup(_cleaned(chart.render(is_unicode=True), chart_id, title,
                                                                 description, len(series))))


def _whole_steps(series, stacked):
    """Scale marks in whole numbers, at most about six of them, from 0 past the longest bar."""
    rows = zip(*(values for _name, values in series))
    longest = max((sum(v or 0 for v in row) if stacked else max((v or 0 for v in row), default=0)
                   for row in rows), default=0)
    step = max(1, -(-int(longest) // 5))
    return list(range(0, int(longest) + step + 1, step)) if longest else [0, 1]


def _short(label):
    """A label cut to fit beside the bars at 360 px (the table beside the chart has it whole)."""
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"


def _style(count):
    return pygal.style.Style(
        background="#ffffff", plot_background="#ffffff", foreground=INK, foreground_strong=INK,
        foreground_subtle="#555555", colors=tuple(colour for colour, _ink in SERIES_COLOURS[:count]) or ("#1f4e8c",),
        font_family=FONT, label_font_size=17, major_label_font_size=17, value_font_size=17, legend_font_size=17,
        title_font_size=18, opacity="1", opacity_hover="1")


def _cleaned(svg, chart_id, title, description, series_count):
    """The SVG with our names and colours, without scripts, styles, comments or pygal's tooltip data."""
    root = etree.fromstring(svg.encode(), etree.XMLParser(resolve_entities=False, no_network=True,
                                                           remove_comments=True))
    for element in list(root.iter()):
        name = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if name in ("script", "style", "defs", "title", "desc", "foreignObject", "a") or "tooltip" in element.get(
                "class", "").split():
            element.getparent().remove(element)
    for element in root.iter():
        for attribute in list(element.attrib):
            if attribute == "style" or attribute.startswith("on") or "href" in attribute:
                del element.attrib[attribute]
    _paint(root, series_count)
    _slim(root)
    root.set("id", chart_id)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    root.set("width", "100%")
    root.set("preserveAspectRatio", "xMinYMin meet")
    root.set("font-family", FONT)
    root.set("class", "chart")
    for position, (name, text) in enumerate((("title", title), ("desc", description))):
        element = etree.Element(f"{{{SVG}}}{name}", id=f"{chart_id}-{name}")
        element.text = str(text)
        root.insert(position, element)
    return etree.tostring(root, encoding="unicode")


def _paint(root, series_count):
    """Give bars their fill and outline, values and guides their ink, as attributes (inherited where possible)."""
    root.set("fill", INK)
    root.set("font-size", "17")
    for element in root.iter(f"{{{SVG}}}*"):
        classes = element.get("class", "").split()
        name = etree.QName(element).localname
        if name == "g" and "axis" in classes:
            element.set("text-anchor", "end" if "y" in classes else "middle")
        series = next((int(c.removeprefix("color-")) for c in classes if c.startswith("color-")), None)
        if series is not None:
            fill, ink = SERIES_COLOURS[series % len(SERIES_COLOURS)]
            holds_values = name == "g" and next(element.iter(f"{{{SVG}}}text"), None) is not None
            if holds_values:
                element.set("fill", ink)
                element.set("font-weight", "bold")
            else:
                element.set("fill", fill)
                element.set("stroke", INK)
        if "background" in classes:
            element.set("fill", "#ffffff")
        if "line" in classes:
            element.set("stroke", "#767676")
            element.set("fill", "none")
            if "guide" in classes:
                element.set("stroke-dasharray", "4,4")


def _slim(root):
    """Drop what only pygal's own style sheet and script used, and round coordinates to a tenth of a unit."""
    for element in root.iter():
        for name in ("class", "rx", "ry", "id"):  # pygal's ids would repeat on a page of several charts
            element.attrib.pop(name, None)
        for name in GEOMETRY:
            if name in element.attrib:
                element.set(name, LONG_DECIMALS.sub(r"\1", element.get(name)))

