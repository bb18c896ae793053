"""Attachment checks: the type comes from the content, never from the file name."""

from collections.abc import Iterable
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# kind detected from content -> (MIME type, accepted name endings)
ALLOWED = {
    "pdf": ("application/pdf", (".pdf",)),
    "jpg": ("image/jpeg", (".jpg", ".jpeg")),
    "png": ("image/png", (".png",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
}
MAX_FILES = 5


@dataclass(frozen=True)
class CheckedUpload:
    file: object
    name: str
    content_type: str
    size: int


def check_upload(upload: UploadedFile) -> CheckedUpload:
    """Return the upload with its true type, or raise ValidationError saying what to do."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    size = upload.size or 0
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200]
    if size > limit:
        raise ValidationError(
            _(
                "The file %(name)s is larger than %(limit)s MB. Compress it or split it, "
                "then attach it again."
            )
            % {"name": name, "limit": settings.MAX_UPLOAD_MB}
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    detected = kind.extension if kind else None
    if detected == "jpeg":
        detected = "jpg"
    if detected == "zip":  # DOCX and XLSX are zip containers: look at their parts
        detected = _office_kind(upload)
    if detected not in ALLOWED:
        raise ValidationError(
            _(
                "The file %(name)s is not a PDF, JPG, PNG, DOCX or XLSX document. "
                "Save it in one of those formats and attach it again."
            )
            % {"name": name}
        )
    mime, endings = ALLOWED[detected]
    if not name.lower().endswith(endings):
        raise ValidationError(
            _(
                "The file %(name)s does not match its name: its content is %(kind)s. "
                "Rename it or attach the right file."
            )
            % {"name": name, "kind": detected.upper()}
        )
    return CheckedUpload(file=upload, name=name, content_type=mime, size=size)


def _office_kind(upload: UploadedFile) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def check_uploads(
    files: Iterable[UploadedFile] | None, *, max_files: int = MAX_FILES
) -> list[CheckedUpload]:
    """Check every file; one ValidationError names each refused file (not only the first)."""
    files = list(files or [])
    if len(files) > max_files:
        raise ValidationError(_("Attach at most %(n)s files at once.") % {"n": max_files})
    checked, errors = [], []
    for upload in files:
        try:
            checked.append(check_upload(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked
