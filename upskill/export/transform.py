"""Adapt the site's rendered HTML for a book: links inside the book, unique ids, numbered figures.

The HTML is our own, sanitised at sync time, so its shapes are known: these rewrites only ever
meet markup that `upskill.curriculum.render` produced.
"""
import html
import re

ZOOM_LINK = re.compile(r'<a class="figure-zoom" href="[^"]*"[^>]*>(.*?)</a>', re.S)
ZOOM_HINT = re.compile(r'\s*<span class="zoom-hint">.*?</span>', re.S)
NARROW_SOURCE = re.compile(r"<source [^>]*>")
PICTURE = re.compile(r"</?picture>")
ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', re.S)
ITEM_PATH = re.compile(r"^/curriculum/(M\d{2})/(?:([A-Z]\d{0,2})/)?(?:#(.*))?$")
FIGCAPTION = re.compile(r"<figcaption>")


class BookLinks:
    """Where each kind of link points inside one book, and the running figure number."""

    def __init__(self, codes, glossary_keys, figure_label):
        self.codes = codes
        self.glossary_keys = glossary_keys
        self.figure_label = figure_label
        self.figures = 0

    def adapt(self, markup, code):
        """Return markup of the item code made fit for the book."""
        prefix = code.replace(".", "-") + "--"
        markup = ZOOM_LINK.sub(r"\1", markup)
        markup = ZOOM_HINT.sub("", markup)
        markup = NARROW_SOURCE.sub("", PICTURE.sub("", markup))  # paper has room for the wide figure
        markup = ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', markup)
        markup = HREF.sub(lambda m: self._link(m, prefix), markup)
        return FIGCAPTION.sub(self._number_figure, markup)

    def _link(self, match, prefix):
        href, attrs, text = match.groups()
        target = self._target(html.unescape(href), prefix)
        if target is None:
            return f'<span class="link-text">{text}</span>'
        return f'<a href="{html.escape(target)}"{attrs}>{text}</a>'

    def _target(self, href, prefix):
        if href.startswith("https://") or href.startswith("mailto:"):
            return href
        if href.startswith("#"):
            return "#" + prefix + href[1:]
        if href.startswith("/glossary/#"):
            key = href.removeprefix("/glossary/#")
            return f"#term-{key}" if key in self.glossary_keys else None
        found = ITEM_PATH.match(href)
        if found:
            module, short, anchor = found.groups()
            code = f"{module}.{short}" if short else module
            if code in self.codes:
                item_anchor = code.replace(".", "-")
                return f"#{item_anchor}--{anchor}" if anchor else f"#{item_anchor}"
        return None  # a page that is not in this book: the words stay, the link goes

    def _number_figure(self, _match):
        self.figures += 1
        return f'<figcaption><span class="figure-number">{html.escape(self.figure_label)} {self.figures}.</span> '
