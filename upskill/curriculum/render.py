"""Render curriculum Markdown to sanitised HTML: figures, glossary and item links, boxes."""
import html
import re
from functools import cache

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin

# Bump when the rendered HTML changes shape, so the next sync re-renders every item.
RENDER_VERSION = "5"

BOX_KINDS = ("safety", "example", "tip", "note")
BOX_TITLES = {
    "safety": {"en": "Safety", "lt": "Sauga", "fi": "Turvallisuus", "fr": "Sécurité"},
    "example": {"en": "Worked example", "lt": "Pavyzdys", "fi": "Esimerkki", "fr": "Exemple"},
    "tip": {"en": "Tip", "lt": "Patarimas", "fi": "Vinkki", "fr": "Astuce"},
    "note": {"en": "Note", "lt": "Pastaba", "fi": "Huomio", "fr": "Remarque"},
}

# Figures are drawn for a desktop column; on a phone the reader taps one to see it full size.
ZOOM_HINTS = {
    "en": "tap the figure to enlarge it",
    "lt": "bakstelėkite paveikslą, kad padidintumėte",
    "fi": "suurenna kuva napauttamalla",
    "fr": "touchez la figure pour l'agrandir",
}

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote",
    "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "div",
    "hr", "br", "sup", "sub", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "class", "title"},
    "img": {"src", "alt", "loading"},
    "div": {"class", "role", "aria-label"},
    "p": {"class"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
    "th": {"style"}, "td": {"style"},
    "ol": {"start"},
    "figure": {"class"},
    "span": {"class"},
}
URL_SCHEMES = {"https", "http", "mailto"}


@cache
def make_parser():
    """Return the Markdown parser used for every curriculum text."""
    parser = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
    parser.use(anchors_plugin, min_level=2, max_level=3)
    for kind in BOX_KINDS:
        parser.use(container_plugin, name=kind, render=_render_box)
    for rule, render in (
        ("link_open", _render_link_open),
        ("image", _render_image),
        ("paragraph_open", _render_paragraph_open),
        ("paragraph_close", _render_paragraph_close),
        ("table_open", lambda self, t, i, o, e: '<div class="table-wrap"><table>\n'),
        ("table_close", lambda self, t, i, o, e: "</table></div>\n"),
    ):
        parser.add_render_rule(rule, render)
    return parser


def render_block(text, context):
    """Render a Markdown body to safe HTML; context holds lang, module and glossary."""
    return sanitise(make_parser().render(text or "", dict(context)))


def render_inline(text, context):
    """Render one line of Markdown (a step, an option) to safe inline HTML."""
    return sanitise(make_parser().renderInline(text or "", dict(context)))


def sanitise(markup):
    """Keep only the allow-listed tags and attributes."""
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        filter_style_properties={"text-align"},
    )


ZOOM_HINT = re.compile(r'<span class="zoom-hint">.*?</span>')


def plain_text(markup):
    """Return the readable text of rendered HTML, on one line, without the page's own hints."""
    text = re.sub(r"<[^>]+>", " ", ZOOM_HINT.sub("", markup))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def item_url(code):
    """Return the student-view path of an item code such as M04 or M04.L2."""
    module, _, short = code.partition(".")
    return f"/curriculum/{module}/{short}/" if short else f"/curriculum/{module}/"


def _render_box(self, tokens, idx, options, env):
    token = tokens[idx]
    if token.nesting == 1:
        kind = token.info.strip().split(" ", 1)[0]
        title = BOX_TITLES[kind].get(env.get("lang", "en"), BOX_TITLES[kind]["en"])
        return (
            f'<div class="box box-{kind}" role="note" aria-label="{html.escape(title)}">'
            f'<p class="box-title">{html.escape(title)}</p>\n'
        )
    return "</div>\n"


def _render_link_open(self, tokens, idx, options, env):
    token = tokens[idx]
    href = token.attrGet("href") or ""
    if href.startswith("glossary:"):
        key = href.removeprefix("glossary:")
        token.attrSet("href", f"/glossary/#{key}")
        token.attrSet("class", "term")
        definition = env.get("glossary", {}).get(key)
        if definition:
            token.attrSet("title", definition)
    elif href.startswith("item:"):
        token.attrSet("href", item_url(href.removeprefix("item:")))
    return self.renderToken(tokens, idx, options, env)


def _render_image(self, tokens, idx, options, env):
    token = tokens[idx]
    src = token.attrGet("src") or ""
    if src.startswith("figures/") and env.get("module"):
        src = f"/curriculum/{env['module']}/{src}"
    alt = self.renderInlineAsText(token.children or [], options, env)
    image = f'<img src="{html.escape(src)}" alt="{html.escape(alt)}" loading="lazy">'
    caption = token.attrGet("title")
    if token.meta.get("figure") and caption:
        hint = ZOOM_HINTS.get(env.get("lang", "en"), ZOOM_HINTS["en"])
        return (
            f'<a class="figure-zoom" href="{html.escape(src)}">{image}</a>'
            f'<figcaption>{html.escape(caption)} <span class="zoom-hint">({html.escape(hint)})</span></figcaption>'
        )
    return image


def _sole_image(tokens, idx):
    """Return the image token when the paragraph at idx holds nothing but one image."""
    inline = tokens[idx + 1] if idx + 1 < len(tokens) else None
    children = [c for c in (inline.children or []) if not (c.type == "text" and not c.content.strip())] if inline else []
    if len(children) == 1 and children[0].type == "image":
        return children[0]
    return None


def _render_paragraph_open(self, tokens, idx, options, env):
    image = _sole_image(tokens, idx)
    if image is not None:
        image.meta["figure"] = True
        return '<figure class="figure">'
    return self.renderToken(tokens, idx, options, env)


def _render_paragraph_close(self, tokens, idx, options, env):
    if idx >= 2 and tokens[idx - 2].type == "paragraph_open" and _sole_image(tokens, idx - 2):
        return "</figure>\n"
    return self.renderToken(tokens, idx, options, env)
