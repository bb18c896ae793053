"""`mejabantu fetch-mail [--office CODE]`: read the offices' mailboxes once (the worker does
it every MEJABANTU_MAIL_POLL_SECONDS)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mejabantu.helpdesk.services.mail_intake import mail_fetch
from mejabantu.offices.models import Office


class Command(BaseCommand):
    help = "Read every configured office mailbox (MEJABANTU_MAILBOXES) once."

    def add_arguments(self, parser):
        parser.add_argument("--office", help="Only this office's mailbox.")

    def handle(self, *args, office: str | None = None, **options):
        boxes = settings.MEJABANTU_MAILBOXES
        if office:
            if office not in boxes:
                raise CommandError(
                    _("MEJABANTU_MAILBOXES has no mailbox for %(code)s.") % {"code": office}
                )
            boxes = {office: boxes[office]}
        for code, url in boxes.items():
            found = Office.objects.filter(code=code).first()
            if found is None:
                self.stderr.write(_("No office has the code %(code)s.") % {"code": code})
                continue
            taken, left = mail_fetch(found, url)
            self.stdout.write(
                _("%(code)s: %(taken)s mails taken in, %(left)s left unread")
                % {"code": code, "taken": taken, "left": left}
            )
