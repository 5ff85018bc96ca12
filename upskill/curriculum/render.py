"""Render curriculum Markdown to sanitised HTML: figures, glossary and item links, boxes."""
import html
import re
from functools import cache

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin

from upskill.curriculum.source import figure_file

# Bump when the rendered HTML changes shape, so the next sync re-renders every item.
RENDER_VERSION = "9"

# `[risk](glossary:-)`: the author says the word is not the glossary term here.
NOT_A_TERM = "-"
# Phones (the site's narrow layout) get a figure's narrow variant when it has one.
NARROW_MEDIA = "(max-width: 40rem)"

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
    "hr", "br", "sup", "sub", "span", "picture", "source",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "class", "title"},
    "img": {"src", "alt", "loading"},
    "div": {"class", "role", "aria-label"},
    "p": {"class"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
    "th": {"class"}, "td": {"class"},
    "ol": {"start"},
    "figure": {"class", "id"},
    "span": {"class"},
    "source": {"media", "srcset"},
}
URL_SCHEMES = {"https", "http", "mailto"}


def heading_ids(text):
    """Return the anchors of a text's headings, in order, as its page shows them."""
    return [t.attrGet("id") for t in make_parser().parse(text or "") if t.type == "heading_open" and t.attrGet("id")]


def _use_master_anchors(state):
    """Give a translation's headings the anchors of the English headings in the same places.

    So `item:M03.L2#the-law-behind-the-ce-mark` opens the same section in every language.
    """
    anchors = state.env.get("heading_anchors") if isinstance(state.env, dict) else None
    headings = [t for t in state.tokens if t.type == "heading_open" and t.attrGet("id")]
    if anchors and len(anchors) == len(headings):
        for token, anchor in zip(headings, anchors):
            token.attrSet("id", anchor)


def _alignment_as_class(state):
    """Turn a table column's style="text-align:right" into class="align-right": the site's CSP allows no inline style."""
    for token in state.tokens:
        style = token.attrGet("style") if token.type in ("th_open", "td_open") else None
        if style and (match := re.fullmatch(r"text-align:(left|center|right)", style)):
            token.attrs.pop("style")
            token.attrSet("class", f"align-{match[1]}")


@cache
def make_parser():
    """Return the Markdown parser used for every curriculum text."""
    parser = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
    parser.use(anchors_plugin, min_level=2, max_level=3)
    parser.core.ruler.push("not_a_term", _drop_not_a_term_links)
    parser.core.ruler.push("master_anchors", _use_master_anchors)
    parser.core.ruler.push("align_classes", _alignment_as_class)
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
    return sanitise(make_parser().render(text or "", {**context, "rendering": True}))


def render_inline(text, context):
    """Render one line of Markdown (a step, an option) to safe inline HTML."""
    return sanitise(make_parser().renderInline(text or "", {**context, "rendering": True}))


def sanitise(markup):
    """Keep only the allow-listed tags and attributes."""
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        attribute_filter=_only_own_srcset,
    )


def _only_own_srcset(tag, attribute, value):
    """Keep a srcset only when it names one of our own figures (nh3 does not check its URLs)."""
    if attribute == "srcset" and not re.fullmatch(r"/curriculum/M\d{2}/figures/[a-z0-9._-]+\.svg", value):
        return None
    return value


ZOOM_HINT = re.compile(r'<span class="zoom-hint">.*?</span>')


def plain_text(markup):
    """Return the readable text of rendered HTML, on one line, without the page's own hints."""
    text = re.sub(r"<[^>]+>", " ", ZOOM_HINT.sub("", markup))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def item_url(code):
    """Return the student-view path of an item code such as M04, M04.L2 or M03.L2#an-anchor."""
    code, _, anchor = code.partition("#")
    module, _, short = code.partition(".")
    path = f"/curriculum/{module}/{short}/" if short else f"/curriculum/{module}/"
    return path + (f"#{anchor}" if anchor else "")


def _drop_not_a_term_links(state):
    """Turn `[word](glossary:-)` into the plain word when rendering (the checks still see the mark)."""
    if not state.env.get("rendering"):
        return
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        kept, depth_of_dropped = [], []
        for child in token.children:
            if child.type == "link_open":
                dropped = child.attrGet("href") == "glossary:" + NOT_A_TERM
                depth_of_dropped.append(dropped)
                if dropped:
                    continue
            elif child.type == "link_close" and depth_of_dropped.pop():
                continue
            kept.append(child)
        token.children = kept


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
    if not (token.meta.get("figure") and caption and env.get("module")):
        return image
    name = src.rsplit("/", 1)[-1]
    folder = src.removesuffix(name)
    lang = env.get("lang", "en")
    translated = env.get("translated_figures", ())
    shown = figure_file(name, lang) if figure_file(name, lang) in translated else name
    image = f'<img src="{html.escape(folder + shown)}" alt="{html.escape(alt)}" loading="lazy">'
    narrow = figure_file(name, lang, narrow=True)
    if narrow not in translated:
        has_english_narrow = shown == name and name in env.get("narrow_figures", ())
        narrow = figure_file(name, narrow=True) if has_english_narrow else None
    if narrow:
        image = f'<picture><source media="{NARROW_MEDIA}" srcset="{html.escape(folder + narrow)}">{image}</picture>'
    if "figures_found" in env:
        env["figures_found"].append({"name": name, "file": shown, "alt": alt, "caption": caption})
    hint = ZOOM_HINTS.get(env.get("lang", "en"), ZOOM_HINTS["en"])
    return (
        f'<a class="figure-zoom" href="{html.escape(figure_view_url(env, name))}">{image}</a>'
        f'<figcaption>{html.escape(caption)} <span class="zoom-hint">({html.escape(hint)})</span></figcaption>'
    )


def figure_anchor(name):
    """Return the id of a figure in its page: fig-machine-units for machine-units.svg."""
    return "fig-" + name.removesuffix(".svg")


def figure_view_url(env, name):
    """Return the address of the full-size view of a figure, or of the SVG itself outside an item."""
    if not env.get("item"):
        return f"/curriculum/{env['module']}/figures/{name}"
    return f"/curriculum/{env['module']}/{env['item']}/figures/{name.removesuffix('.svg')}/"


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
        name = (image.attrGet("src") or "").rsplit("/", 1)[-1]
        return f'<figure class="figure" id="{html.escape(figure_anchor(name))}">'
    return self.renderToken(tokens, idx, options, env)


def _render_paragraph_close(self, tokens, idx, options, env):
    if idx >= 2 and tokens[idx - 2].type == "paragraph_open" and _sole_image(tokens, idx - 2):
        return "</figure>\n"
    return self.renderToken(tokens, idx, options, env)
