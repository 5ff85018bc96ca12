"""Check that a translation names each glossary term it links by that language's glossary name.

The glossary is the terminology authority: a Lithuanian lesson that links `glossary:barrel` should
call it a "cilindras" (in any case: "cilindro", "cilindre"), not a "vamzdis". Inflected forms are
matched on their stems (upskill.curriculum.stems); the link text may hold more words around the name
("įkaitusio cilindro"). Forms that stems do not reach, such as a plural that changes the word,
are listed in the glossary entry under `forms: {lt: [...]}`.
"""
import re
from dataclasses import dataclass

from upskill.curriculum.render import NOT_A_TERM, make_parser
from upskill.curriculum.stems import same_word, tokens

BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^)]+)\)$")


@dataclass(frozen=True)
class MisnamedTerm:
    """A glossary link whose text is not a form of the term's name in the text's language."""

    line: int
    key: str
    text: str
    name: str


class TermNames:
    """The accepted names of every glossary term in one language, as runs of stems."""

    def __init__(self, glossary_entries, lang):
        self.lang = lang
        self.names, self.forms = {}, {}
        for entry in glossary_entries:
            key, name = entry.get("key"), (entry.get("term") or {}).get(lang)
            if not isinstance(key, str) or not isinstance(name, str):
                continue
            listed = ((entry.get("forms") or {}).get(lang)) or []
            self.names[key] = name
            self.forms[key] = [tokens(form, lang) for form in (*_names_in(name), *listed) if tokens(form, lang)]

    def accepts(self, key, text):
        """Tell whether text names the term (any accepted form, inflected, with words around it)."""
        if key not in self.forms:
            return True  # no name in this language yet: nothing to hold the text to
        words = tokens(text, self.lang)
        return any(_holds(words, form) for form in self.forms[key])


def misnamed_terms(body, first_line, names):
    """Yield a MisnamedTerm for each glossary link in body whose text is not a form of the term's name."""
    for line, key, text in glossary_links(body, first_line):
        if not names.accepts(key, text):
            yield MisnamedTerm(line, key, text, names.names[key])


def glossary_links(body, first_line):
    """Yield (line, key, link text) for every glossary link in a Markdown body."""
    for token in make_parser().parse(body):
        if token.type != "inline":
            continue
        line = first_line + (token.map[0] if token.map else 0)
        key, text = None, []
        for child in token.children or []:
            if child.type == "link_open" and (child.attrGet("href") or "").startswith("glossary:"):
                key, text = child.attrGet("href").removeprefix("glossary:"), []
            elif child.type == "link_close" and key is not None:
                if key != NOT_A_TERM:
                    yield line, key, "".join(text)
                key = None
            elif key is not None and child.type in ("text", "code_inline"):
                text.append(child.content)


def _names_in(name):
    """A name, and the two halves of one with a bracketed part: "parizonas (vamzdinis ruošinys)"."""
    match = BRACKETED.match(name)
    return [name] if not match else [name, match["name"], match["inner"]]


def _holds(words, form):
    """Tell whether the run of stems form appears in words, word for word."""
    for start in range(len(words) - len(form) + 1):
        if all(same_word(word, part) for word, part in zip(words[start:start + len(form)], form)):
            return True
    return False
