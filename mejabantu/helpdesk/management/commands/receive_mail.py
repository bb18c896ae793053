"""`mejabantu receive-mail --office CODE`: take in one mail from standard input (an MTA's pipe).

Exit status as mail servers read it (sysexits): 0 when the mail was taken in or deliberately
ignored; 75 (try again later) when the database cannot be reached, so that the MTA keeps the
mail and delivers it again; 67 when no office has that code.
"""

import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError
from django.utils.translation import gettext as _

from mejabantu.helpdesk.services.mail_intake import mail_receive
from mejabantu.offices.models import Office

EX_NOUSER, EX_TEMPFAIL = 67, 75


class Command(BaseCommand):
    help = "Take in one e-mail (RFC 5322) from standard input for an office's mailbox."

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help="The office's code, e.g. 19.02.")

    def handle(self, *args, office: str, **options):
        try:
            found = Office.objects.filter(code=office).first()
        except DatabaseError as exc:
            self.stderr.write(_("Database unavailable, try again later: %(e)s") % {"e": exc})
            sys.exit(EX_TEMPFAIL)
        if found is None:
            self.stderr.write(_("No office has the code %(code)s.") % {"code": office})
            sys.exit(EX_NOUSER)
        raw = sys.stdin.buffer.read()
        try:
            record = mail_receive(office=found, raw=raw)
        except DatabaseError as exc:
            self.stderr.write(_("Database unavailable, try again later: %(e)s") % {"e": exc})
            sys.exit(EX_TEMPFAIL)
        self.stdout.write(f"{record.get_outcome_display()}: {record.message_id}")
