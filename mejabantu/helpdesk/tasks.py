"""Background tasks of the helpdesk (run by `mejabantu worker`). The mail task lives with the
outbox (services.mail); this name stays for tasks queued before it moved."""

from mejabantu.helpdesk.services.mail import deliver_mail

__all__ = ["deliver_mail"]
