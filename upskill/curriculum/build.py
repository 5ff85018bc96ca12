"""Turn a validated curriculum into records ready to store: rendered, hashed, searchable."""
import json

from upskill.config import LANGUAGES
from upskill.curriculum.item_builder import ItemBuilder
from upskill.curriculum.records import TermRecord, hash_parts


def build(curriculum):
    """Return (item records, term records) for a curriculum that passed validation."""
    terms = build_glossary(curriculum)
    glossary_hash = hash_parts(json.dumps([t.content_hash for t in terms]))
    definitions = {
        lang: {t.key: t.definitions.get(lang) or t.definitions["en"] for t in terms}
        for lang in LANGUAGES
    }
    builder = ItemBuilder(definitions, glossary_hash)
    items = [builder.programme(curriculum)]
    order = curriculum.programme["en"].meta["modules"]
    for module in sorted(curriculum.modules, key=lambda m: order.index(m.code)):
        items.extend(builder.module(module, order.index(module.code) + 1))
    return items, terms


def build_glossary(curriculum):
    """Return the glossary as term records."""
    records = []
    for doc in curriculum.glossary:
        for entry in doc.meta:
            records.append(TermRecord(
                key=entry["key"],
                terms=dict(entry["term"]),
                definitions=dict(entry["definition"]),
                see=list(entry.get("see") or []),
                content_hash=hash_parts(json.dumps(entry, sort_keys=True, ensure_ascii=False)),
            ))
    return records
