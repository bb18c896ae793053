"""Tickets that wait for guidance (juknis): linking, and one answer sent to all of them.

A linked ticket's SLA clocks pause from the link until it is released (services.sla reads the
pause from the audit trail). When the issuing office publishes the answer, the worker sends
it to every linked ticket as a public reply, in batches of ``BATCH`` tickets per transaction:
the reply, the unlink, the audit event, the requester's notification and the progress count
of one ticket commit together, and each batch is chosen by what is still linked. A crash
loses at most the batch in flight, which rolls back whole; rerunning (the task again, or the
worker's periodic resume) answers the rest: no ticket twice, none skipped.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.helpdesk.models import AuditEvent, Message, Status, Ticket
from mejabantu.helpdesk.services import notify, sla
from mejabantu.helpdesk.services.audit import _actor_name, _display, audit
from mejabantu.helpdesk.services.errors import HelpdeskError
from mejabantu.knowledge.models import Answer, PendingGuidance
from mejabantu.knowledge.services.guidance import DEFAULT_CATEGORY, guidance_answer_record
from mejabantu.offices.models import Office

logger = logging.getLogger("mejabantu.guidance")
BATCH = 200


@transaction.atomic
def ticket_guidance_link(
    *, ticket: Ticket, item: PendingGuidance | None, actor: User, at=None
) -> Ticket:
    """Link the ticket to a guidance item (``None``: release it); its clocks pause while it
    waits. Staff of the ticket's office, or of the issuing office for offices below it."""
    current = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("office", "category", "pending_guidance__office")
        .get(pk=ticket.pk)
    )
    if item is not None:  # its state as it is now, not as read earlier
        item = PendingGuidance.objects.select_related("office").get(pk=item.pk)
    checked = item if item is not None else current.pending_guidance
    if checked is None:
        return current
    if not access.may_link_guidance(actor, current, checked):
        raise PermissionDenied(
            _("You may link only your office's tickets, to guidance of your office or above it.")
        )
    if item is not None and item.state != PendingGuidance.State.OPEN:
        raise HelpdeskError(
            _("The answer to this guidance was published already: reply to the ticket instead.")
        )
    if current.merged_into_id or current.status not in (
        Status.NEW,
        Status.IN_PROGRESS,
        Status.WAITING,
    ):
        raise HelpdeskError(_("Only open tickets can wait for guidance."))
    if (item.pk if item else None) == current.pending_guidance_id:
        return current
    now = at or timezone.now()
    before = current.pending_guidance
    current.pending_guidance = item
    current.version += 1
    current.updated_at = now
    current.save(update_fields=["pending_guidance", "version", "updated_at"])
    audit(
        ticket=current,
        actor=actor,
        action="guidance_linked" if item else "guidance_released",
        changes={"pending_guidance": [before, item]},
        at=now,
    )
    sla.ticket_sla_refresh(current, now)
    return current


def guidance_answer_publish(
    *,
    item: PendingGuidance,
    actor: User,
    body: str,
    citations: Iterable[str] = (),
    answer: Answer | None = None,
    publish_as_answer: bool = False,
    answer_category: str = DEFAULT_CATEGORY,
) -> tuple[PendingGuidance, int]:
    """Publish the answer of a guidance item and queue sending it to every linked ticket;
    return the item and how many tickets wait for it.

    With ``publish_as_answer`` the answer is also published as a new knowledge-base answer
    of the issuing office (``item.resolved_by``), in the same transaction: if that fails,
    nothing is published and no ticket gets it."""
    with transaction.atomic():
        item = guidance_answer_record(
            item=item,
            user=actor,
            body=body,
            citations=citations,
            answer=answer,
            publish_as_answer=publish_as_answer,
            answer_category=answer_category,
        )
        linked = Ticket.objects.filter(pending_guidance=item).count()
        PendingGuidance.objects.filter(pk=item.pk).update(linked_total=linked, answered_count=0)
        item.linked_total, item.answered_count = linked, 0
        transaction.on_commit(lambda: _enqueue(item.pk))
    return item, linked


def _enqueue(item_id: int) -> None:
    try:
        guidance_send.enqueue(item_id)
    except Exception:  # the worker's periodic resume sends it
        logger.exception("could not enqueue guidance %s", item_id)


@task()
def guidance_send(item_id: int) -> int:
    """Send a published guidance answer to every ticket still linked to it."""
    return guidance_broadcast(item_id)


def guidance_broadcast(item_id: int, *, batch: int = BATCH) -> int:
    """Answer the item's linked tickets batch by batch until none is left; return how many
    this run answered. Safe to run again after a crash and on several workers at once."""
    answered = 0
    while True:
        done = guidance_broadcast_batch(item_id, batch=batch)
        if done == 0:
            return answered
        answered += done


def guidance_resume() -> int:
    """Finish every answer being sent (the worker's periodic job: after a crash or a
    failed task, what is still linked gets it)."""
    total = 0
    for item_id in PendingGuidance.objects.filter(
        state=PendingGuidance.State.ANSWERING
    ).values_list("pk", flat=True):
        total += guidance_broadcast(item_id)
    return total


