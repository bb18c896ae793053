"""Attachment checks: the type comes from the content, never from the file name.

Beyond the first bytes, each type is checked for what it allows: a PNG is its chunks up to
IEND and nothing after, a JPEG ends with its end-of-image marker, a PDF ends at its last
%%EOF and carries no JavaScript or launch action; a DOCX or XLSX holds a bounded number of
parts that unpack to a bounded size, and no macros.
"""

import re
import zipfile
import zlib
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
MAX_ZIP_PARTS = 2000  # a long Word document has a few hundred
MAX_INFLATED_MB = 100  # what a DOCX or XLSX may unpack to
MACRO_PART = re.compile(r"(^|/)(vbaproject\.bin|vbadata\.xml)$|(^|/)activex/", re.IGNORECASE)
PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch)[\s/<(\[]")


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
    if detected in ("zip", "docx", "xlsx"):  # zip containers: look at their parts
        detected = _office_kind(upload, name)
    if detected not in ALLOWED:
        raise ValidationError(
            _(
                "The file %(name)s is not a PDF, JPG, PNG, DOCX or XLSX document. "
                "Save it in one of those formats and attach it again."
            )
            % {"name": name}
        )
    if not _whole(detected, upload):
        raise ValidationError(
            _(
                "The file %(name)s is damaged or carries something that is not a "
                "%(kind)s document (such as a script). Save it again from the program "
                "that made it and attach it again."
            )
            % {"name": name, "kind": detected.upper()}
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


def _office_kind(upload: UploadedFile, name: str) -> str | None:
    """DOCX or XLSX by its parts; a refusal (too many parts, too large, macros) says why."""
    try:
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_ZIP_PARTS:
                raise ValidationError(
                    _(
                        "The file %(name)s has too many parts (%(count)s) for a document. "
                        "Save it again as an ordinary DOCX or XLSX file."
                    )
                    % {"name": name, "count": len(parts)}
                )
            if sum(part.file_size for part in parts) > MAX_INFLATED_MB * 1024 * 1024:
                raise ValidationError(
                    _(
                        "The file %(name)s unpacks to more than %(limit)s MB. Save it again "
                        "without embedded media, or split it."
                    )
                    % {"name": name, "limit": MAX_INFLATED_MB}
                )
            names = {part.filename for part in parts}
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError):
        return None
    finally:
        upload.seek(0)
    if any(MACRO_PART.search(n) for n in names) or b"macroEnabled" in types:
        raise ValidationError(
            _(
                "The file %(name)s contains macros, which we do not accept. Save it as a "
                "plain DOCX or XLSX document (without macros) and attach it again."
            )
            % {"name": name}
        )
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _whole(kind: str, upload: UploadedFile) -> bool:
    """Whether the file is what its type allows from its first byte to its last."""
    if kind in ("docx", "xlsx"):
        return True  # checked part by part in _office_kind
    upload.seek(0)
    data = bytes(upload.read())
    upload.seek(0)
    if kind == "png":
        return _png_whole(data)
    if kind == "jpg":
        return data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if kind == "pdf":
        end = data.rfind(b"%%EOF")
        return end >= 0 and not data[end + 5 :].strip() and not PDF_ACTIVE.search(data)
    return False


def _png_whole(data: bytes) -> bool:
    """Every chunk complete with a right checksum, IEND last, nothing after it."""
    pos = 8
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        end = pos + 12 + length
        if end > len(data):
            return False
        body = data[pos + 4 : pos + 8 + length]  # chunk type and data
        if zlib.crc32(body) != int.from_bytes(data[end - 4 : end], "big"):
            return False
        if body[:4] == b"IEND":
            return end == len(data)
        pos = end
    return False


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
