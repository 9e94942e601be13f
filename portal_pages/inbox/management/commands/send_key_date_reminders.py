"""Daily job: message professionals about key dates due within 14 days or overdue."""

import datetime

from django.core.management.base import BaseCommand

from portal_pages.inbox.events import send_key_date_reminders


class Command(BaseCommand):
    help = (
        "Message each professional about key dates of their children's EHC cases that are "
        "due within 14 days or overdue. Safe to run more than once a day: each reminder is "
        "sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=14, help="How far ahead to look (default 14)."
        )
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            default=None,
            help="Run as if today were this date (YYYY-MM-DD), e.g. to catch up a missed day.",
        )

    def handle(self, *args, days, date, **options):
        sent = send_key_date_reminders(date, within_days=days)
        self.stdout.write(f"Sent {sent} key date reminder{'s' if sent != 1 else ''}.")
