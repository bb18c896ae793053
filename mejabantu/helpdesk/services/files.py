"""Saving checked uploads as attachments."""

from mejabantu.core.uploads import check_uploads
from mejabantu.helpdesk.models import Attachment, Message, Ticket


def attachments_save(*, ticket: Ticket, message: Message | None, uploads, actor) -> list:
    """Check every upload first, then store them; one bad file stores none."""
    checked = check_uploads(uploads)
    saved = []
    for item in checked:
        attachment = Attachment(
            ticket=ticket,
            message=message,
            original_name=item.name,
            content_type=item.content_type,
            size=item.size,
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        attachment.file.save(item.name, item.file, save=False)
        attachment.save()
        saved.append(attachment)
    return saved
