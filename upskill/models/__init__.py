"""Database models, one module per aggregate."""
from upskill.models.base import utcnow
from upskill.models.downloads import BookDownload
from upskill.models.curriculum import (
    ContentVersion, CurriculumItem, GlossaryTerm, ItemKind, ItemRevisionText, ItemText,
)
from upskill.models.audit import AuditEvent
from upskill.models.learning import (
    Assessment, Attempt, EvidenceFile, LessonRead, QuizAttempt, StateChange, TaskWork, WorkState,
)
from upskill.models.teaching import Enrolment, Placement, SchoolClass, class_teacher
from upskill.models.showcase import CommentState, ShowcaseComment, ShowcaseConsent, ShowcaseItem, ShownName
from upskill.models.survey import SMALLEST_GROUP, SURVEY_QUESTIONS, SurveyAnswer, SurveyTaken
from upskill.models.people import AccessLink, Role, School, User, UserRole
from upskill.models.pilot import (
    PilotPeriod, PilotReport, PilotVersion, ReportState, Suggestion, SuggestionKind, SuggestionStatus,
    pilot_period_school,
)

__all__ = [
    "Assessment",
    "Attempt",
    "EvidenceFile",
    "LessonRead",
    "QuizAttempt",
    "StateChange",
    "TaskWork",
    "WorkState",
    "AccessLink",
    "AuditEvent",
    "BookDownload",
    "ContentVersion",
    "Enrolment",
    "Placement",
    "PilotPeriod",
    "PilotReport",
    "PilotVersion",
    "ReportState",
    "Suggestion",
    "SuggestionKind",
    "SuggestionStatus",
    "pilot_period_school",
    "SchoolClass",
    "class_teacher",
    "CurriculumItem",
    "GlossaryTerm",
    "ItemKind",
    "ItemRevisionText",
    "ItemText",
    "CommentState",
    "ShowcaseComment",
    "ShowcaseConsent",
    "ShowcaseItem",
    "ShownName",
    "SMALLEST_GROUP",
    "SURVEY_QUESTIONS",
    "SurveyAnswer",
    "SurveyTaken",
    "Role",
    "School",
    "User",
    "UserRole",
    "utcnow",
]
