"""Daily job: apply the retention periods set in the admin (Settings > Keeping data)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from retention.models import RetentionSettings
from retention.rules import removals


class Command(BaseCommand):
    help = (
        "Warn the authors of drafts about to expire, delete expired drafts and inactive "
        "child records, and anonymise long-closed accounts, as Settings > Keeping data says. "
        "Safe to run daily and again: what is done is not done twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be done and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        done = 0
        for removal in removals(RetentionSettings.load(), timezone.now()):
            if dry_run:
                self.stdout.write(f"Would: {removal.description}")
            else:
                removal.apply()
                self.stdout.write(f"Done: {removal.description}")
            done += 1
        verb = "Would do" if dry_run else "Done"
        self.stdout.write(f"{verb}: {done} action{'s' * (done != 1)} in all.")
