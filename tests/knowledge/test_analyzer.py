"""The Indonesian analyzer: the same tokens for the way LOs type and the way rules are written."""

import pytest

from mejabantu.knowledge.analyzer import analyze, analyze_plain, edits1, reference_tokens


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("paslon", "pasangan calon"),
        ("bapaslon", "bakal pasangan calon"),
        ("parpol", "partai politik"),
        ("koalisi", "gabungan"),
        ("cabup", "calon bupati"),
        ("cawabup", "calon wakil bupati"),
        ("cagub", "calon gubernur"),
        ("cawagub", "calon wakil gubernur"),
        ("cawalkot", "calon wali kota"),
        ("DPT", "daftar pemilih tetap"),
        ("LHKPN", "laporan harta kekayaan penyelenggara negara"),
        ("SKCK", "surat keterangan catatan kepolisian"),
        ("PKPU", "Peraturan Komisi Pemilihan Umum"),
        ("MK", "Mahkamah Konstitusi"),
        ("juknis", "petunjuk teknis"),
        ("syarat2", "syarat-syarat"),
        ("syarat2", "persyaratan"),
        ("pendaftaran", "didaftarkan"),
        ("umur", "usia"),
    ],
)
def test_chat_spelling_and_abbreviation_analyze_like_the_written_form(typed, written):
    assert analyze(typed) == analyze(written)


@pytest.mark.parametrize(
    "word", ["gmn", "gimana", "brp", "yg", "dgn", "utk", "tdk", "gak", "nggak"]
)
def test_chat_function_words_disappear_like_their_stop_words(word):
    assert analyze(f"{word} syarat") == analyze("syarat")


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("pasal 7", "pasal_7"),
        ("Pasal 7 ayat (2)", "pasal_7_2"),
        ("psl 7 ayat 2 huruf e", "pasal_7_2_e"),
        ("7 ayat 2", "pasal_7_2"),
        ("Putusan MK 60/PUU-XXII/2024", "60_2024"),
        ("PKPU 8/2024", "8_2024"),
        ("PKPU Nomor 10 Tahun 2024", "10_2024"),
    ],
)
def test_article_references_and_numbers_stay_tokens(text, token):
    assert token in analyze(text)


def test_numbers_are_kept():
    assert {"25", "2024"} <= set(analyze("usia 25 tahun pada 2024"))


def test_references_are_not_confused_with_plain_numbers():
    assert reference_tokens("jumlah 250.000 jiwa") == []


def test_misspelt_word_is_corrected_against_the_index_vocabulary():
    vocabulary = {"pendaftaran", "persyaratan", "kecamatan"}

    def lookup(words):  # the known words among those given and one edit away from them
        return {v for v in vocabulary if v in words or any(v in edits1(w) for w in words)}

    assert analyze("pendaftran", vocabulary=lookup) == analyze("pendaftaran")
    assert analyze("persyartan", vocabulary=lookup) == analyze("persyaratan")
    # short words are never "corrected"
    assert analyze("dpr", vocabulary=lookup) == ["dpr"]


def test_edit_distance_one_covers_insert_delete_replace_transpose():
    variants = edits1("syarat")
    assert {"syart", "syaratt", "syarst", "syarta"} <= variants


def test_plain_baseline_only_lowercases_and_splits():
    assert analyze_plain("Brp Persen suara?") == ["brp", "persen", "suara?"]
