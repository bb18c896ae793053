"""Writes of announcements (sosialisasi material): create, edit, publish, attach, remove files.

Every upload is checked by its content (``check_upload``) before anything is written, so a
refused file leaves neither a half-saved announcement nor stray files behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.core.uploads import check_uploads
from mejabantu.knowledge.models import Announcement, AnnouncementAttachment
from mejabantu.offices.models import Office


def _check_staff(user, office: Office) -> None:
    if user is None:
        return  # the loader and commands act as the system
    if not access.is_office_staff(user, office):
        raise PermissionDenied(_("Only staff of this office can publish its announcements."))


MAX_FILES = 10  # outreach material: slides, minutes, photos of one meeting


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "pengumuman"
    slug, n = base, 2
    while Announcement.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_uploads(uploads: Iterable) -> list:
    """Check every file by content (core.uploads), the errors under the form's field."""
    try:
        return check_uploads(uploads, max_files=MAX_FILES)
    except ValidationError as exc:
        raise ValidationError({"attachments": exc.messages}) from exc


def _clean_fields(title: str, body: str) -> tuple[str, str]:
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the announcement a title.")})
    return title, body


@transaction.atomic
def announcement_create(
    *,
    office: Office,
    title: str,
    body: str = "",
    held_on: dt.date | None = None,
    published: bool = False,
    uploads: Iterable = (),
    user=None,
) -> Announcement:
    """Create an office's announcement with its attachments, published or as a draft."""
    _check_staff(user, office)
    title, body = _clean_fields(title, body)
    checked = _check_uploads(uploads)
    announcement = Announcement.objects.create(
        slug=_unique_slug(title),
        title=title,
        body=body,
        office=office,
        held_on=held_on,
        published=published,
    )
    _save_attachments(announcement, checked)
    return announcement


@transaction.atomic
def announcement_update(
    *,
    announcement: Announcement,
    title: str,
    body: str = "",
    held_on: dt.date | None = None,
    published: bool = False,
    uploads: Iterable = (),
    user=None,
) -> Announcement:
    """Change an announcement and add files; its address (slug) stays, links keep working."""
    _check_staff(user, announcement.office)
    title, body = _clean_fields(title, body)
    checked = _check_uploads(uploads)
    announcement.title = title
    announcement.body = body
    announcement.held_on = held_on
    announcement.published = published
    announcement.save(update_fields=["title", "body", "held_on", "published"])
    _save_attachments(announcement, checked)
    return announcement


@transaction.atomic
def announcement_set_published(
    *, announcement: Announcement, published: bool, user=None
) -> Announcement:
    """Publish an announcement (the public sees it) or take it back to a draft."""
    _check_staff(user, announcement.office)
    announcement.published = published
    announcement.save(update_fields=["published"])
    return announcement


@transaction.atomic
def announcement_attachment_remove(*, attachment: AnnouncementAttachment, user=None) -> None:
    """Remove a file from an announcement; the stored file goes once the removal commits."""
    _check_staff(user, attachment.announcement.office)
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


def _save_attachments(announcement: Announcement, checked: list) -> None:
    saved: list[str] = []
    try:
        for item in checked:
            attachment = AnnouncementAttachment(announcement=announcement, name=item.name)
            attachment.file.save(item.name, item.file, save=False)
            saved.append(attachment.file.name)
            attachment.save()
    except Exception:
        for name in saved:  # the transaction rolls back; do not keep its files
            AnnouncementAttachment.file.field.storage.delete(name)
        raise
