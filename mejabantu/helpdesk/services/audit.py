"""The ticket audit trail: one append-only event per change."""

from mejabantu.helpdesk.models import AuditEvent, Ticket


def _display(value):
    if value is None:
        return None
    if hasattr(value, "pk") and hasattr(value, "_meta"):
        return {"id": value.pk, "label": str(value)}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def audit(
    *, ticket: Ticket, actor, action: str, changes: dict | None = None, at=None
) -> AuditEvent:
    """Record that actor did action on ticket; changes maps field -> [before, after]."""
    clean = {k: [_display(b), _display(a)] for k, (b, a) in (changes or {}).items()}
    event = AuditEvent(
        ticket=ticket,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=_actor_name(actor, ticket),
        action=action,
        changes=clean,
        **({"created_at": at} if at else {}),
    )
    event.save(force_insert=True)
    return event


def _actor_name(actor, ticket: Ticket) -> str:
    if actor is None:
        return "sistem"
    if getattr(actor, "pk", None) is None:
        return ticket.requester_name
    return str(actor)
