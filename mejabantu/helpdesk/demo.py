"""About forty realistic demo tickets of KPU Kabupaten Belitung, August–September 2024.

Written for the demo in our own words; every ticket goes through the services, keyed by a
stable idempotency key, so loading twice changes nothing.
"""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk import services
from mejabantu.helpdesk.defaults import ensure_default_categories
from mejabantu.helpdesk.models import LEGACY_VALUES, CannedAnswer, Status, Ticket
from mejabantu.helpdesk.services.mail import mail_silenced
from mejabantu.offices.models import Office

WIB = ZoneInfo("Asia/Jakarta")
NS = uuid.UUID("6f1c2a52-5e1b-4c3e-9d0e-0b7c1f0e2a11")

# (slug, organisation code | None, channel, category, when "MM-DD HH:MM" in 2024 WIB,
#  subject, question, requester (public/walk-in), final status, assignee, replies)
# replies: (who, minutes after receipt, text, internal); who "R" is the requester.
TICKETS = [
    (
        "ambang-batas-baru",
        "pdip-belitung",
        "web",
        "syarat-pencalonan",
        "08-21 09:12",
        "Ambang batas pencalonan setelah putusan MK 60",
        "Setelah putusan MK kemarin, berapa persen suara sah yang harus dikumpulkan partai atau "
        "gabungan partai untuk mengusung pasangan calon Bupati Belitung? Apakah masih 20 persen kursi?",
        None,
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                95,
                "Untuk Kabupaten Belitung, DPT Pemilu 2024 sebanyak 136.500 pemilih "
                "sehingga masuk rentang sampai dengan 250.000 pemilih. Partai atau gabungan partai "
                "perlu paling sedikit 10 persen suara sah hasil Pemilu DPRD 2024. Syarat 20 persen "
                "kursi tidak berlaku lagi. Rincian teknis masih menunggu PKPU perubahan.",
                False,
            ),
            (
                "R",
                130,
                "Terima kasih, berarti partai tanpa kursi juga bisa ikut menggabungkan suara ya?",
                False,
            ),
            (
                "petugas1",
                150,
                "Benar. Partai peserta Pemilu 2024 yang tidak memperoleh kursi DPRD "
                "dapat bergabung dan suaranya dihitung.",
                False,
            ),
        ],
    ),
    (
        "usia-cawabup",
        "gerindra-belitung",
        "web",
        "persyaratan-calon",
        "08-21 10:40",
        "Batas usia calon wakil bupati",
        "Bakal calon wakil bupati kami lahir 10 Oktober 1999. Apakah sudah memenuhi syarat usia?",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                60,
                "Syarat usia calon bupati dan wakil bupati paling rendah 25 tahun, "
                "dihitung pada tanggal penetapan pasangan calon 22 September 2024 sesuai putusan MK "
                "70/PUU-XXII/2024. Calon Anda baru genap 25 tahun pada 10 Oktober 2024, jadi belum "
                "memenuhi syarat.",
                False,
            ),
            (
                "petugas2",
                62,
                "Sudah dicek ke tabel usia, konsisten dengan penjelasan Pak Ketua "
                "saat sosialisasi.",
                True,
            ),
        ],
    ),
    (
        "silon-akun",
        "golkar-belitung",
        "telepon",
        "silon",
        "08-22 08:05",
        "Akun SILON admin partai belum aktif",
        "Penelepon menyampaikan akun SILON admin DPD belum bisa dipakai masuk, muncul pesan "
        "akun tidak aktif.",
        "Hendra (admin SILON DPD Golkar)",
        "diproses",
        "petugas1",
        [
            (
                "petugas1",
                20,
                "Sudah dicek, permohonan akun diterima 20 Agustus. Kami teruskan ke "
                "operator SILON KPU Provinsi untuk aktivasi.",
                True,
            ),
            (
                "petugas1",
                25,
                "Permohonan aktivasi akun sedang kami teruskan. Mohon siapkan surat "
                "penunjukan admin dari partai bila diminta.",
                False,
            ),
        ],
    ),
    (
        "dokumen-lhkpn",
        "nasdem-belitung",
        "web",
        "dokumen",
        "08-22 13:30",
        "Tanda terima LHKPN belum keluar",
        "Calon kami sudah mengisi LHKPN secara daring tetapi tanda terima dari KPK belum terbit. "
        "Apakah bisa mendaftar dengan bukti pengisian saja?",
        None,
        "menunggu",
        "petugas2",
        [
            (
                "petugas2",
                120,
                "Yang diminta saat pendaftaran adalah tanda terima penyerahan LHKPN "
                "dari KPK. Apakah sudah ada surat kuasa bermeterai yang diunggah ke e-LHKPN? Banyak "
                "laporan tertahan karena itu.",
                False,
            ),
        ],
    ),
    (
        "koalisi-perindo",
        "perindo-belitung",
        "meja",
        "syarat-pencalonan",
        "08-22 14:15",
        "Partai tanpa kursi ingin bergabung koalisi",
        "Pengurus datang langsung menanyakan apakah suara Perindo yang tidak punya kursi di DPRD "
        "Belitung bisa digabungkan dengan koalisi partai lain.",
        "Pengurus DPD Perindo",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                15,
                "Dijelaskan di meja: bisa, sepanjang partai peserta Pemilu 2024. Suara "
                "sah Perindo pada Pemilu DPRD 2024 dijumlahkan dengan partai lain dalam gabungan.",
                False,
            ),
        ],
    ),
    (
        "skck-polres",
        "pkb-belitung",
        "whatsapp",
        "dokumen",
        "08-23 07:50",
        "SKCK diurus di Polres atau Polda?",
        "Untuk calon bupati, SKCK diurus di mana?",
        "Rudi (LO PKB)",
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                40,
                "Untuk calon bupati dan wakil bupati, SKCK diterbitkan Polres sesuai "
                "domisili. Bawa dokumen asli saat pendaftaran.",
                False,
            ),
        ],
    ),
    (
        "jam-pendaftaran",
        None,
        "web",
        "jadwal",
        "08-23 09:00",
        "Jam buka pendaftaran pasangan calon",
        "Pendaftaran paslon tanggal berapa dan sampai jam berapa?",
        "Yuliana",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                30,
                "Pendaftaran 27–29 Agustus 2024. Hari pertama dan kedua pukul "
                "08.00–16.00 WIB, hari terakhir sampai pukul 23.59 WIB.",
                False,
            ),
        ],
    ),
    (
        "pns-mundur",
        "pks-belitung",
        "web",
        "persyaratan-calon",
        "08-23 10:20",
        "Calon berstatus ASN, kapan harus mundur?",
        "Bakal calon wakil kami masih PNS di pemkab. Apakah harus sudah ada SK pemberhentian saat "
        "mendaftar?",
        None,
        "diproses",
        "koordinator",
        [
            (
                "koordinator",
                45,
                "Ada perbedaan keterangan di pusat. Kita pakai jawaban aman dulu "
                "sambil menunggu juknis.",
                True,
            ),
        ],
    ),
    (
        "ijazah-legalisir",
        "pan-belitung",
        "web",
        "dokumen",
        "08-23 11:05",
        "Legalisir ijazah paket C",
        "Calon kami berijazah Paket C. Legalisir di mana dan apakah setara SLTA?",
        None,
        "baru",
        None,
        [],
    ),
    (
        "dpt-band",
        "demokrat-belitung",
        "email",
        "syarat-pencalonan",
        "08-23 15:40",
        "DPT mana yang dipakai untuk menentukan persentase?",
        "Apakah persentase 10% itu dari DPT Pilkada 2024 atau DPT Pemilu?",
        "Sekretaris DPC Demokrat",
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                70,
                "Rentang persentase ditentukan oleh DPT Pemilu terakhir di daerah itu, "
                "yaitu DPT Pemilu 2024 sebanyak 136.500. Persentasenya dihitung dari suara sah, "
                "bukan dari jumlah DPT.",
                False,
            ),
        ],
    ),
    (
        "kesehatan-jadwal",
        "psi-belitung",
        "web",
        "jadwal",
        "08-24 08:30",
        "Jadwal pemeriksaan kesehatan",
        "Kapan dan di rumah sakit mana pemeriksaan kesehatan bakal calon?",
        None,
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                50,
                "Pemeriksaan kesehatan berlangsung 27 Agustus–2 September 2024 di rumah "
                "sakit yang ditunjuk KPU. Jadwal per pasangan kami sampaikan setelah pendaftaran "
                "diterima.",
                False,
            ),
            ("R", 80, "Siap, terima kasih.", False),
        ],
    ),
    (
        "perseorangan-dukungan",
        "tim-perseorangan-belitung",
        "web",
        "perseorangan",
        "05-07 10:00",
        "Jumlah dukungan calon perseorangan",
        "Berapa dukungan minimal untuk jalur perseorangan di Belitung dan sebarannya?",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                90,
                "Minimal 13.650 dukungan (10% dari DPT 136.500) yang tersebar di "
                "lebih dari 50% kecamatan, yaitu paling sedikit 3 dari 5 kecamatan.",
                False,
            ),
        ],
    ),
    (
        "model-b-terlambat",
        "gerindra-belitung",
        "telepon",
        "dokumen",
        "08-27 10:10",
        "Formulir persetujuan DPP belum tiba",
        "Persetujuan DPP untuk pasangan calon belum diterima pengurus daerah. Apakah pendaftaran "
        "bisa tetap dilakukan hari ini?",
        "Andi Pratama",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                30,
                "Dokumen persetujuan DPP wajib ada saat pendaftaran. Masih ada waktu "
                "sampai 29 Agustus pukul 23.59 WIB. Mohon dipastikan berkas asli dibawa.",
                False,
            ),
        ],
    ),
    (
        "tarik-dukungan",
        "hanura-belitung",
        "web",
        "syarat-pencalonan",
        "08-28 09:45",
        "Bolehkah menarik dukungan setelah mendaftar?",
        "Jika partai sudah ikut mendaftarkan pasangan, apakah boleh pindah dukungan ke pasangan "
        "lain?",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                35,
                "Tidak boleh. Setelah pendaftaran, partai atau gabungan partai tidak "
                "dapat menarik dukungan dan tidak dapat mengusulkan pengganti.",
                False,
            ),
        ],
    ),
    (
        "satu-paslon",
        "ppp-belitung",
        "web",
        "jadwal",
        "08-29 20:10",
        "Jika hanya satu pasangan yang mendaftar",
        "Apa yang terjadi kalau sampai penutupan hanya ada satu pasangan calon?",
        None,
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                25,
                "Pendaftaran ditunda, ada sosialisasi 3 hari lalu perpanjangan "
                "pendaftaran 3 hari. Bila tetap satu pasangan, pemilihan tetap berjalan melawan "
                "kolom kosong.",
                False,
            ),
        ],
    ),
    (
        "silon-unggah",
        "pdip-belitung",
        "silon",
        "silon",
        "08-27 14:00",
        "Unggahan dokumen gagal di SILON",
        "Saat mengunggah dokumen visi-misi muncul galat ukuran berkas.",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                15,
                "Batas ukuran berkas di SILON terbatas; kompres PDF terlebih dulu lalu "
                "unggah ulang.",
                False,
            ),
            ("R", 40, "Sudah berhasil, terima kasih.", False),
        ],
    ),
    (
        "tes-narkoba",
        "golkar-belitung",
        "meja",
        "persyaratan-calon",
        "08-26 09:20",
        "Apakah tes narkoba termasuk pemeriksaan kesehatan?",
        "LO datang menanyakan apakah calon perlu surat bebas narkoba terpisah.",
        "LO Golkar",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                10,
                "Pemeriksaan bebas penyalahgunaan narkotika termasuk dalam pemeriksaan "
                "kesehatan oleh tim yang ditunjuk KPU bersama BNN. Tidak perlu surat terpisah.",
                False,
            ),
        ],
    ),
    (
        "npwp-spt",
        "pkb-belitung",
        "web",
        "dokumen",
        "08-26 11:00",
        "Bukti SPT lima tahun",
        "Calon kami baru punya NPWP tiga tahun. SPT berapa tahun yang dilampirkan?",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                55,
                "Lampirkan tanda terima SPT sejak calon memiliki NPWP bila kurang dari "
                "lima tahun, beserta keterangan tidak mempunyai tunggakan pajak dari KPP.",
                False,
            ),
        ],
    ),
    (
        "petahana-cuti",
        "nasdem-belitung",
        "web",
        "persyaratan-calon",
        "08-30 08:40",
        "Cuti kampanye bagi petahana",
        "Apakah petahana yang mencalonkan kembali harus mundur atau cukup cuti?",
        None,
        "selesai",
        "koordinator",
        [
            (
                "koordinator",
                60,
                "Petahana di daerah yang sama cukup cuti di luar tanggungan negara "
                "selama masa kampanye 25 September–23 November 2024. Kepala daerah yang maju di "
                "daerah lain harus berhenti.",
                False,
            ),
        ],
    ),
    (
        "mantan-napi",
        None,
        "web",
        "persyaratan-calon",
        "08-24 19:30",
        "Syarat bagi mantan terpidana",
        "Saya pernah dipidana dua tahun dan bebas tahun 2017. Apakah bisa maju?",
        "Fajar",
        "menunggu",
        "petugas1",
        [
            (
                "petugas1",
                900,
                "Bila ancaman pidananya 5 tahun atau lebih, harus sudah lewat 5 tahun "
                "sejak selesai menjalani pidana dan diumumkan secara terbuka. Mohon sebutkan pasal "
                "dakwaan dan ancaman pidananya agar kami dapat menjawab tepat.",
                False,
            ),
        ],
    ),
    (
        "kades-mundur",
        "demokrat-belitung",
        "web",
        "persyaratan-calon",
        "08-30 10:00",
        "Kepala desa mencalonkan diri",
        "Calon wakil kami kepala desa. Dokumen pengunduran diri apa yang diserahkan?",
        None,
        "diproses",
        "petugas2",
        [],
    ),
    (
        "gladi-bersih",
        "pan-belitung",
        "email",
        "jadwal",
        "08-24 13:00",
        "Undangan gladi bersih pendaftaran",
        "Apakah LO wajib hadir pada gladi bersih hari Senin?",
        "Sekretariat DPD PAN",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                120,
                "Kehadiran LO sangat dianjurkan agar alur penyerahan berkas hari H "
                "berjalan lancar.",
                False,
            ),
        ],
    ),
    (
        "visi-misi-rpjpd",
        "psi-belitung",
        "web",
        "dokumen",
        "08-25 16:30",
        "Visi misi harus sesuai RPJPD?",
        "Apakah visi misi wajib mengacu ke RPJPD kabupaten?",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                900,
                "Ya, visi, misi dan program harus selaras dengan RPJPD. Dokumen RPJPD "
                "dapat diminta di sekretariat.",
                False,
            ),
        ],
    ),
    (
        "caleg-terpilih",
        "gerindra-belitung",
        "web",
        "persyaratan-calon",
        "08-25 09:00",
        "Caleg terpilih yang belum dilantik",
        "Calon kami anggota DPRD terpilih 2024 dan belum dilantik. Apa yang harus diserahkan?",
        None,
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                100,
                "Partai menyerahkan surat pemberitahuan pengunduran diri yang "
                "bersangkutan sebagai calon terpilih, paling lambat pada masa perbaikan.",
                False,
            ),
        ],
    ),
    (
        "rekap-suara",
        "buruh-belitung",
        "meja",
        "syarat-pencalonan",
        "08-26 13:40",
        "Data suara sah resmi Pemilu DPRD",
        "Pengurus Partai Buruh meminta salinan perolehan suara sah DPRD 2024 per partai.",
        "Pengurus Exco Partai Buruh",
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                20,
                "Diserahkan salinan keputusan KPU Kabupaten tentang jumlah minimal "
                "suara dan rekap hasil Pemilu DPRD 2024.",
                False,
            ),
        ],
    ),
    (
        "periode-jabatan",
        "golkar-belitung",
        "web",
        "persyaratan-calon",
        "08-27 16:10",
        "Menghitung dua periode jabatan",
        "Calon kami pernah menjadi Plt bupati 2 tahun 8 bulan lalu bupati definitif satu periode. "
        "Apakah masih bisa maju?",
        None,
        "diproses",
        "koordinator",
        [
            (
                "koordinator",
                30,
                "Kasus batas masa jabatan: eskalasi ke KPU Provinsi untuk kepastian.",
                True,
            ),
        ],
    ),
    (
        "foto-calon",
        "pks-belitung",
        "whatsapp",
        "dokumen",
        "08-27 08:20",
        "Ukuran pas foto calon",
        "Pas foto ukuran berapa dan berapa lembar?",
        "LO PKS",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                15,
                "Ikuti ketentuan di formulir; siapkan juga berkas digital untuk SILON.",
                False,
            )
        ],
    ),
    (
        "hasil-kesehatan",
        "pdip-belitung",
        "telepon",
        "persyaratan-calon",
        "09-03 10:00",
        "Hasil pemeriksaan kesehatan",
        "Kapan hasil pemeriksaan kesehatan disampaikan dan apakah bisa diminta salinannya?",
        "Dewi Lestari",
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                45,
                "Hasil pemeriksaan bersifat rahasia dan disampaikan kepada KPU. KPU "
                "memberitahukan hasil penelitian persyaratan pada 5–6 September.",
                False,
            ),
        ],
    ),
    (
        "perbaikan-dokumen",
        "nasdem-belitung",
        "web",
        "dokumen",
        "09-05 15:00",
        "Masa perbaikan dokumen",
        "Kami mendapat catatan belum memenuhi syarat untuk SKCK. Sampai kapan bisa diperbaiki?",
        None,
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                30,
                "Perbaikan dokumen 6–8 September 2024. Serahkan SKCK yang benar dalam masa itu.",
                False,
            ),
        ],
    ),
    (
        "ganti-calon",
        "pkb-belitung",
        "web",
        "syarat-pencalonan",
        "09-06 09:30",
        "Mengganti bakal calon wakil",
        "Jika bakal calon wakil dinyatakan tidak memenuhi syarat kesehatan, bisakah diganti?",
        None,
        "menunggu",
        "petugas2",
        [
            (
                "petugas2",
                60,
                "Bisa, penggantian diajukan pada masa perbaikan. Apakah sudah ada "
                "pemberitahuan resmi hasil pemeriksaan?",
                False,
            ),
        ],
    ),
    (
        "nomor-urut",
        None,
        "web",
        "jadwal",
        "09-18 11:00",
        "Pengundian nomor urut",
        "Kapan pengundian nomor urut pasangan calon?",
        "Rahma",
        "selesai",
        "petugas1",
        [
            (
                "petugas1",
                40,
                "Penetapan pasangan calon 22 September dan pengundian nomor urut 23 "
                "September 2024.",
                False,
            ),
        ],
    ),
    (
        "kampanye-mulai",
        "gelora-belitung",
        "web",
        "jadwal",
        "09-20 14:00",
        "Mulai kampanye",
        "Kampanye mulai tanggal berapa?",
        None,
        "selesai",
        "petugas2",
        [
            ("petugas2", 20, "Masa kampanye 25 September–23 November 2024.", False),
        ],
    ),
    (
        "bumd-mundur",
        "ppp-belitung",
        "web",
        "persyaratan-calon",
        "08-28 10:30",
        "Direktur BUMD mencalonkan diri",
        "Apakah direktur BUMD harus mundur sebelum mendaftar?",
        None,
        "baru",
        None,
        [],
    ),
    (
        "silon-lupa-sandi",
        "hanura-belitung",
        "telepon",
        "silon",
        "08-28 08:10",
        "Lupa kata sandi SILON",
        "Operator lupa kata sandi akun SILON.",
        "Operator Hanura",
        "selesai",
        "petugas1",
        [("petugas1", 10, "Diarahkan menggunakan fitur atur ulang sandi; berhasil masuk.", False)],
    ),
    (
        "dukungan-ganda",
        "tim-perseorangan-belitung",
        "web",
        "perseorangan",
        "05-20 09:00",
        "Pendukung ganda",
        "Bagaimana jika satu pendukung tercatat mendukung dua bakal pasangan?",
        None,
        "selesai",
        "petugas2",
        [
            (
                "petugas2",
                80,
                "Dukungan ganda akan diverifikasi; satu orang hanya boleh mendukung "
                "satu bakal pasangan.",
                False,
            ),
        ],
    ),
    (
        "coalition-check",
        "tim-koalisi-belitung-maju",
        "web",
        "syarat-pencalonan",
        "08-26 10:00",
        "Hitung cukup tidaknya gabungan suara",
        "Gabungan kami memperoleh 9.800 suara sah. Apakah cukup?",
        None,
        "menunggu",
        "petugas1",
        [
            (
                "petugas1",
                50,
                "Mohon kirim rincian suara per partai anggota gabungan agar dapat kami "
                "cocokkan dengan keputusan KPU tentang jumlah minimal suara.",
                False,
            ),
        ],
    ),
    (
        "lokasi-pendaftaran",
        None,
        "whatsapp",
        "lainnya",
        "08-26 17:00",
        "Lokasi pendaftaran",
        "Pendaftaran di kantor KPU atau di gedung lain?",
        "Sari",
        "selesai",
        "petugas2",
        [("petugas2", 900, "Di kantor KPU Kabupaten Belitung, Tanjungpandan.", False)],
    ),
    (
        "parkir-pendukung",
        "demokrat-belitung",
        "web",
        "lainnya",
        "08-26 15:00",
        "Pendukung yang ikut mengantar",
        "Berapa orang pendukung yang boleh masuk area kantor?",
        None,
        "ditutup",
        "koordinator",
        [
            (
                "koordinator",
                60,
                "Jumlah pengantar dibatasi demi ketertiban; detail disampaikan pada "
                "rapat koordinasi dengan partai.",
                False,
            ),
        ],
    ),
    (
        "duplikat-jam",
        None,
        "web",
        "jadwal",
        "08-23 09:05",
        "Jam pendaftaran",
        "Sampai jam berapa pendaftaran hari terakhir?",
        "Yuliana",
        "baru",
        None,
        [],
    ),
    (
        "belum-dibalas",
        "pdip-belitung",
        "web",
        "perseorangan",
        "08-29 21:00",
        "Calon perseorangan dan koalisi partai",
        "Apakah pasangan perseorangan boleh sekaligus didukung partai?",
        None,
        "baru",
        None,
        [],
    ),
]

