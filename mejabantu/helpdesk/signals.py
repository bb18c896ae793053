"""Every write to what the helpdesk pages show moves a version the cached pages are keyed on.

A change of one ticket (its row, messages, files, history, appointments) moves the ticket's
``page_version`` (its page) and the ``tickets_version`` (the lists) of the office where it was
asked and of the office handling it (services.network moves the office it left too); a change
of how an office is set up (categories, people, organisations, canned answers, SLA policies,
its own row) moves the office's ``setup_version``. Saves and deletes arrive here through
signals; the few ``QuerySet.update()`` calls on tickets call ``ticket_changed`` themselves.
Each bump is an UPDATE inside the writing transaction (core.models.PageVersions).
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk.models import (
    Attachment,
    AuditEvent,
    CannedAnswer,
    Category,
    Message,
    Ticket,
)
from mejabantu.offices.models import Office, SlaPolicy


def ticket_changed(office_id: int, reference: str, handling_office_id: int | None = None) -> None:
    """Record a change of one ticket: its page and the lists of the office where it was asked
    and of the one handling it (read from the ticket's row unless given)."""
    Ticket.bump("page_version", reference=reference)
    if handling_office_id is None:
        handling = Ticket.objects.filter(reference=reference).values("handling_office_id")
        Office.bump("tickets_version", Q(pk=office_id) | Q(pk__in=handling))
    else:
        Office.bump("tickets_version", pk__in={office_id, handling_office_id})


def setup_changed(office_id: int | None) -> None:
    """Record a change of an office's setup (None: of what every office shares)."""
    if office_id is None:
        Office.bump("setup_version")
    else:
        Office.bump("setup_version", pk=office_id)


def _ticket(sender, instance, created=False, **kwargs) -> None:
    if created:  # a new ticket's page was never shown: only its offices' lists change
        Office.bump("tickets_version", pk__in={instance.office_id, instance.handling_office_id})
    else:
        ticket_changed(instance.office_id, instance.reference, instance.handling_office_id)


def ticket_owned(sender, instance, **kwargs) -> None:
    """A row that belongs to a ticket (a message, a file, an event, an appointment)."""
    if instance.ticket_id is None:
        return
    found = Ticket.objects.filter(pk=instance.ticket_id).values_list(
        "office_id", "reference", "handling_office_id"
    )
    for office_id, reference, handling_office_id in found:
        ticket_changed(office_id, reference, handling_office_id)


def _setup(sender, instance, **kwargs) -> None:
    setup_changed(instance.office_id)


def _office(sender, instance, **kwargs) -> None:
    """An office's own row (name, time zone, hours version): part of its setup."""
    setup_changed(instance.pk)


_SIGN_IN_FIELDS = {"last_login", "password"}


def _user_before(sender, instance, update_fields=None, **kwargs) -> None:
    """Where a user belonged before this save (read from the database: the instance may have
    been read long ago, as the admin's form reads it)."""
    if update_fields is not None and set(update_fields) <= _SIGN_IN_FIELDS:
        return
    before = User.objects.filter(pk=instance.pk).values_list("office_id", "organisation_id")
    instance._belonged_before = before.first() if instance.pk else None


def _user(sender, instance, update_fields=None, **kwargs) -> None:
    """People are part of an office's setup (its officers, its parties' operators): a move to
    another office changes both the office left and the one joined."""
    if update_fields is not None and set(update_fields) <= _SIGN_IN_FIELDS:
        return  # signing in changes nothing the pages show
    now = (instance.office_id, instance.organisation_id)
    before = getattr(instance, "_belonged_before", None) or now
    offices = {now[0], before[0]} | {_organisation_office(o) for o in {now[1], before[1]}}
    for office_id in offices - {None}:
        setup_changed(office_id)


def _organisation_office(organisation_id: int | None) -> int | None:
    if organisation_id is None:
        return None
    return (
        Organisation.objects.filter(pk=organisation_id).values_list("office_id", flat=True).first()
    )


def _everywhere(sender, instance, **kwargs) -> None:
    """Guidance awaited by an office is listed in every office below it: all offices change."""
    setup_changed(None)


def connect() -> None:
    from django.db.models.signals import pre_save

    from mejabantu.knowledge.models import PendingGuidance

    post_save.connect(_everywhere, sender=PendingGuidance, dispatch_uid="v-PendingGuidance")
    post_delete.connect(_everywhere, sender=PendingGuidance, dispatch_uid="v-del-Guidance")
    post_save.connect(_ticket, sender=Ticket, dispatch_uid="v-Ticket")
    post_delete.connect(_ticket, sender=Ticket, dispatch_uid="v-del-Ticket")
    for model in (Category, CannedAnswer, Organisation, SlaPolicy):
        post_save.connect(_setup, sender=model, dispatch_uid=f"v-{model.__name__}")
        post_delete.connect(_setup, sender=model, dispatch_uid=f"v-del-{model.__name__}")
    post_save.connect(_office, sender=Office, dispatch_uid="v-Office")
    for model in (Message, Attachment, AuditEvent):
        post_save.connect(ticket_owned, sender=model, dispatch_uid=f"v-{model.__name__}")
        post_delete.connect(ticket_owned, sender=model, dispatch_uid=f"v-del-{model.__name__}")
    post_save.connect(_user, sender=User, dispatch_uid="v-User")
    post_delete.connect(_user, sender=User, dispatch_uid="v-del-User")
    pre_save.connect(_user_before, sender=User, dispatch_uid="v-before-User")
