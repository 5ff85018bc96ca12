"""Passages of found texts with the words that matched marked, escaped for the page.

Texts come with their folded form (`fold()` keeps one character for one, so positions agree).
Only the words whose folded form starts with the root of a query word are stemmed to see
whether they match: a text of thousands of words costs a regular-expression scan.
"""
import html
import re
from functools import lru_cache

from markupsafe import Markup

from upskill.curriculum.stems import word_tokens

SNIPPET_BEFORE, SNIPPET_LENGTH = 80, 260


@lru_cache(maxsize=1024)
def _words_starting_with(roots):
    return re.compile(r"\b(?:" + "|".join(roots) + r")\w*")


def matching_words(text, folded, search_query):
    """Yield the (start, end) of every word of text that search_query matches."""
    for found in _words_starting_with(search_query.roots).finditer(folded):
        word = text[found.start():found.end()]
        if any(search_query.matches(token) for token in word_tokens(word, search_query.lang)):
            yield found.span()


def substrings(folded, terms):
    """Yield the (start, end) of every occurrence of each folded term."""
    for term in terms:
        at = folded.find(term)
        while at >= 0:
            yield at, at + len(term)
            at = folded.find(term, at + len(term))


def highlight(text, spans):
    """Escape text and wrap each span of it in <mark> (overlapping spans as one)."""
    pieces, at = [], 0
    for start, end in _merged(spans):
        pieces.append(html.escape(text[at:start]))
        pieces.append(f"<mark>{html.escape(text[start:end])}</mark>")
        at = end
    pieces.append(html.escape(text[at:]))
    return Markup("".join(pieces))


def _merged(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_words(text, folded, search_query):
    """Escape text and mark the words search_query matches."""
    return highlight(text, matching_words(text, folded, search_query))


def snippet(text, folded, search_query):
    """Return an escaped passage of text around the first word matched, matched words marked."""
    first = next(matching_words(text, folded, search_query), (0, 0))[0]
    start = max(0, first - SNIPPET_BEFORE)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > first else end
    passage = highlight_words(text[start:end], folded[start:end], search_query)
    return Markup(("… " if start else "") + passage + (" …" if end < len(text) else ""))
