from django.db import migrations

# Stable codes used by the API and imports; names as offices show them.
CATEGORIES = [
    ("persyaratan-calon", "Persyaratan calon", 10),
    ("syarat-pencalonan", "Syarat pencalonan parpol/gabungan", 20),
    ("perseorangan", "Calon perseorangan", 30),
    ("dokumen", "Dokumen & formulir", 40),
    ("silon", "SILON & aplikasi", 50),
    ("jadwal", "Jadwal & tahapan", 60),
    ("lainnya", "Lainnya", 90),
]


def add(apps, schema_editor):
    Category = apps.get_model("helpdesk", "Category")
    for code, name, position in CATEGORIES:
        Category.objects.update_or_create(
            office=None, code=code, defaults={"name": name, "position": position}
        )


def remove(apps, schema_editor):
    Category = apps.get_model("helpdesk", "Category")
    Category.objects.filter(office=None, code__in=[c[0] for c in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
