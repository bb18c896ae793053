"""Writes of the knowledge base, by topic: regulations and articles, answers, reader feedback,
pending guidance, the index rebuild and announcements. Callers import them from here."""

from mejabantu.knowledge.services.announcements import (
    announcement_attachment_remove,
    announcement_create,
    announcement_set_published,
    announcement_update,
)
from mejabantu.knowledge.services.answers import (
    EDITABLE_FIELDS,
    PARAMETER_KEYS,
    answer_create,
    answer_publish,
    answer_supersede,
    answer_update,
    resolve_citations,
)
from mejabantu.knowledge.services.feedback import answer_mark_helpful, unanswered_search_log
from mejabantu.knowledge.services.guidance import pending_guidance_create, pending_guidance_resolve
from mejabantu.knowledge.services.regulations import (
    article_set_status,
    article_upsert,
    regulation_set_amended_by,
    regulation_set_status,
    regulation_upsert,
)
from mejabantu.knowledge.services.reindex import index_rebuild

__all__ = [
    "EDITABLE_FIELDS",
    "PARAMETER_KEYS",
    "announcement_attachment_remove",
    "announcement_create",
    "announcement_set_published",
    "announcement_update",
    "answer_create",
    "answer_mark_helpful",
    "answer_publish",
    "answer_supersede",
    "answer_update",
    "article_set_status",
    "article_upsert",
    "index_rebuild",
    "pending_guidance_create",
    "pending_guidance_resolve",
    "regulation_set_amended_by",
    "regulation_set_status",
    "regulation_upsert",
    "resolve_citations",
    "unanswered_search_log",
]
