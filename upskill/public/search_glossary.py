"""The glossary side of a search: terms that hold the query's words, and names close to them.

What the matching needs of each term (folded names and definition, stems and words of its
names) is worked out once per content version and language, not on every query.
"""
import difflib
from dataclasses import dataclass, field

from markupsafe import Markup

from upskill.collation import sort_key
from upskill.curriculum.stems import WORD, tokens
from upskill.curriculum.text import fold
from upskill.public import services
from upskill.public.page_cache import cached_value
from upskill.public.search_query import MAX_WORDS, MIN_WORD, parse
from upskill.public.search_snippets import highlight, substrings

MAX_SUGGESTIONS = 8
CLOSENESS = 0.8  # difflib's ratio from which a name's word counts as a misspelling of the query's


@dataclass(frozen=True)
class GlossaryEntry:
    """A term as the search sees it in one language."""

    key: str
    name: str
    name_lang: str
    definition: str
    definition_lang: str
    haystack: str  # the folded names in every language and the definition


@dataclass
class GlossaryIndex:
    """The glossary of one content version in one language, ready for matching."""

    entries: dict = field(default_factory=dict)  # key -> GlossaryEntry
    name_stems: dict = field(default_factory=dict)  # lang -> {token: {keys}}, for the page's language and English
    name_words: dict = field(default_factory=dict)  # folded word of a name -> {keys}


@dataclass
class TermHit:
    """A glossary term that matches the query."""

    key: str
    term: Markup
    definition: Markup
    name_lang: str
    definition_lang: str


@dataclass(frozen=True)
class Suggestion:
    """A glossary term whose name is close to a word of a query that found nothing."""

    key: str
    name: str
    lang: str


def glossary_index(lang):
    """Return the GlossaryIndex of the current content version in lang, built on a miss."""
    return cached_value(("search-glossary", lang), lambda: _build_index(services.glossary_terms(), lang))


def _build_index(terms, lang):
    index = GlossaryIndex()
    for term in terms:
        name_lang = lang if term.terms.get(lang) else "en"
        definition_lang = lang if term.definitions.get(lang) else "en"
        definition = term.definitions[definition_lang]
        index.entries[term.key] = GlossaryEntry(
            term.key, term.terms[name_lang], name_lang, definition, definition_lang,
            fold(" ".join([*term.terms.values(), definition])),
        )
        for code in dict.fromkeys((lang, "en")):
            name = term.terms.get(code, "")
            for token in tokens(name, code):
                index.name_stems.setdefault(code, {}).setdefault(token, set()).add(term.key)
            for word in WORD.findall(fold(name)):
                index.name_words.setdefault(word, set()).add(term.key)
    return index


def query_terms(query):
    """Split a query into folded search terms of at least two characters."""
    terms = []
    for word in query.split():
        folded = fold(word.strip(".,;:!?\"'()"))
        if len(folded) >= MIN_WORD and folded not in terms:
            terms.append(folded)
    return terms[:MAX_WORDS]


def search_glossary(query, index, lang):
    """Return the glossary terms whose names (any language) or definition hold every query word."""
    words = query_terms(query)
    if not words:
        return []
    hits = [
        TermHit(entry.key, highlight(entry.name, substrings(fold(entry.name), words)),
                highlight(entry.definition, substrings(fold(entry.definition), words)), entry.name_lang,
                entry.definition_lang)
        for entry in index.entries.values() if all(word in entry.haystack for word in words)
    ]
    return sorted(hits, key=lambda hit: sort_key(index.entries[hit.key].name, lang))


def similar_terms(query, index, lang):
    """Return the terms whose name in lang or English shares a stem with a query word, or nearly its spelling."""
    keys = set()
    for code, stems in index.name_stems.items():
        search_query = parse(query, code)
        keys.update(key for token, found in stems.items() if search_query.matches(token) for key in found)
    for word in query_terms(query):
        for close in difflib.get_close_matches(word, index.name_words, n=MAX_SUGGESTIONS, cutoff=CLOSENESS):
            keys.update(index.name_words[close])
    entries = sorted((index.entries[key] for key in keys), key=lambda entry: sort_key(entry.name, lang))
    return [Suggestion(entry.key, entry.name, entry.name_lang) for entry in entries[:MAX_SUGGESTIONS]]