def reply_text(item: PendingGuidance) -> str:
    """The public reply every linked ticket gets: what it waited for, the answer, the basis."""
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("Technical guidance from %(office)s: %(title)s")
            % {"office": item.office.name, "title": item.title},
            "",
            item.answer_body,
        ]
        if item.answer_citations:
            lines += ["", _("Legal basis:")]
            lines += [f"- {c['label']}" for c in item.answer_citations]
    return "\n".join(lines)


def guidance_broadcast_batch(item_id: int, *, batch: int = BATCH) -> int:
    """Answer up to ``batch`` tickets still linked to the item, in one transaction; return
    how many (0: none left, and the item is resolved)."""
    with transaction.atomic():
        item = (
            PendingGuidance.objects.select_related("office", "answered_by")
            .filter(pk=item_id)
            .first()
        )
        if item is None or item.state != PendingGuidance.State.ANSWERING:
            return 0
        linked = Ticket.objects.filter(pending_guidance_id=item.pk).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            # another worker's batch is skipped, not waited for; on SQLite the write
            # transaction (BEGIN IMMEDIATE) already runs alone
            linked = linked.select_for_update(skip_locked=True, of=("self",))
        tickets = list(
            linked.select_related("office", "category", "requester", "organisation")[:batch]
        )
        if not tickets:
            _finish(item)
            return 0
        _answer(item, tickets)
        return len(tickets)


def _answer(item: PendingGuidance, tickets: list[Ticket]) -> None:
    now = timezone.now()
    body = reply_text(item)
    author = item.answered_by
    messages = Message.objects.bulk_create(
        Message(
            ticket=t,
            author=author,
            author_name=f"{author} ({item.office.name})" if author else item.office.name,
            body=body,
            created_at=now,
        )
        for t in tickets
    )
    ids = [t.pk for t in tickets]
    updated = Ticket.objects.filter(pk__in=ids, pending_guidance_id=item.pk).update(
        pending_guidance=None,
        status=Case(When(status=Status.NEW, then=Value(Status.IN_PROGRESS)), default=F("status")),
        first_response_at=Coalesce(F("first_response_at"), Value(now)),
        message_count=F("message_count") + 1,
        version=F("version") + 1,
        updated_at=now,
        page_version=F("page_version") + 1,
    )
    if updated != len(ids):  # a row locked by us cannot change under us: never happens
        raise RuntimeError("guidance batch lost its lock")
    shown = _display(item)
    events = []
    for ticket, message in zip(tickets, messages, strict=True):
        changes = {"pending_guidance": [shown, None], "message": [None, message.pk]}
        if ticket.status == Status.NEW:
            changes["status"] = [Status.NEW.value, Status.IN_PROGRESS.value]
            ticket.status = Status.IN_PROGRESS
        ticket.first_response_at = ticket.first_response_at or now
        ticket.pending_guidance = None
        events.append(
            AuditEvent(
                ticket=ticket,
                actor=author,
                actor_name=_actor_name(author, ticket),
                action="guidance_answered",
                changes=changes,
                created_at=now,
            )
        )
    AuditEvent.objects.bulk_create(events)
    trails: dict[int, list[AuditEvent]] = defaultdict(list)
    for event in AuditEvent.objects.filter(ticket_id__in=ids).only(
        "ticket_id", "changes", "created_at"
    ):
        trails[event.ticket_id].append(event)
    for ticket in tickets:
        fields = sla.sla_fields(ticket, now, events=trails[ticket.pk])
        Ticket.objects.filter(pk=ticket.pk).update(**fields)
    notify.public_replies(tickets=tickets, message=messages[0])
    Office.bump("tickets_version", pk__in={t.office_id for t in tickets})
    PendingGuidance.objects.filter(pk=item.pk).update(answered_count=F("answered_count") + len(ids))


def _finish(item: PendingGuidance) -> None:
    if Ticket.objects.filter(pending_guidance_id=item.pk).exists():
        return  # another worker holds the last batch; it finishes
    item.state = PendingGuidance.State.RESOLVED
    item.resolved_at = timezone.now()
    item.answered_count = PendingGuidance.objects.get(pk=item.pk).answered_count
    # tickets released by their office meanwhile no longer waited for it
    item.linked_total = item.answered_count
    item.save(update_fields=["state", "resolved_at", "answered_count", "linked_total"])


def guidance_link_many(
    *, item: PendingGuidance, tickets: Iterable[Ticket], actor: User
) -> tuple[int, list[str]]:
    """Link several tickets (the suggestions an officer ticked); return how many were linked
    and the errors of the rest (one line each, with the ticket's reference)."""
    linked, errors = 0, []
    for ticket in tickets:
        try:
            ticket_guidance_link(ticket=ticket, item=item, actor=actor)
        except (PermissionDenied, ValidationError) as exc:
            text = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
            errors.append(f"{ticket.reference}: {text}")
        else:
            linked += 1
    return linked, errors


__all__ = [
    "guidance_answer_publish",
    "guidance_broadcast",
    "guidance_broadcast_batch",
    "guidance_link_many",
    "guidance_resume",
    "guidance_send",
    "ticket_guidance_link",
]
