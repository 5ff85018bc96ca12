"""Check one Markdown text: headings, raw HTML, links, figures and boxes."""
import re
from dataclasses import dataclass, field

from upskill.curriculum.render import BOX_KINDS, NOT_A_TERM, make_parser

BOX_LINE = re.compile(r"^\s*:::\s*(?P<name>\S*)")


@dataclass
class MarkdownFindings:
    """What a check found: problems as (line, message) and the figure files used."""

    problems: list = field(default_factory=list)
    figures: set = field(default_factory=set)
    item_links: set = field(default_factory=set)  # item codes linked, without anchors


def check_markdown(text, first_line, block, glossary_keys, item_codes, figures):
    """Check text, whose first line is first_line of its file; item_codes maps code -> its anchors."""
    findings = MarkdownFindings()
    parser = make_parser()
    tokens = parser.parse(text) if block else [_inline_token(parser, text)]
    if block:
        _check_boxes(text, first_line, findings)
    level = 1
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            new_level = int(token.tag[1])
            if new_level == 1:
                findings.problems.append((line, "use '##' for headings: the page already shows the title as the top heading"))
            elif new_level > level + 1:
                findings.problems.append((line, f"heading jumps from h{level} to h{new_level}; do not skip a level"))
            level = new_level
        elif token.type == "html_block":
            findings.problems.append((line, "raw HTML is not allowed; use Markdown"))
        for child in token.children or []:
            _check_inline(child, line, glossary_keys, item_codes, figures, findings)
    return findings


def _inline_token(parser, text):
    tokens = parser.parse(text)
    inline = next((t for t in tokens if t.type == "inline"), None)
    return inline if inline is not None else tokens[0] if tokens else _Empty()


class _Empty:
    type, map, children = "empty", None, []


def _check_inline(token, line, glossary_keys, item_codes, figures, findings):
    problems = findings.problems
    if token.type == "html_inline":
        problems.append((line, "raw HTML is not allowed; use Markdown"))
    elif token.type == "link_open":
        href = token.attrGet("href") or ""
        if href.startswith("glossary:"):
            key = href.removeprefix("glossary:")
            if key not in glossary_keys and key != NOT_A_TERM:
                problems.append((line, f"link to unknown glossary key '{key}'"))
        elif href.startswith("item:"):
            code, _, anchor = href.removeprefix("item:").partition("#")
            if code not in item_codes:
                problems.append((line, f"link to unknown item '{code}'"))
            elif anchor and anchor not in item_codes[code]:
                problems.append((line, f"{code} has no heading with the anchor '#{anchor}'"))
            findings.item_links.add(code)
        elif href.startswith("http://"):
            problems.append((line, f"use an https:// link instead of '{href}'"))
        elif not href.startswith(("https://", "mailto:", "#")):
            problems.append((line, f"broken link '{href}': use https://..., glossary:<key> or item:<code>"))
    elif token.type == "image":
        src = token.attrGet("src") or ""
        name = src.removeprefix("figures/")
        if not src.startswith("figures/") or name not in figures:
            problems.append((line, f"image '{src}' not found in the module's figures/ folder"))
        else:
            findings.figures.add(name)
        if not "".join(c.content for c in token.children or []).strip():
            problems.append((line, f"image '{src}' needs alt text describing what it shows"))
        if not (token.attrGet("title") or "").strip():
            problems.append((line, f'image \'{src}\' needs a caption: ![alt]({src} "Caption")'))


def _check_boxes(text, first_line, findings):
    open_line = None
    for offset, raw in enumerate(text.splitlines()):
        match = BOX_LINE.match(raw)
        if not match:
            continue
        name = match["name"]
        if not name:
            if open_line is None:
                findings.problems.append((first_line + offset, "':::' closes a box that was never opened"))
            open_line = None
        elif open_line is not None:
            findings.problems.append((first_line + offset, "a box cannot start inside another box; close the first with ':::'"))
        elif name not in BOX_KINDS:
            findings.problems.append((first_line + offset, f"unknown box '{name}' (use one of: {', '.join(BOX_KINDS)})"))
        else:
            open_line = first_line + offset
    if open_line is not None:
        findings.problems.append((open_line, "box is not closed: add a ':::' line after it"))
