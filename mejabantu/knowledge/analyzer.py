"""The Indonesian analyzer: one pipeline for indexing and for queries (no Django here).

Steps, in order: lower-case and fold punctuation; keep legal references as single tokens
("60/2024" → ``60_2024``, "pasal 7 ayat 2" → ``pasal_7`` and ``pasal_7_2``); rewrite chat
spellings and abbreviations through one table (``gmn`` → bagaimana, ``paslon`` → pasangan
calon, ``syarat2`` → syarat); replace long phrases by their usual acronym ("daftar pemilih
tetap" → ``dpt``); correct a misspelt word (edit distance 1, words of 5 letters or more) against
the vocabulary of the index when the caller supplies one; drop stop words; stem with
PySastrawi (cached per word).

Tokens contain only ``[a-z0-9_]`` so that SQLite FTS5 (``tokenchars '_'``) and PostgreSQL
(``'...'::tsvector``) store exactly what this module returns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

# Chat spellings and abbreviations → the words they stand for (applied before stemming).
SYNONYMS: dict[str, str] = {
    # chat spellings
    "gmn": "bagaimana",
    "gmna": "bagaimana",
    "gimana": "bagaimana",
    "bgmn": "bagaimana",
    "brp": "berapa",
    "brapa": "berapa",
    "yg": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "utk": "untuk",
    "untk": "untuk",
    "tdk": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "gk": "tidak",
    "tak": "tidak",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "blm": "belum",
    "blum": "belum",
    "krn": "karena",
    "karna": "karena",
    "jd": "jadi",
    "jg": "juga",
    "sy": "saya",
    "aja": "saja",
    "kalo": "kalau",
    "klo": "kalau",
    "kl": "kalau",
    "tgl": "tanggal",
    "thn": "tahun",
    "th": "tahun",
    "bln": "bulan",
    "hr": "hari",
    "dlm": "dalam",
    "pd": "pada",
    "spt": "seperti",
    "trs": "terus",
    "bs": "bisa",
    "bsa": "bisa",
    "hrs": "harus",
    "msh": "masih",
    "lg": "lagi",
    "dr": "dari",
    "sbg": "sebagai",
    "ttg": "tentang",
    "dibutuhin": "dibutuhkan",
    "butuhin": "butuhkan",
    "ngusung": "mengusung",
    "nyalon": "mencalonkan",
    "nyalonin": "mencalonkan",
    "daftarin": "daftarkan",
    # election vocabulary
    "paslon": "pasangan calon",
    "bapaslon": "bakal pasangan calon",
    "balon": "bakal calon",
    "parpol": "partai politik",
    "koalisi": "gabungan",
    "cabup": "calon bupati",
    "cawabup": "calon wakil bupati",
    "cagub": "calon gubernur",
    "cawagub": "calon wakil gubernur",
    "cawalkot": "calon walikota",
    "cawawalkot": "calon wakil walikota",
    "cakada": "calon kepala daerah",
    "kada": "kepala daerah",
    "wabup": "wakil bupati",
    "wagub": "wakil gubernur",
    "wawalkot": "wakil walikota",
    "walkot": "walikota",
    "pilbup": "pemilihan bupati",
    "pilgub": "pemilihan gubernur",
    "pilwalkot": "pemilihan walikota",
    "pemilu": "pemilihan",
    "pilkada": "pemilihan kepala daerah",
    "pileg": "pemilihan legislatif",
    "petahana": "petahana",
    "incumbent": "petahana",
    "napi": "terpidana",
    "eks": "mantan",
    "ex": "mantan",
    "kursi": "kursi",
    "asn": "asn",
    "pns": "asn",
    "tni": "tni",
    "polri": "polri",
    "kades": "kepala desa",
    "silon": "silon",
    "ktp": "ktp",
    "ktpel": "ktp",
    "ktp_el": "ktp",
    "ijazah": "ijazah",
    "jukni": "juknis",
    "pedoman": "pedoman",
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "prov": "provinsi",
    "umur": "usia",
    "thr": "ambang",
    "threshold": "ambang batas",
    "persen": "persen",
}

# Phrases → the acronym people type (applied on whole words before stemming).
PHRASES: list[tuple[tuple[str, ...], str]] = [
    (("daftar", "pemilih", "tetap"), "dpt"),
    (("laporan", "harta", "kekayaan", "penyelenggara", "negara"), "lhkpn"),
    (("surat", "keterangan", "catatan", "kepolisian"), "skck"),
    (("peraturan", "komisi", "pemilihan", "umum"), "pkpu"),
    (("peraturan", "kpu"), "pkpu"),
    (("keputusan", "komisi", "pemilihan", "umum"), "keputusan kpu"),
    (("komisi", "pemilihan", "umum"), "kpu"),
    (("mahkamah", "konstitusi"), "mk"),
    (("petunjuk", "teknis"), "juknis"),
    (("pedoman", "teknis"), "juknis"),
    (("sistem", "informasi", "pencalonan"), "silon"),
    (("undang", "undang"), "uu"),
    (("aparatur", "sipil", "negara"), "asn"),
    (("kartu", "tanda", "penduduk"), "ktp"),
    (("wali", "kota"), "walikota"),
    (("calon", "tunggal"), "calon_tunggal"),
    (("kotak", "kosong"), "calon_tunggal"),
]

# Function words, question words and the chat fillers of a LO's message.
STOP_WORDS: frozenset[str] = frozenset(
    """
    ada adalah agar akan aku anda apa apakah atas atau bagaimana bagi bahwa baik bapak begitu
    belum berapa bisa boleh bu buat dalam dan dapat dari demikian dengan di dia engkau hal hanya
    harus ia ibu ingin ini itu jadi jika juga kak kakak kalau kami kamu kan karena ke kepada
    ketika kita lagi lah mana masih mau maka mbak mas melalui mereka min mohon nya nih oleh
    pada pak para per saat saja sama sampai sang saya se sebagai sebelum sedang sehingga sejak
    seperti serta setelah si sih siapa supaya sudah tapi tentang terhadap terima kasih tersebut
    tolong tuh untuk ya yaitu yakni yang dong deh kah pun gan bro sis admin halo hai selamat
    pagi siang sore malam assalamualaikum wr wb tanya nanya bertanya tidak bukan apa_saja
    mengenai seputar sebut disebut terkait berkaitan bagaimanakah kapankah dimana mengapa kenapa
    """.split()
)

# "kapan" (when) matters for schedule questions, so it is not a stop word.

_REF_SLASH = re.compile(r"\b(\d{1,4})\s*/\s*(?:puu-[a-z]+\s*/\s*)?(\d{4})\b")
_REF_NOMOR = re.compile(r"\bno(?:mor)?\.?\s*(\d{1,4})\s+(?:tahun|thn|th)\s*(\d{4})\b")
_PASAL = re.compile(
    r"\b(?:pasal|psl|ps)\.?\s*(\d{1,3}[a-z]?)"
    r"(?:\s*(?:ayat|ay)\.?\s*\(?(\d{1,2})\)?)?"
    r"(?:\s*(?:huruf|hrf|hr)\.?\s*([a-z])\b)?"
)
_AYAT_ONLY = re.compile(r"\b(\d{1,3}[a-z]?)\s+ayat\s*\(?(\d{1,2})\)?")
_PAREN_AYAT = re.compile(r"\b(?:pasal|psl)\s*(\d{1,3}[a-z]?)\s*\((\d{1,2})\)")
_REDUP = re.compile(r"\b([a-z]{3,})(?:2|-\1)\b")
_NON_WORD = re.compile(r"[^a-z0-9_]+")

MIN_FUZZY_LENGTH = 5

VocabularyLookup = Callable[[set[str]], set[str]]
"""Given surface words, return the words the index knows among them and one edit away from
them (returning more known words is harmless; every word returned must be known)."""


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Return the PySastrawi stem of one lower-case word (numbers and references unchanged)."""
    if not word.isalpha() or len(word) <= 3:
        return word
    return _stemmer().stem(word) or word


