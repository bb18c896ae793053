"""The office's desk: its ticket categories, auto-assignment and canned answers."""

from django.db import transaction
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.access import is_office_staff
from mejabantu.accounts.models import User
from mejabantu.helpdesk.models import CannedAnswer, Category
from mejabantu.helpdesk.services.errors import HelpdeskError, PermissionDenied
from mejabantu.offices.models import Office


def category_resolve(*, office: Office, category) -> Category:
    """Return the office's category for a Category or a code; the office's own wins."""
    if isinstance(category, Category):
        if category.office_id not in (None, office.pk):
            raise HelpdeskError(_("Choose a category of this office."))
        return category
    from mejabantu.helpdesk.selectors import office_lookups

    active = office_lookups(office).categories  # the office's own and the shared ones
    found = next((c for c in active if c.code == category and c.office_id == office.pk), None)
    found = found or next((c for c in active if c.code == category), None)
    if found is None:
        raise HelpdeskError(
            _("Unknown category “%(code)s”. Choose one of the office's categories.")
            % {"code": category}
        )
    return found


@transaction.atomic
def office_set_auto_assign(*, office: Office, actor: User, enabled: bool) -> Office:
    """Switch automatic round-robin assignment on or off (coordinators only)."""
    if not access.is_office_coordinator(actor, office):
        raise PermissionDenied
    office.auto_assign = enabled
    office.save(update_fields=["auto_assign"])
    return office


@transaction.atomic
def canned_answer_create(*, office: Office, actor: User, title: str, body: str) -> CannedAnswer:
    """Add a prepared reply for the office's officers."""
    if not is_office_staff(actor, office):
        raise PermissionDenied
    if not title.strip() or not body.strip():
        raise HelpdeskError(_("Write a title and the text of the answer."))
    return CannedAnswer.objects.create(
        office=office, title=title.strip()[:150], body=body.strip(), created_by=actor
    )
