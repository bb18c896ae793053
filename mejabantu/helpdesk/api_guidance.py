"""Guidance (juknis) items in the JSON API: open one, publish its answer, follow the sending.

Linking a ticket is ``POST /tickets/{id}/guidance`` (helpdesk.api)."""

from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from mejabantu.accounts import access
from mejabantu.helpdesk import selectors
from mejabantu.helpdesk.services import guidance as services
from mejabantu.knowledge import services as knowledge_services
from mejabantu.knowledge.models import Answer, PendingGuidance
from mejabantu.knowledge.services.guidance import DEFAULT_CATEGORY
from mejabantu.offices.models import Office

router = Router(tags=["guidance"])


class GuidanceIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    description: str = ""
    office: str | None = Field(None, description="office code; default: the caller's office")


class AnswerIn(Schema):
    body: str = Field(..., min_length=1)
    citations: list[str] = Field(
        default_factory=list, description="article keys or regulation codes"
    )
    answer: str | None = Field(None, description="slug of a published knowledge-base answer")
    publish_as_answer: bool = Field(
        False,
        description=(
            "also publish the answer as a new knowledge-base answer of the issuing office "
            "(the item's title as its question, with these citations; coordinators only), "
            "in the same transaction; not together with `answer`"
        ),
    )
    answer_category: str = Field(
        DEFAULT_CATEGORY,
        description="category of that knowledge-base answer (e.g. persyaratan-calon)",
    )


class CitationOut(Schema):
    key: str
    label: str
    url: str


class KnowledgeAnswerOut(Schema):
    id: int
    slug: str
    question: str
    url: str


class GuidanceOut(Schema):
    id: int
    title: str
    description: str
    office: str
    state: str = Field(..., description="open, answering or resolved")
    created_at: datetime
    linked: int = Field(..., description="tickets linked now (still waiting)")
    linked_total: int = Field(..., description="tickets the answer goes to (once published)")
    answered: int = Field(..., description="tickets answered so far")
    answer: str
    citations: list[CitationOut]
    knowledge_answer: KnowledgeAnswerOut | None = Field(
        None, description="the knowledge-base answer that carries the published answer"
    )
    answered_at: datetime | None
    resolved_at: datetime | None
    url: str


def _out(request, item: PendingGuidance, linked: int | None = None) -> dict:
    return {
        "id": item.pk,
        "title": item.title,
        "description": item.description,
        "office": item.office.code,
        "state": item.state,
        "created_at": item.created_at,
        "linked": selectors.guidance_linked_count(item) if linked is None else linked,
        "linked_total": item.linked_total,
        "answered": item.answered_count,
        "answer": item.answer_body,
        "citations": item.answer_citations,
        "knowledge_answer": _knowledge_answer(request, item.resolved_by),
        "answered_at": item.answered_at,
        "resolved_at": item.resolved_at,
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def _knowledge_answer(request, answer: Answer | None) -> dict | None:
    if answer is None:
        return None
    return {
        "id": answer.pk,
        "slug": answer.slug,
        "question": answer.question,
        "url": request.build_absolute_uri(answer.get_absolute_url()),
    }


def _fail(exc: ValidationError):
    if hasattr(exc, "error_dict"):  # name the field, as the rest of the API does
        parts = [
            " ".join(messages) if field == NON_FIELD_ERRORS else f"{field}: {' '.join(messages)}"
            for field, messages in exc.message_dict.items()
        ]
        raise HttpError(422, " ".join(parts))
    raise HttpError(422, " ".join(exc.messages))


@router.post("", response={201: GuidanceOut})
def guidance_create(request, payload: GuidanceIn):
    """Open a guidance item (staff of KPU RI, or of a province for its region)."""
    user = request.user
    code = payload.office or (user.office.code if user.office_id else None)
    office = Office.objects.filter(code=code).first() if code else None
    if office is None:
        raise HttpError(422, _("office: give the code of the office that opens the item."))
    try:
        item = knowledge_services.pending_guidance_create(
            title=payload.title, description=payload.description, office=office, user=user
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        _fail(exc)
    return Status(201, _out(request, selectors.guidance_get(pk=item.pk)))


@router.get("/{item_id}", response=GuidanceOut)
def guidance_detail(request, item_id: int):
    """One guidance item, with how many tickets wait for it and how far the answer got."""
    return _out(request, selectors.guidance_get(pk=item_id))


@router.post("/{item_id}/answer", response={202: GuidanceOut})
def guidance_answer(request, item_id: int, payload: AnswerIn):
    """Publish the answer; the worker sends it to every linked ticket (202: accepted)."""
    item = selectors.guidance_get(pk=item_id)
    if not access.may_issue_guidance(request.user, item.office):
        raise HttpError(403, _("Only the office that opened this item can publish its answer."))
    answer = None
    if payload.answer:
        answer = Answer.objects.filter(slug=payload.answer, state=Answer.State.PUBLISHED).first()
        if answer is None:
            raise HttpError(422, _("answer: no published answer has this code."))
    try:
        item, linked = services.guidance_answer_publish(
            item=item,
            actor=request.user,
            body=payload.body,
            citations=payload.citations,
            answer=answer,
            publish_as_answer=payload.publish_as_answer,
            answer_category=payload.answer_category,
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        _fail(exc)
    # linked: the tickets the answer goes to (the worker may have started on them already)
    return Status(202, _out(request, selectors.guidance_get(pk=item.pk), linked=linked))
