"""The knowledge models, one module per topic; import them from here.

Regulations and their articles, FAQ answers that cite them, announcements, guidance
items (juknis) and the search index. The search index holds only published items, as
analyzed tokens; see the ``search`` package.
"""

from mejabantu.knowledge.models.announcements import Announcement, AnnouncementAttachment
from mejabantu.knowledge.models.answers import Answer, AnswerFeedback, AnswerVersion, Citation
from mejabantu.knowledge.models.guidance import PendingGuidance
from mejabantu.knowledge.models.regulations import Article, Regulation, Status
from mejabantu.knowledge.models.search import (
    IndexTerm,
    SearchEntry,
    SearchTerm,
    SearchTermVariant,
    UnansweredSearch,
)

__all__ = [
    "Announcement",
    "AnnouncementAttachment",
    "Answer",
    "AnswerFeedback",
    "AnswerVersion",
    "Article",
    "Citation",
    "IndexTerm",
    "PendingGuidance",
    "Regulation",
    "SearchEntry",
    "SearchTerm",
    "SearchTermVariant",
    "Status",
    "UnansweredSearch",
]
