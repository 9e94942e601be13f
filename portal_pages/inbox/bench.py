"""Pages for `make bench`: the inbox of a professional with 5,000 messages."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal_pages.accounts.bench import send_officer
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.inbox.models import Message

BENCH_EMAIL = "bench.inbox@oakfield-primary.sch.uk"
BENCH_MESSAGES = 5000


def pages():
    """Create (once) a professional with 5,000 messages, a fifth unread and a tenth asking
    for action, and return their inbox pages with a client signed in with both factors, and
    the SEND team's listing of sent messages."""
    user, _ = User.objects.get_or_create(
        email=BENCH_EMAIL,
        defaults={"full_name": "Bench Inbox", "status": User.Status.APPROVED},
    )
    missing = BENCH_MESSAGES - Message.objects.filter(recipient=user).count()
    now = timezone.now()
    Message.objects.bulk_create(
        Message(
            recipient=user,
            subject=f"Bench message {n}",
            body="A message for timing the inbox.",
            category=Message.Category.ACTION if n % 10 == 0 else Message.Category.INFORMATION,
            created=now - datetime.timedelta(minutes=n),
            read_at=None if n % 5 == 0 else now,
        )
        for n in range(max(missing, 0))
    )
    client = sign_in_verified(Client(), user)
    officer = sign_in_verified(Client(), send_officer())
    newest = Message.objects.filter(recipient=user).first()
    sent = reverse("inbox_messages:index")
    return [
        ("inbox, 5,000 messages", client, "/messages/"),
        ("inbox, unread filter", client, "/messages/?show=unread"),
        ("inbox, page 100", client, "/messages/?page=100"),
        ("one message", client, newest.get_absolute_url()),
        ("admin: Messages", officer, sent, {"versus": "snippets"}),
        ("admin: Messages, search", officer, f"{sent}?q=Bench+message+42"),
    ]
