"""Daily job: delete registrations whose confirmation link has expired unused."""

from django.core.management.base import BaseCommand

from portal_pages.accounts.services import remove_unconfirmed_registrations


class Command(BaseCommand):
    help = (
        "Delete accounts whose email address was never confirmed once their link has "
        "expired (the link lifetime in Registration settings), so the address is free for "
        "its owner. Safe to run again."
    )

    def handle(self, *args, **options):
        removed = remove_unconfirmed_registrations()
        self.stdout.write(f"Removed {removed} unconfirmed registration{'s' * (removed != 1)}.")
