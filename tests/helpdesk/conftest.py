import io

from django.core.files.uploadedfile import SimpleUploadedFile

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
