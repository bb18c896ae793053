"""Uploads are checked for what their type allows, not only by their first bytes."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from mejabantu.core import uploads
from mejabantu.core.uploads import check_upload
from tests.helpdesk.conftest import PDF, PNG, docx_bytes

SCRIPT = b"<html><script>alert(document.cookie)</script></html>"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def refused(name: str, content: bytes, language: str = "en") -> str:
    with translation.override(language), pytest.raises(ValidationError) as caught:
        check_upload(upload(name, content))
    return " ".join(caught.value.messages)


def test_whole_documents_of_every_kind_are_accepted():
    assert check_upload(upload("foto.png", PNG)).content_type == "image/png"
    assert check_upload(upload("surat.pdf", PDF)).content_type == "application/pdf"
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"
    assert check_upload(upload("ktp.jpg", jpeg)).content_type == "image/jpeg"
    assert check_upload(upload("cv.docx", docx_bytes())).name == "cv.docx"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.png", PNG + SCRIPT),
        ("foto.png", PNG[:-12]),  # cut before its end chunk
        ("surat.pdf", PDF + SCRIPT),
        (
            "surat.pdf",
            PDF.replace(b"trailer", b"3 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\ntrailer"),
        ),
        ("surat.pdf", PDF.replace(b"trailer", b"3 0 obj<</S/Launch/F(cmd.exe)>>endobj\ntrailer")),
        ("ktp.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 8 + b"\xff\xd9" + SCRIPT),
    ],
)
def test_a_file_followed_by_html_or_carrying_a_script_is_refused(name, content):
    message = refused(name, content)
    assert name in message and "script" in message.lower()


def _zip(parts: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def test_a_document_that_unpacks_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_INFLATED_MB", 1)
    bomb = _zip({**_docx_parts(), "word/media/image1.png": b"\x00" * (2 * 1024 * 1024)})
    assert len(bomb) < 50_000  # small to send, large to open
    assert "unpacks to more than 1 MB" in refused("cv.docx", bomb)


def test_a_document_with_too_many_parts_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_PARTS", 50)
    many = _zip({**_docx_parts(), **{f"word/x{i}.xml": b"<x/>" for i in range(60)}})
    assert "too many parts" in refused("cv.docx", many)


def test_a_document_with_macros_is_refused():
    macro = _zip({**_docx_parts(), "word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 64})
    assert "macros" in refused("cv.docx", macro)


def test_the_refusal_is_in_indonesian_by_default():
    message = refused("foto.png", PNG + SCRIPT, language="id")
    assert "rusak" in message and "skrip" in message