CANNED = [
    (
        "Jam pendaftaran",
        "Pendaftaran pasangan calon 27–29 Agustus 2024: hari pertama dan kedua "
        "pukul 08.00–16.00 WIB, hari terakhir sampai pukul 23.59 WIB.",
    ),
    (
        "Ambang batas Belitung",
        "DPT Pemilu 2024 Kabupaten Belitung 136.500 pemilih, sehingga "
        "partai atau gabungan partai perlu paling sedikit 10 persen suara sah Pemilu DPRD 2024.",
    ),
    ("Minta data tambahan", "Agar kami dapat menjawab dengan tepat, mohon lengkapi data berikut: "),
]


def _when(stamp: str) -> datetime:
    month_day, hm = stamp.split(" ")
    return datetime.fromisoformat(f"2024-{month_day}T{hm}").replace(tzinfo=WIB)


def load() -> None:
    """Create the demo tickets, replies and canned answers (idempotent), sending no mail."""
    with mail_silenced():
        _load()


def _load() -> None:
    ensure_default_categories()
    office = Office.objects.get(code="19.02")
    users = {u.username: u for u in User.objects.filter(office=office)}
    users.update({u.username: u for u in User.objects.filter(role=User.Role.OPERATOR)})
    operators = {
        u.organisation.code: u
        for u in User.objects.filter(
            role=User.Role.OPERATOR, organisation__isnull=False
        ).select_related("organisation")
    }
    officer = users["petugas1"]
    for title, body in CANNED:
        if not CannedAnswer.objects.filter(office=office, title=title).exists():
            services.canned_answer_create(office=office, actor=officer, title=title, body=body)
    for row in TICKETS:
        slug, org_code, channel, category, stamp, subject, body, who, status, assignee, replies = (
            row
        )
        channel = LEGACY_VALUES["channel"].get(channel, channel)
        status = LEGACY_VALUES["status"].get(status, status)
        key = uuid.uuid5(NS, slug)
        if Ticket.objects.filter(idempotency_key=key).exists():
            continue
        received = _when(stamp)
        org = Organisation.objects.get(code=org_code) if org_code else None
        operator = operators.get(org_code) if org_code else None
        if channel == "web" and operator is not None:
            actor, extra = officer, {"organisation": org, "requester_name": str(operator)}
        elif channel == "web" and org is None:
            actor, extra = (
                officer,
                {"requester_name": who, "requester_email": f"{who.split()[0].lower()}@contoh.id"},
            )
        else:
            actor, extra = officer, {"organisation": org, "requester_name": who or org.name}
        ticket, _created = services.ticket_create(
            actor=actor,
            office=office,
            subject=subject,
            body=body,
            category=category,
            channel="web" if channel == "silon" else channel,
            received_at=received,
            idempotency_key=key,
            max_backdate=None,
            **extra,
        )
        if channel == "web" and operator is not None:
            Ticket.objects.filter(pk=ticket.pk).update(requester=operator, created_by=None)
        if assignee:
            services.ticket_update(
                ticket=ticket,
                actor=users[assignee],
                expected_version=None,
                assignee=users[assignee],
                at=received + timedelta(minutes=5),
            )
        for author, minutes, text, internal in replies:
            at = received + timedelta(minutes=minutes)
            if author == "R":
                services.message_add(
                    ticket=ticket,
                    actor=operator,
                    body=text,
                    via_public_link=operator is None,
                    at=at,
                )
            else:
                services.message_add(
                    ticket=ticket, actor=users[author], body=text, internal=internal, at=at
                )
        last = replies[-1][1] if replies else 30
        if status != Status.NEW:
            ticket.refresh_from_db()
            staff = users[assignee] if assignee else officer
            services.ticket_update(
                ticket=ticket,
                actor=staff,
                expected_version=None,
                status=status,
                at=received + timedelta(minutes=last + 5),
            )
    _rate_some()
    _merge_duplicate(office, officer)


def _rate_some() -> None:
    ratings = {
        "ambang-batas-baru": (5, "Jelas dan cepat."),
        "jam-pendaftaran": (4, ""),
        "kesehatan-jadwal": (5, "Terima kasih."),
        "silon-unggah": (3, "Agak lama."),
    }
    for slug, (stars, comment) in ratings.items():
        ticket = Ticket.objects.filter(idempotency_key=uuid.uuid5(NS, slug)).first()
        if ticket is not None and ticket.rating is None and ticket.status == Status.RESOLVED:
            services.ticket_rate(ticket=ticket, rating=stars, comment=comment)


def _merge_duplicate(office: Office, officer: User) -> None:
    source = Ticket.objects.filter(idempotency_key=uuid.uuid5(NS, "duplikat-jam")).first()
    target = Ticket.objects.filter(idempotency_key=uuid.uuid5(NS, "jam-pendaftaran")).first()
    if source and target and source.merged_into_id is None:
        services.ticket_merge(source=source, target=target, actor=officer)
