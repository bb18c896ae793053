"""Split the text of an Indonesian regulation into BAB / Pasal / ayat / huruf (no Django).

The shape follows the drafting rules of UU 12/2011 (Lampiran II): chapters ``BAB I`` with a
title line, optional ``Bagian``/``Paragraf`` headings, articles ``Pasal 7`` (or ``Pasal 7A``),
paragraphs ``(1)``, letters ``a.``, numbered points ``1.``; the closing block starts at
"Ditetapkan di" and the elucidation at "PENJELASAN". Lines that fit nowhere are reported
with their line numbers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

KINDS = [
    (re.compile(r"^UNDANG-UNDANG\b"), "uu"),
    (re.compile(r"^PERATURAN KOMISI PEMILIHAN UMUM\b"), "pkpu"),
    (re.compile(r"^KEPUTUSAN KOMISI PEMILIHAN UMUM\b"), "keputusan"),
    (re.compile(r"^PUTUSAN\b"), "putusan_mk"),
    (re.compile(r"^PERATURAN PRESIDEN\b"), "perpres"),
    (re.compile(r"^KEPUTUSAN PRESIDEN\b"), "keppres"),
    (re.compile(r"^SURAT EDARAN\b"), "surat_edaran"),
]
_NOMOR = re.compile(r"\bNOMOR\s+([0-9A-Z./-]+?)\s+TAHUN\s+(\d{4})\b", re.IGNORECASE)
_BAB = re.compile(r"^BAB\s+([IVXLC]+)\b\.?\s*(.*)$")
_SECTION = re.compile(r"^(Bagian|Paragraf)\s+\S+", re.IGNORECASE)
_PASAL = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s*$")
_AYAT = re.compile(r"^\((\d+[a-z]?)\)\s*(.*)$")
_LETTER = re.compile(r"^([a-z])[.)]\s+(.*)$")
_CLOSING = re.compile(
    r"^(Ditetapkan di|Diundangkan di|Agar setiap orang|PENJELASAN\b)", re.IGNORECASE
)
_PAGE = re.compile(r"^(-\s*\d+\s*-|\d+|halaman \d+( dari \d+)?)$", re.IGNORECASE)
_PREAMBLE_END = re.compile(r"^(MEMUTUSKAN|Menetapkan)\b", re.IGNORECASE)


@dataclass
class Unit:
    """A pasal, ayat or letter while it is being read."""

    number: str
    lead: list[str] = field(default_factory=list)
    children: list[Unit] = field(default_factory=list)
    line: int = 0

    def full_text(self, marker: str = "") -> str:
        lines = [" ".join(self.lead).strip()]
        for child in self.children:
            child_marker = f"({child.number})" if child.number.isdigit() else f"{child.number}."
            lines.append(child.full_text(child_marker))
        text = "\n".join(line for line in lines if line)
        return f"{marker} {text}".strip() if marker else text


@dataclass
class ParsedArticle:
    pasal: str
    ayat: str
    letter: str
    bab: str
    heading: str
    text: str
    line: int


@dataclass
class ParsedRegulation:
    kind: str = ""
    number: str = ""
    year: int | None = None
    title: str = ""
    articles: list[ParsedArticle] = field(default_factory=list)
    unparsed: list[tuple[int, str]] = field(default_factory=list)
    content_hash: str = ""
    chapters: dict[str, str] = field(default_factory=dict)


def content_hash(lines: list[str]) -> str:
    """A hash of the meaningful text, blind to blank lines and spacing."""
    text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_head(lines: list[tuple[int, str]], result: ParsedRegulation) -> None:
    upper = [text for _, text in lines]
    for text in upper:
        for pattern, kind in KINDS:
            if pattern.match(text.upper()) and not result.kind:
                result.kind = kind
        match = _NOMOR.search(text)
        if match and not result.number:
            result.number, result.year = match.group(1).rstrip("."), int(match.group(2))
    title: list[str] = []
    collecting = False
    for text in upper:
        if text.upper().startswith("TENTANG"):
            collecting = True
            rest = text[len("TENTANG") :].strip()
            if rest:
                title.append(rest)
            continue
        if collecting:
            if text.upper().startswith(("DENGAN RAHMAT", "MENIMBANG", "KETUA", "PRESIDEN")):
                break
            title.append(text)
    result.title = " ".join(title).strip()


def parse_lines(raw_lines: list[str]) -> ParsedRegulation:
    """Parse the lines of a regulation; see the module docstring for the shape understood."""
    result = ParsedRegulation(content_hash=content_hash(raw_lines))
    lines = [(i, " ".join(text.split())) for i, text in enumerate(raw_lines, start=1)]
    lines = [(i, text) for i, text in lines if text and not _PAGE.match(text)]
    body_start = next(
        (n for n, (_, text) in enumerate(lines) if _BAB.match(text) or _PASAL.match(text)),
        len(lines),
    )
    _read_head(lines[:body_start], result)
    pasals: list[tuple[Unit, str, str]] = []  # (pasal, bab, heading)
    seen: set[str] = set()
    bab = heading = ""
    pasal: Unit | None = None
    ayat: Unit | None = None
    letter: Unit | None = None
    expect_title = ""  # "bab" or "section" when the next line is that heading's title
    for lineno, text in lines[body_start:]:
        if _CLOSING.match(text):
            break
        if expect_title:
            if not (_PASAL.match(text) or _BAB.match(text) or _SECTION.match(text)):
                if expect_title == "bab":
                    result.chapters[bab] = text
                heading = text
                expect_title = ""
                continue
            expect_title = ""
        if m := _BAB.match(text):
            bab, heading = m.group(1), m.group(2)
            result.chapters[bab] = heading
            pasal = ayat = letter = None
            expect_title = "" if heading else "bab"
            continue
        if _SECTION.match(text):
            pasal = ayat = letter = None
            expect_title = "section"
            continue
        if m := _PASAL.match(text):
            number = m.group(1)
            if number in seen:
                result.unparsed.append((lineno, text))
                pasal = ayat = letter = None
                continue
            seen.add(number)
            pasal, ayat, letter = Unit(number, line=lineno), None, None
            pasals.append((pasal, bab, heading))
            continue
        if pasal is None:
            result.unparsed.append((lineno, text))
            continue
        if m := _AYAT.match(text):
            ayat, letter = Unit(m.group(1), [m.group(2)], line=lineno), None
            pasal.children.append(ayat)
            continue
        if m := _LETTER.match(text):
            letter = Unit(m.group(1), [m.group(2)], line=lineno)
            (ayat or pasal).children.append(letter)
            continue
        (letter or ayat or pasal).lead.append(text)
    for unit, unit_bab, unit_heading in pasals:
        _emit(result, unit, unit_bab, unit_heading)
    return result


def _emit(result: ParsedRegulation, pasal: Unit, bab: str, heading: str) -> None:
    def add(ayat: str, letter: str, text: str, line: int) -> None:
        result.articles.append(ParsedArticle(pasal.number, ayat, letter, bab, heading, text, line))

    add("", "", pasal.full_text(), pasal.line)
    for child in pasal.children:
        if child.number.isdigit() or child.number[:-1].isdigit():
            add(child.number, "", child.full_text(), child.line)
            for letter in child.children:
                add(child.number, letter.number, letter.full_text(), letter.line)
        else:
            add("", child.number, child.full_text(), child.line)


def read_lines(path: Path) -> list[str]:
    """Read a plain-text, DOCX or PDF (with a text layer) file as lines."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        return [p.text for p in document.paragraphs]
    if suffix == ".pdf":
        from pypdf import PdfReader

        lines: list[str] = []
        for page in PdfReader(str(path)).pages:
            lines.extend((page.extract_text() or "").splitlines())
        return lines
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return data.decode("latin-1").splitlines()
