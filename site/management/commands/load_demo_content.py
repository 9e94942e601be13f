"""Creates the demo site, pages and accounts; running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks


class Command(BaseCommand):
    help = (
        "Load demo content: the site, home and guidance pages, a council administrator, a SEND "
        "team officer, a content editor and a professional. Each area adds its own through the "
        "`register_demo_content` hook. Safe to run more than once."
    )

    def handle(self, *args, **options):
        sign_ins = []
        with transaction.atomic():
            for load in hooks.get_hooks("register_demo_content"):
                sign_ins.extend(load() or [])
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if sign_ins:
            self.stdout.write("Demo sign-in details (codes are emailed to var/mail/):")
            for line in sign_ins:
                self.stdout.write(f"  {line}")
