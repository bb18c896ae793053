"""Demo offices: KPU Kabupaten Belitung (19.02), its province (19) and KPU RI."""

from mejabantu.offices.models import Office, Region


def load() -> None:
    """Create the three demo offices and their regions (idempotent)."""
    nation, _ = Region.objects.update_or_create(
        code="00", defaults={"name": "Indonesia", "level": Region.Level.NATIONAL}
    )
    babel, _ = Region.objects.update_or_create(
        code="19",
        defaults={
            "name": "Kepulauan Bangka Belitung",
            "level": Region.Level.PROVINCE,
            "parent": nation,
        },
    )
    belitung, _ = Region.objects.update_or_create(
        code="19.02",
        defaults={"name": "Kabupaten Belitung", "level": Region.Level.REGENCY, "parent": babel},
    )
    ri, _ = Office.objects.update_or_create(
        code="ri",
        defaults={
            "name": "KPU RI",
            "short_code": "RI",
            "level": Office.Level.RI,
            "region": nation,
            "timezone": Office.TimeZone.WIB,
            "address": "Jl. Imam Bonjol No. 29, Menteng, Jakarta Pusat",
            "email": "meja-bantuan@kpu.example",
        },
    )
    prov, _ = Office.objects.update_or_create(
        code="19",
        defaults={
            "name": "KPU Provinsi Kepulauan Bangka Belitung",
            "short_code": "BABEL",
            "level": Office.Level.PROVINCE,
            "region": babel,
            "parent": ri,
            "timezone": Office.TimeZone.WIB,
            "address": "Pangkalpinang",
            "email": "meja-bantuan@babel.kpu.example",
        },
    )
    Office.objects.update_or_create(
        code="19.02",
        defaults={
            "name": "KPU Kabupaten Belitung",
            "short_code": "BLT",
            "level": Office.Level.REGENCY,
            "region": belitung,
            "parent": prov,
            "timezone": Office.TimeZone.WIB,
            "address": "Tanjungpandan, Kabupaten Belitung",
            "phone": "(0719) 000000",
            "whatsapp": "0812-0000-0000",
            "email": "meja-bantuan@belitung.kpu.example",
            "helpdesk_intro": (
                "Meja bantuan pencalonan melayani partai politik, gabungan partai politik, "
                "tim bakal pasangan calon perseorangan, dan masyarakat yang mempunyai pertanyaan "
                "seputar pendaftaran calon Bupati dan Wakil Bupati Belitung. Ajukan pertanyaan "
                "secara daring, datang langsung ke kantor pada jam kerja, atau hubungi kami "
                "melalui telepon dan WhatsApp."
            ),
        },
    )
