"""Find glossary terms a lesson uses in its running text but never links to the glossary.

A term counts as used when one of its forms appears as a whole word outside headings,
links, figures and code: the English name without a bracketed part, and the bracketed part
itself when it is a short name ("PPE" in "personal protective equipment (PPE)"). Forms
with capitals or digits inside (PPE, OPC UA, 5S) match only as written, the others in any
case; all allow a plural "s" or "es". Longer forms win, so "hot runner" is not also counted as "runner".
"""
import re
from dataclasses import dataclass

from upskill.curriculum.render import make_parser

BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^)]+)\)$")


@dataclass(frozen=True)
class TermForm:
    key: str
    form: str
    pattern: re.Pattern


def term_forms(glossary_entries):
    """Return the matchable forms of the glossary's English names, longest first."""
    forms = []
    for entry in glossary_entries:
        key, name = entry.get("key"), (entry.get("term") or {}).get("en")
        if isinstance(key, str) and isinstance(name, str):
            forms.extend(TermForm(key, form, _pattern(form)) for form in _forms_of(name))
    return sorted(forms, key=lambda form: -len(form.form))


def _forms_of(name):
    match = BRACKETED.match(name)
    if not match:
        return [name]
    inner = match["inner"]
    forms = [match["name"]]
    if "," not in inner:
        forms.append(inner)
    return forms


def _pattern(form):
    flags = 0 if _is_abbreviation(form) else re.IGNORECASE
    return re.compile(r"(?<![\w/-])" + re.escape(form) + r"(?:s|es)?(?![\w/-])", flags)


def _is_abbreviation(form):
    """True for names such as PPE, OPC UA or 5S, which match only as written."""
    return any(char.isdigit() for char in form) or sum(char.isupper() for char in form) >= 2


def unlinked_terms(text, first_line, forms):
    """Return (line, key, form) for each term used in text but linked nowhere in it.

    The line is the first line where the term appears; each key is reported once.
    """
    linked, first_use = set(), {}
    for line, chunk in _running_text(text, first_line, linked):
        for form in forms:
            for match in form.pattern.finditer(chunk):
                first_use.setdefault(form.key, (line, form.form))
                chunk = chunk[: match.start()] + " " * len(match[0]) + chunk[match.end():]
    return sorted((line, key, form) for key, (line, form) in first_use.items() if key not in linked)


def _running_text(text, first_line, linked):
    """Yield (line, text) for plain running text; add every glossary key linked to linked."""
    in_heading = False
    for token in make_parser().parse(text):
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        if token.type != "inline":
            continue
        line = first_line + (token.map[0] if token.map else 0)
        link_depth = 0
        for child in token.children or []:
            if child.type == "link_open":
                link_depth += 1
                href = child.attrGet("href") or ""
                if href.startswith("glossary:"):
                    linked.add(href.removeprefix("glossary:"))
            elif child.type == "link_close":
                link_depth -= 1
            elif child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "text" and not link_depth and not in_heading:
                yield line, child.content
