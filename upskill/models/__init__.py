"""Database models, one module per aggregate."""
from upskill.models.base import utcnow
from upskill.models.downloads import BookDownload
from upskill.models.curriculum import ContentVersion, CurriculumItem, GlossaryTerm, ItemKind, ItemText
from upskill.models.people import Role, School, User

__all__ = [
    "BookDownload",
    "ContentVersion",
    "CurriculumItem",
    "GlossaryTerm",
    "ItemKind",
    "ItemText",
    "Role",
    "School",
    "User",
    "utcnow",
]