def fold(text: str) -> str:
    """Lower-case, strip accents, and turn typographic quotes and dashes into plain ones."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return (
        text.lower()
        .replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("%", " persen ")
    )


def reference_tokens(text: str) -> list[str]:
    """Return the legal references in folded text as tokens (``pasal_7_2``, ``60_2024``)."""
    refs: list[str] = []
    for match in _REF_SLASH.finditer(text):
        refs.append(f"{int(match.group(1))}_{match.group(2)}")
    for match in _REF_NOMOR.finditer(text):
        refs.append(f"{int(match.group(1))}_{match.group(2)}")
    for match in _PASAL.finditer(text):
        pasal, ayat, letter = match.groups()
        refs.append(f"pasal_{pasal}")
        if ayat:
            refs.append(f"pasal_{pasal}_{ayat}")
            if letter:
                refs.append(f"pasal_{pasal}_{ayat}_{letter}")
    for match in _PAREN_AYAT.finditer(text):
        refs.append(f"pasal_{match.group(1)}_{match.group(2)}")
    for match in _AYAT_ONLY.finditer(text):
        refs.append(f"pasal_{match.group(1)}_{match.group(2)}")
    return list(dict.fromkeys(refs))


def words(text: str) -> list[str]:
    """Split folded text into surface words after the synonym and phrase rewrites."""
    text = _REDUP.sub(r"\1", text)
    raw = [w for w in _NON_WORD.split(text) if w]
    expanded: list[str] = []
    for word in raw:
        replacement = SYNONYMS.get(word)
        if replacement is None and word.endswith("2") and word[:-1].isalpha():
            replacement = word[:-1]  # chat reduplication: syarat2 → syarat
        expanded.extend((replacement or word).split())
    return _apply_phrases(expanded)


_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _acronym in PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _acronym))


def _apply_phrases(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase, acronym in _PHRASES_BY_FIRST.get(tokens[i], ()):
            n = len(phrase)
            if tuple(tokens[i : i + n]) == phrase:
                out.extend(acronym.split())
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def deletes(word: str) -> set[str]:
    """The strings left when one letter of a word is left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edits1(word: str) -> set[str]:
    """Every string at edit distance 1 (delete, transpose, replace, insert) from a word."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | transposes | replaces | inserts) - {word}


def correct(surface: list[str], vocabulary: VocabularyLookup) -> list[list[str]]:
    """Return, for each word, the words to search: itself, or its known neighbours if unknown."""
    fuzzy = {w for w in surface if len(w) >= MIN_FUZZY_LENGTH and w.isalpha()}
    if not fuzzy:
        return [[w] for w in surface]
    known = vocabulary(fuzzy)
    unknown = fuzzy - known
    result: list[list[str]] = []
    for word in surface:
        if word not in unknown:
            result.append([word])
            continue
        close = sorted(edits1(word) & known)[:3]
        result.append(close or [word])
    return result


def analyze_surface(text: str) -> list[str]:
    """Return the surface words (folded, rewritten, without stop words), before stemming."""
    return [w for w in words(fold(text)) if w not in STOP_WORDS]


def analyze(text: str, *, vocabulary: VocabularyLookup | None = None) -> list[str]:
    """Return the index tokens of a text: references, then stemmed words, in order.

    With ``vocabulary`` (query time), an unknown word of five letters or more is replaced by
    the known words one edit away from it.
    """
    folded = fold(text)
    tokens = reference_tokens(folded)
    surface = [w for w in words(folded) if w not in STOP_WORDS]
    groups = correct(surface, vocabulary) if vocabulary else [[w] for w in surface]
    for group in groups:
        for word in group:
            token = stem(word)
            if token and token not in STOP_WORDS:
                tokens.append(token)
    return tokens


def analyze_plain(text: str) -> list[str]:
    """The baseline without the Indonesian analyzer: lower-case, split on whitespace."""
    return text.lower().split()


def unique(tokens: Iterable[str]) -> list[str]:
    """Return tokens without repeats, in first-seen order."""
    return list(dict.fromkeys(tokens))
