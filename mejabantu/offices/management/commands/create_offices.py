"""`mejabantu create-offices`: an office for KPU RI and every province, kabupaten and kota."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mejabantu.offices.network import offices_create


class Command(BaseCommand):
    help = (
        "Create KPU RI, the KPU Provinsi and the KPU Kabupaten/Kota of every imported region "
        "(run import-regions first), with reference prefixes and unconfirmed government "
        "hours. Existing offices keep their names, prefixes and hours."
    )

    def handle(self, *args, **options):
        def progress(done, total):
            self.stdout.write(
                "  " + _("%(done)s/%(total)s offices checked") % {"done": done, "total": total}
            )

        report = offices_create(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                _("Offices: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
                % vars(report)
            )
        )
