"""Every write to what the helpdesk pages show moves the office's generation.

Cached pages (queues, parties' lists and tickets) and office lists are keyed by it
(core.generations), so they are never served after a change. Saves and deletes arrive here through signals; the few
bulk ``QuerySet.update()`` calls on tickets record the change themselves.
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


def ticket_office_id(instance) -> int | None:
    """The office of an object that belongs to a ticket, without a query when we can."""
    ticket = instance._state.fields_cache.get("ticket")
    if ticket is not None:
        return ticket.office_id
    return Ticket.objects.filter(pk=instance.ticket_id).values_list("office_id", flat=True).first()


def _ticket(sender, instance, **kwargs) -> None:
    generations.office_changed(instance.office_id)


def _setup(sender, instance, **kwargs) -> None:
    generations.setup_changed(instance.office_id)


def _ticket_owned(sender, instance, **kwargs) -> None:
    office_id = ticket_office_id(instance)
    if office_id is not None:
        generations.office_changed(office_id)


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
    from mejabantu.offices.models import SlaPolicy

    post_save.connect(_ticket, sender=Ticket, dispatch_uid="gen-Ticket")
    post_delete.connect(_ticket, sender=Ticket, dispatch_uid="gen-del-Ticket")
    for model in (Category, CannedAnswer, Organisation, SlaPolicy):
        post_save.connect(_setup, sender=model, dispatch_uid=f"gen-{model.__name__}")
        post_delete.connect(_setup, sender=model, dispatch_uid=f"gen-del-{model.__name__}")
    for model in (Message, Attachment, AuditEvent):
        post_save.connect(_ticket_owned, sender=model, dispatch_uid=f"gen-{model.__name__}")
        post_delete.connect(_ticket_owned, sender=model, dispatch_uid=f"gen-del-{model.__name__}")
    post_save.connect(_user, sender=User, dispatch_uid="gen-User")
    post_delete.connect(_user, sender=User, dispatch_uid="gen-del-User")
