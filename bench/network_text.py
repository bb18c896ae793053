"""Indonesian subjects, questions and replies for the network seed (bench/network_seed.py).

Words are drawn from a candidacy vocabulary with a Zipf-like spread, so a word search meets
common words (in a large share of all tickets), middling ones and rare ones (in a few dozen
of a million); a ticket's question often names its own region, a word common in one office
and rare in the nation.
"""

import random
from itertools import accumulate

# Most frequent first: the weight of the n-th word is 1 / (n + 2).
COMMON = """
calon syarat pendaftaran dokumen bupati wakil partai dukungan berkas surat keterangan
usia pasangan politik gabungan persyaratan jadwal penetapan kursi suara perseorangan
gubernur walikota ijazah kesehatan pemeriksaan formulir salinan verifikasi tahapan
legalisir SKCK LHKPN akun SILON unggah DPRD ambang batas persen sah KTP elektronik
administrasi perbaikan tanggal kantor putusan Mahkamah Konstitusi PKPU nomor pasal ayat
ketentuan pengunduran diri ASN kepala desa anggota pejabat mundur petahana visi misi
program kampanye dana rekening laporan tim penghubung mandat rekomendasi keputusan
persetujuan tanda tangan stempel asli materai pernyataan bersedia Pancasila pidana
penjara mantan terpidana pengumuman media pajak NPWP tunggakan utang pengadilan negeri
catatan kepolisian narkoba psikologi jasmani rohani dokter rumah sakit daftar pemilih
tetap DPT rekapitulasi hasil pemilu legislatif perolehan koalisi pengusung pendukung
fotokopi lembar halaman sekretariat jam pelayanan libur Sabtu Minggu pagi siang sore
batas waktu perpanjangan penundaan pembatalan pergantian berhalangan meninggal dunia
sengketa keberatan gugatan Bawaslu DKPP kode etik netralitas pengawas saksi pemungutan
penghitungan logistik kotak surat suara tinta sampul segel distribusi gudang percetakan
desain gambar foto latar belakang merah ukuran pakaian resmi nama gelar akademik
penulisan huruf kapital singkatan tanda baca alamat domisili kartu keluarga akta
kelahiran sumpah janji pelantikan periode jabatan dua kali berturut menjabat pelaksana
tugas penjabat sementara pemberhentian pemberitahuan tertulis atasan instansi
kementerian dalam negeri lembaga provinsi kabupaten kota kecamatan kelurahan RT RW
""".split()

# Words of a few dozen tickets in a million.
RARE = """
sindikasi ekstradisi amnesti grasi abolisi rehabilitasi kewarganegaraan ganda dwikewarganegaraan
paspor imigrasi diaspora perbatasan kepulauan terpencil pedalaman transmigrasi ulayat adat
kesultanan keraton otonomi khusus majelis rakyat Papua orang asli kesaksian notaris apostille
legislasi yurisprudensi preseden inkracht kasasi peninjauan novum banding eksepsi replik
duplik sita jaminan wanprestasi somasi
""".split()

GREETINGS = [
    "Selamat pagi, kami ingin menanyakan",
    "Mohon penjelasan mengenai",
    "Assalamualaikum, izin bertanya tentang",
    "Kami dari tim penghubung ingin konfirmasi",
    "Bagaimana ketentuan",
    "Apakah boleh",
]
REPLIES = [
    "Terima kasih atas pertanyaannya. Sesuai ketentuan PKPU,",
    "Baik, kami sampaikan bahwa",
    "Berdasarkan keputusan KPU,",
    "Mohon dilengkapi terlebih dahulu",
]
NOTES = ["Catatan internal: cek ke divisi teknis soal", "Sudah dikonfirmasi lewat telepon,"]


class Words:
    """Seeded draws of words, phrases and sentences."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.cum = list(accumulate(1 / (n + 2) for n in range(len(COMMON))))

    def some(self, n: int) -> list[str]:
        return self.rng.choices(COMMON, cum_weights=self.cum, k=n)

    def subject(self, region: str) -> str:
        words = self.some(self.rng.randint(3, 7))
        if self.rng.random() < 0.15:
            words.append(region)
        text = " ".join(words)
        return text[:1].upper() + text[1:190] + "?"

    def question(self, region: str) -> str:
        rng = self.rng
        words = self.some(rng.randint(18, 45))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), f"di {region}")
        if rng.random() < 0.0008 * len(RARE):  # each rare word in ~0.08 % of the questions
            words.insert(rng.randrange(len(words)), rng.choice(RARE))
        return f"{rng.choice(GREETINGS)} {' '.join(words)}. Terima kasih."

    def reply(self) -> str:
        return f"{self.rng.choice(REPLIES)} {' '.join(self.some(self.rng.randint(12, 30)))}."

    def requester_reply(self) -> str:
        return f"Baik, terima kasih. Lalu {' '.join(self.some(self.rng.randint(8, 20)))}?"

    def note(self) -> str:
        return f"{self.rng.choice(NOTES)} {' '.join(self.some(self.rng.randint(5, 12)))}."
