import io

from django.core.files.uploadedfile import SimpleUploadedFile

# A minimal valid PDF (content check looks at the bytes, not the name).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
    b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = bytes.fromhex(  # a whole 1×1 PNG: header, one data chunk, end
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
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
