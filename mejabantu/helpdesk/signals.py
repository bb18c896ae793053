"""Every write to what the helpdesk pages show moves the office's generation.

Cached pages (queues, parties' lists, ticket pages) and office lists are keyed by it
(core.generations), so they are never served after a change. A change of one ticket (its
row, messages, files, history, appointments) also moves that ticket's own generation, which
keys its page. Saves and deletes arrive here through signals; the few bulk
``QuerySet.update()`` calls on tickets record the change themselves (``ticket_changed``).
"""

from django.db.models.signals import post_delete, post_save

from mejabantu.accounts.models import Organisation, User
from mejabantu.core import generations
from mejabantu.helpdesk.models import (
    Attachment,
    AuditEvent,
    CannedAnswer,
    Category,
    Message,
    Ticket,
)


def ticket_changed(office_id: int, reference: str) -> None:
    """Record a change of one ticket: its page and its office's lists."""
    generations.changed(generations.office_scope(office_id), generations.ticket_scope(reference))


def _ticket_of(instance) -> tuple[int, str] | None:
    """The office and reference of the ticket an object belongs to, without a query when we
    can (None: it belongs to no ticket, or the ticket is gone)."""
    if instance.ticket_id is None:
        return None
    ticket = instance._state.fields_cache.get("ticket")
    if ticket is not None:
        return ticket.office_id, ticket.reference
    return (
        Ticket.objects.filter(pk=instance.ticket_id).values_list("office_id", "reference").first()
    )


def _ticket(sender, instance, **kwargs) -> None:
    ticket_changed(instance.office_id, instance.reference)


def _setup(sender, instance, **kwargs) -> None:
    generations.setup_changed(instance.office_id)


def _ticket_owned(sender, instance, **kwargs) -> None:
    found = _ticket_of(instance)
    if found is not None:
        ticket_changed(*found)


def _office(sender, instance, **kwargs) -> None:
    """An office's own row (name, time zone, hours version): part of its setup."""
    generations.setup_changed(instance.pk)


def _user(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
        return  # signing in changes nothing the pages show
    if instance.office_id:
        generations.setup_changed(instance.office_id)
    elif instance.organisation_id:
        office_id = (
            Organisation.objects.filter(pk=instance.organisation_id)
            .values_list("office_id", flat=True)
            .first()
        )
        generations.setup_changed(office_id)


def _everywhere(sender, instance, **kwargs) -> None:
    """Guidance awaited by an office is listed in every office below it: all offices change."""
    generations.changed(generations.ALL)


def connect() -> None:
    from mejabantu.knowledge.models import PendingGuidance

    post_save.connect(_everywhere, sender=PendingGuidance, dispatch_uid="gen-PendingGuidance")
    post_delete.connect(_everywhere, sender=PendingGuidance, dispatch_uid="gen-del-Guidance")
    from mejabantu.offices.models import Office, SlaPolicy
    from mejabantu.schedule.models import Appointment

    post_save.connect(_ticket, sender=Ticket, dispatch_uid="gen-Ticket")
    post_delete.connect(_ticket, sender=Ticket, dispatch_uid="gen-del-Ticket")
    for model in (Category, CannedAnswer, Organisation, SlaPolicy):
        post_save.connect(_setup, sender=model, dispatch_uid=f"gen-{model.__name__}")
        post_delete.connect(_setup, sender=model, dispatch_uid=f"gen-del-{model.__name__}")
    post_save.connect(_office, sender=Office, dispatch_uid="gen-Office")
    for model in (Message, Attachment, AuditEvent, Appointment):
        post_save.connect(_ticket_owned, sender=model, dispatch_uid=f"gen-{model.__name__}")
        post_delete.connect(_ticket_owned, sender=model, dispatch_uid=f"gen-del-{model.__name__}")
    post_save.connect(_user, sender=User, dispatch_uid="gen-User")
    post_delete.connect(_user, sender=User, dispatch_uid="gen-del-User")
