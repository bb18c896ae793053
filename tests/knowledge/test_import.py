"""`mejabantu import-regulation FILE`: TXT, DOCX and PDF of a multi-chapter regulation."""

import io
from pathlib import Path

import docx
import pytest
from django.core.management import call_command

from mejabantu.knowledge import regparse
from mejabantu.knowledge.models import Article, Regulation
from mejabantu.knowledge.selectors import search

SAMPLE = Path(__file__).parent / "fixtures" / "peraturan_contoh.txt"


def write_docx(lines: list[str], path: Path) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(lines: list[str], path: Path) -> Path:
    """A minimal one-page PDF with a text layer (Helvetica, one text line per source line)."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = "BT /F1 9 Tf 11 TL 30 810 Td " + " ".join(f"({esc(line)}) Tj T*" for line in lines)
    stream = (body + " ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(out.getvalue())
    return path


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


def test_parser_reads_title_chapters_articles_paragraphs_and_letters():
    parsed = regparse.parse_lines(sample_lines())
    assert (parsed.kind, parsed.number, parsed.year) == ("pkpu", "99", 2030)
    assert parsed.title == "TATA CARA LAYANAN MEJA BANTUAN PENCALONAN"
    assert parsed.chapters == {
        "I": "KETENTUAN UMUM",
        "II": "PENYELENGGARAAN MEJA BANTUAN",
        "III": "KETENTUAN PENUTUP",
    }
    keys = [(a.pasal, a.ayat, a.letter) for a in parsed.articles]
    assert keys == [
        ("1", "", ""),
        ("2", "", ""),
        ("2", "1", ""),
        ("2", "2", ""),
        ("2", "2", "a"),
        ("2", "2", "b"),
        ("2", "3", ""),
        ("3", "", ""),
        ("4", "", ""),
        ("4", "1", ""),
        ("4", "2", ""),
        ("5", "", ""),
    ]
    by_key = {(a.pasal, a.ayat, a.letter): a for a in parsed.articles}
    assert by_key[("2", "2", "b")].text.endswith("pada hari terakhir waktu setempat.")
    assert by_key[("2", "2", "")].text.startswith("Pada masa pendaftaran")
    assert "a. pukul 08.00" in by_key[("2", "2", "")].text
    assert by_key[("2", "1", "")].bab == "II"
    assert by_key[("2", "1", "")].heading == "Waktu Layanan"
    assert "2. Petugas adalah" in by_key[("1", "", "")].text


def test_parser_reports_lines_it_cannot_place_with_their_numbers():
    parsed = regparse.parse_lines(sample_lines())
    line = sample_lines().index("Catatan ini tidak termasuk pasal mana pun.") + 1
    assert parsed.unparsed == [(line, "Catatan ini tidak termasuk pasal mana pun.")]


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_import_command_splits_the_document_and_reimport_changes_nothing(db, tmp_path, fmt):
    if fmt == "txt":
        path = SAMPLE
    elif fmt == "docx":
        path = write_docx(sample_lines(), tmp_path / "contoh.docx")
    else:
        path = write_pdf(sample_lines(), tmp_path / "contoh.pdf")
    out = io.StringIO()
    call_command("import_regulation", str(path), stdout=out)
    text = out.getvalue()
    assert "pkpu-99-2030: 12 pasal dibuat" in text
    assert "12/12 pasal" in text  # progress
    assert "  baris " in text and "Catatan ini tidak termasuk pasal mana pun." in text
    regulation = Regulation.objects.get(code="pkpu-99-2030")
    assert regulation.kind == "pkpu"
    article = Article.objects.get(key="pkpu-99-2030/2/2/b")
    assert article.reference == "Pasal 2 ayat (2) huruf b"
    snapshot = list(Article.objects.values_list("key", "text", "bab"))

    again = io.StringIO()
    call_command("import_regulation", str(path), stdout=again)
    assert "tidak ada yang berubah" in again.getvalue()
    assert list(Article.objects.values_list("key", "text", "bab")) == snapshot


def test_changed_document_updates_only_what_changed(db, tmp_path):
    call_command("import_regulation", str(SAMPLE), stdout=io.StringIO())
    changed = [
        line.replace("mulai berlaku", "berlaku") if line.startswith("Peraturan ini") else line
        for line in sample_lines()
    ]
    path = tmp_path / "ubah.txt"
    path.write_text("\n".join(changed), encoding="utf-8")
    out = io.StringIO()
    call_command("import_regulation", str(path), stdout=out)
    assert "0 pasal dibuat, 1 diperbarui, 11 tetap" in out.getvalue()
    assert Article.objects.get(key="pkpu-99-2030/5").text.startswith("Peraturan ini berlaku")


def test_imported_articles_are_found_by_search(db, tmp_path):
    call_command("import_regulation", str(SAMPLE), stdout=io.StringIO())
    results = search("meja bantuan buka jam brp pas hari terakhir pendaftaran?")
    assert results[0].key == "pkpu-99-2030/2"
    assert search("pasal 4 ayat 2")[0].key == "pkpu-99-2030/4"
