"""Find glossary terms a lesson uses in its running text but never links to the glossary.

A term counts as used when one of its forms appears as a whole word outside headings,
links, figures and code: the English name without a bracketed part, and the bracketed part
itself when it is a short name ("PPE" in "personal protective equipment (PPE)"). Forms
with capitals or digits inside (PPE, OPC UA, 5S) match only as written, the others in any
case; all allow a plural "s" or "es". Longer forms win, so "hot runner" is not also counted as "runner".

A word the author marks as not the glossary term, `[risk](glossary:-)`, is no use of it. A term
whose entry names `other_senses` may be meant in another sense anywhere, so a person decides:
such a term used but neither linked nor marked in a lesson is reported as undecided.
"""
from dataclasses import dataclass
import re

from upskill.curriculum.render import NOT_A_TERM, make_parser

BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^)]+)\)$")


WORD = re.compile(r"[\w/-]+")


class TermFinder:
    """Finds the glossary's English names in a text, word by word, longest name first."""

    def __init__(self, glossary_entries):
        self.exact, self.folded = {}, {}  # words of a form -> (key, form)
        self.ambiguous = {entry.get("key") for entry in glossary_entries if entry.get("other_senses")}
        for entry in glossary_entries:
            key, name = entry.get("key"), (entry.get("term") or {}).get("en")
            if isinstance(key, str) and isinstance(name, str):
                for form in _forms_of(name):
                    words = tuple(form.split())
                    if _is_abbreviation(form):
                        self.exact[words] = (key, form)
                    else:
                        self.folded[tuple(word.lower() for word in words)] = (key, form)
        self.longest = max((len(words) for words in [*self.exact, *self.folded]), default=0)

    def find(self, text):
        """Yield (key, form) for each term in text; a longer term hides the shorter ones inside it."""
        words = list(WORD.finditer(text))
        start = 0
        while start < len(words):
            found = self._longest_at(text, words, start)
            if found:
                length, hit = found
                yield hit
                start += length
            else:
                start += 1

    def _longest_at(self, text, words, start):
        for length in range(min(self.longest, len(words) - start), 0, -1):
            run = words[start:start + length]
            if any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue  # the words of a term are separated by single spaces only
            for candidate in _singulars([word[0] for word in run]):
                hit = self.exact.get(candidate) or self.folded.get(tuple(w.lower() for w in candidate))
                if hit:
                    return length, hit
        return None


def _singulars(words):
    """The words as written, then with a plural "s" or "es" taken off the last one."""
    yield tuple(words)
    last = words[-1]
    for ending in ("s", "es"):
        if last.endswith(ending) and len(last) > len(ending):
            yield (*words[:-1], last[: -len(ending)])


def _forms_of(name):
    match = BRACKETED.match(name)
    if not match:
        return [name]
    inner = match["inner"]
    forms = [match["name"]]
    if "," not in inner:
        forms.append(inner)
    return forms


def _is_abbreviation(form):
    """True for names such as PPE, OPC UA or 5S, which match only as written."""
    return any(char.isdigit() for char in form) or sum(char.isupper() for char in form) >= 2


@dataclass(frozen=True, order=True)
class UnlinkedTerm:
    """A glossary term a lesson uses without linking it: where, which, as written, and whether undecided."""

    line: int
    key: str
    form: str
    undecided: bool  # the term has other senses: link it or mark it, a person decides which


def unlinked_terms(text, first_line, finder):
    """Return an UnlinkedTerm for each term used in text but linked nowhere in it.

    The line is the first line where the term appears; each key is reported once.
    """
    linked, first_use, marked = set(), {}, set()
    for line, chunk, not_a_term in _running_text(text, first_line, linked):
        for key, form in finder.find(chunk):
            if not_a_term:
                marked.add(key)
            else:
                first_use.setdefault(key, (line, form))
    return sorted(
        UnlinkedTerm(line, key, form, key in finder.ambiguous)
        for key, (line, form) in first_use.items()
        if key not in linked and not (key in finder.ambiguous and key in marked)
    )


def _running_text(text, first_line, linked):
    """Yield (line, text, inside a not-a-term mark) for running text; note linked glossary keys."""
    in_heading = False
    for token in make_parser().parse(text):
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        if token.type != "inline":
            continue
        line = first_line + (token.map[0] if token.map else 0)
        link_depth, in_mark = 0, False
        for child in token.children or []:
            if child.type == "link_open":
                link_depth += 1
                href = child.attrGet("href") or ""
                if href == "glossary:" + NOT_A_TERM:
                    in_mark = True
                elif href.startswith("glossary:"):
                    linked.add(href.removeprefix("glossary:"))
            elif child.type == "link_close":
                link_depth -= 1
                in_mark = in_mark and link_depth > 0
            elif child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "text" and not in_heading and (in_mark or not link_depth):
                yield line, child.content, in_mark
