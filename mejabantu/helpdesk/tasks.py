"""Background tasks of the helpdesk (run by `mejabantu worker`)."""

from django_tasks import task

from mejabantu.helpdesk.services.mail import mail_deliver


@task()
def deliver_mail(mail_id: int) -> bool:
    """Send one queued notification; failures are retried by the periodic mail sweep."""
    return mail_deliver(mail_id)
