"""Codes of the curriculum items a suggestion may be about, checked against the synced curriculum.

M04 a module; M04.L1, M04.T1, M04.W1 a lesson, task or worksheet; M04.Q the quiz and M04.Q.q2 one of
its questions (by the question's id); M04.L1.figure:machine-units a figure of an item (by its file
name without .svg); glossary:hopper a glossary term (by its key).
"""
import re

from sqlalchemy import select

from upskill.extensions import db
from upskill.models import CurriculumItem, GlossaryTerm, ItemText

ITEM = re.compile(r"M\d{2}(\.(?:[LTW]\d{1,2}|Q))?")
QUESTION = re.compile(r"(M\d{2}\.Q)\.([A-Za-z0-9_-]{1,40})")
FIGURE = re.compile(r"(M\d{2}\.[LTW]\d{1,2})\.figure:([a-z0-9][a-z0-9._-]{0,80})")
GLOSSARY = re.compile(r"glossary:([a-z0-9][a-z0-9_-]{0,79})")
MAX_CODE = 120


def item_code_exists(code):
    """Tell whether the code names an item, quiz question, figure or glossary term of the curriculum now."""
    if not code or len(code) > MAX_CODE:
        return False
    if found := GLOSSARY.fullmatch(code):
        return db.session.scalar(select(GlossaryTerm.id).where(
            GlossaryTerm.key == found.group(1), GlossaryTerm.retired_at.is_(None))) is not None
    if found := QUESTION.fullmatch(code):
        return found.group(2) in {q.get("id") for q in _english_content(found.group(1)).get("questions", [])}
    if found := FIGURE.fullmatch(code):
        names = {figure.get("name") for figure in _english_content(found.group(1)).get("figures", [])}
        return f"{found.group(2)}.svg" in names
    if ITEM.fullmatch(code):
        return db.session.scalar(select(CurriculumItem.id).where(
            CurriculumItem.code == code, CurriculumItem.retired_at.is_(None))) is not None
    return False


def module_of(code):
    """The module an item code belongs to (None for a glossary term)."""
    return None if code.startswith("glossary:") else code[:3]


def _english_content(item_code):
    return db.session.scalar(select(ItemText.content).join(ItemText.item).where(
        CurriculumItem.code == item_code, CurriculumItem.retired_at.is_(None), ItemText.lang == "en")) or {}
