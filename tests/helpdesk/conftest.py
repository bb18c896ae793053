import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mejabantu.helpdesk import services

# A minimal valid PDF (content check looks at the bytes, not the name).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
    b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000a49444154789c6300010000050001"
    )
    + b"\x00" * 16
)


def pdf_upload(name="surat-keputusan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Daftar riwayat hidup bakal calon")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture
def ask(users, office):
    """Ask a question as a party operator (default lo-partai-a) through the service."""

    def make(
        username="lo-partai-a",
        subject="Syarat usia calon",
        body="Berapa batas usia?",
        category="persyaratan-calon",
        **kwargs,
    ):
        ticket, _created = services.ticket_create(
            actor=users[username],
            office=office,
            subject=subject,
            body=body,
            category=category,
            idempotency_key=kwargs.pop("key", uuid.uuid4()),
            **kwargs,
        )
        return ticket

    return make


@pytest.fixture
def other_office(db):
    from mejabantu.accounts.models import User
    from mejabantu.offices.models import Office

    office = Office.objects.create(
        code="19.01", name="KPU Kabupaten Bangka", short_code="BGK", level="kabupaten"
    )
    User.objects.create_user(
        "petugas-bangka",
        password="x-Bangka-2024!",
        role="officer",
        office=office,
        email="petugas@bangka.example",
    )
    return office
