"""Search the curriculum through the database's full-text index, in the reader's language.

Texts in the reader's language are searched, and English texts of the items not translated
into it. The index finds the candidates; they are ranked here, from their stored tokens, so
SQLite and PostgreSQL give the same order; only the hits shown are read whole and highlighted.
"""
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import aliased

from upskill.extensions import db
from upskill.models import CurriculumItem, ItemText
from upskill.models.search_index import text_ids_matching
from upskill.public.search_query import parse
from upskill.public.search_snippets import highlight_words, snippet

TITLE_WEIGHT = 10  # a word in the title counts as much as ten in the text


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


@dataclass
class Candidate:
    """An item text the index found, with its score."""

    text_id: int
    code: str
    kind: str
    module_code: str | None
    lang: str
    score: int


def search(query, lang, limit):
    """Return the best hits for query in lang (or English where an item has no text in lang)."""
    queries = {code: parse(query, code) for code in dict.fromkeys((lang, "en"))}
    if not queries[lang].words:
        return []
    best = ranked(_candidate_rows(queries, lang), queries)[:limit]
    texts = _shown_texts([candidate.text_id for candidate in best])
    return [_hit(candidate, texts[candidate.text_id], queries[candidate.lang]) for candidate in best]


def _candidate_rows(queries, lang):
    dialect = db.session.get_bind().dialect.name
    conditions = [and_(ItemText.lang == lang, ItemText.id.in_(text_ids_matching(queries[lang], dialect)))]
    if lang != "en" and queries["en"].words:
        translated = aliased(ItemText)
        conditions.append(and_(
            ItemText.lang == "en",
            ItemText.id.in_(text_ids_matching(queries["en"], dialect)),
            ~exists().where(translated.item_id == ItemText.item_id, translated.lang == lang),
        ))
    return db.session.execute(
        select(ItemText.id, CurriculumItem.code, CurriculumItem.kind, CurriculumItem.module_code,
               ItemText.lang, ItemText.title_stems, ItemText.search_stems)
        .join(CurriculumItem, ItemText.item_id == CurriculumItem.id)
        .where(CurriculumItem.retired_at.is_(None), or_(*conditions))
    ).all()


def ranked(rows, queries):
    """Return the rows as Candidates, best first: matched tokens, those of the title weighing more."""
    candidates = []
    for row in rows:
        query = queries[row.lang]
        score = sum(query.counts(row.search_stems)) + TITLE_WEIGHT * sum(query.counts(row.title_stems))
        candidates.append(Candidate(row.id, row.code, row.kind.value, row.module_code, row.lang, score))
    return sorted(candidates, key=lambda candidate: (-candidate.score, candidate.code))


def _shown_texts(text_ids):
    if not text_ids:
        return {}
    rows = db.session.execute(
        select(ItemText.id, ItemText.title, ItemText.plain_text, ItemText.search_text)
        .where(ItemText.id.in_(text_ids))
    )
    return {row.id: row for row in rows}


def _hit(candidate, text, search_query):
    return Hit(
        code=candidate.code, kind=candidate.kind, module_code=candidate.module_code, lang=candidate.lang,
        # The plain text begins with the title, so its folded form does too.
        title=highlight_words(text.title, text.search_text[:len(text.title)], search_query),
        snippet=snippet(text.plain_text, text.search_text, search_query),
        score=candidate.score,
    )
