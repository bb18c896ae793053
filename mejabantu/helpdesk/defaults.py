"""The categories every office starts with (stable codes used by the API and imports)."""

CATEGORIES = [
    ("persyaratan-calon", "Persyaratan calon", 10),
    ("syarat-pencalonan", "Syarat pencalonan parpol/gabungan", 20),
    ("perseorangan", "Calon perseorangan", 30),
    ("dokumen", "Dokumen & formulir", 40),
    ("silon", "SILON & aplikasi", 50),
    ("jadwal", "Jadwal & tahapan", 60),
    ("lainnya", "Lainnya", 90),
]


def ensure_default_categories() -> None:
    """Create the shared categories if they are missing (idempotent)."""
    from mejabantu.helpdesk.models import Category

    for code, name, position in CATEGORIES:
        Category.objects.get_or_create(
            office=None, code=code, defaults={"name": name, "position": position}
        )
