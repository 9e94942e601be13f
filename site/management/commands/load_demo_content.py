"""Creates the demo site, pages and accounts; running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal_site.discovery import app_modules


class Command(BaseCommand):
    help = (
        "Load demo content: the site, home and guidance pages, a council administrator, a SEND "
        "team officer, a content editor and a professional. Each installed app adds its own "
        "with a `load()` function in its `demo.py`, in INSTALLED_APPS order. Safe to run more "
        "than once."
    )

    def handle(self, *args, **options):
        sign_ins = []
        with transaction.atomic():
            for demo in app_modules("demo"):
                sign_ins.extend(demo.load() or [])
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if sign_ins:
            self.stdout.write("Demo sign-in details (codes are emailed to var/mail/):")
            for line in sign_ins:
                self.stdout.write(f"  {line}")
