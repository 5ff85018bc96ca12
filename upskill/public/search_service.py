"""Full-text search over the curriculum, with snippets that highlight the words found."""
import html
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import and_, select

from upskill.curriculum.text import fold
from upskill.extensions import db
from upskill.models import CurriculumItem, ItemText

MAX_TERMS = 8
SNIPPET_BEFORE, SNIPPET_LENGTH = 80, 260


@dataclass
class Hit:
    """A curriculum item that matches the query."""

    code: str
    kind: str
    module_code: str | None
    lang: str
    title: Markup
    snippet: Markup
    score: int


def query_terms(query):
    """Split a query into folded search terms of at least two characters."""
    terms = []
    for word in query.split():
        folded = fold(word.strip(".,;:!?\"'()"))
        if len(folded) >= 2 and folded not in terms:
            terms.append(folded)
    return terms[:MAX_TERMS]


def search(query, lang, limit):
    """Return the best hits for query in lang (or English where lang has no text)."""
    terms = query_terms(query)
    if not terms:
        return []
    conditions = [ItemText.search_text.like(f"%{_escape_like(term)}%", escape="\\") for term in terms]
    rows = db.session.execute(
        select(CurriculumItem.code, CurriculumItem.kind, CurriculumItem.module_code,
               ItemText.lang, ItemText.title, ItemText.plain_text, ItemText.search_text)
        .join(ItemText, ItemText.item_id == CurriculumItem.id)
        .where(and_(*conditions), CurriculumItem.retired_at.is_(None), ItemText.lang.in_({lang, "en"}))
    ).all()
    best = {}
    for row in rows:
        if row.code in best and row.lang != lang:
            continue
        best[row.code] = Hit(
            code=row.code, kind=row.kind.value, module_code=row.module_code, lang=row.lang,
            title=highlight(row.title, terms),
            snippet=snippet(row.plain_text, row.search_text, terms),
            score=_score(row.search_text, fold(row.title), terms),
        )
    return sorted(best.values(), key=lambda hit: (-hit.score, hit.code))[:limit]


def _score(folded_text, folded_title, terms):
    return sum(folded_text.count(term) + 10 * folded_title.count(term) for term in terms)


def _escape_like(term):
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def snippet(text, folded, terms):
    """Return an escaped passage of text around the first term found, terms marked."""
    positions = [folded.find(term) for term in terms if folded.find(term) >= 0]
    first = min(positions) if positions else 0
    start = max(0, first - SNIPPET_BEFORE)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > first else end
    passage = highlight(text[start:end], terms)
    return Markup(("… " if start else "") + passage + (" …" if end < len(text) else ""))


def highlight(text, terms):
    """Escape text and wrap every occurrence of a term (accent- and case-blind) in <mark>."""
    folded = fold(text)
    marks = [False] * len(text)
    for term in terms:
        at = folded.find(term)
        while at >= 0:
            for index in range(at, at + len(term)):
                marks[index] = True
            at = folded.find(term, at + len(term))
    pieces, index = [], 0
    while index < len(text):
        end = index
        while end < len(text) and marks[end] == marks[index]:
            end += 1
        chunk = html.escape(text[index:end])
        pieces.append(f"<mark>{chunk}</mark>" if marks[index] else chunk)
        index = end
    return Markup("".join(pieces))


@dataclass
class TermHit:
    """A glossary term that matches the query."""

    key: str
    term: Markup
    definition: Markup


def search_glossary(query, terms_in_glossary, lang):
    """Return the glossary terms whose names (any language) or definition hold every query word."""
    words = query_terms(query)
    hits = []
    for entry in terms_in_glossary:
        definition = entry.definitions.get(lang) or entry.definitions["en"]
        haystack = fold(" ".join([*entry.terms.values(), definition]))
        if words and all(word in haystack for word in words):
            name = entry.terms.get(lang) or entry.terms["en"]
            hits.append(TermHit(entry.key, highlight(name, words), highlight(definition, words)))
    return sorted(hits, key=lambda hit: str(hit.term).casefold())
