"""The knowledge base's answer categories (code -> label), for forms, pages and services."""

CATEGORY_LABELS = {
    "persyaratan-calon": "Persyaratan calon",
    "syarat-pencalonan": "Syarat pencalonan (partai & gabungan)",
    "perseorangan": "Calon perseorangan",
    "dokumen": "Dokumen pendaftaran",
    "silon": "SILON",
    "jadwal": "Jadwal & tahapan",
    "calon-tunggal": "Calon tunggal",
    "pengunduran-diri": "Pengunduran diri",
    "lainnya": "Lainnya",
}
