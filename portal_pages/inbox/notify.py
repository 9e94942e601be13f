"""The one way any area puts a message in a professional's inbox.

Every caller (approval, stage changes, reminders, form submissions and shares, the SEND
team's compose screen) goes through `send_message`, so every message is stored the same way
and every one triggers the same email alert, which never carries the message itself.
"""

from django.db import IntegrityError, transaction

from portal_pages.inbox.models import Message, validate_link_url
from portal_pages.inbox.tasks import email_new_message

DEFAULT_LINK_TEXT = "Open the page this message is about"


def send_message(
    recipient,
    subject,
    body,
    *,
    category=Message.Category.INFORMATION,
    due=None,
    child=None,
    link_url="",
    link_text="",
    sender=None,
    dedupe_key=None,
):
    """Store a message for `recipient` and queue its email alert.

    `sender` is a SEND team user, or None for messages the portal sends by itself.
    `link_url` is a portal path (e.g. a submission's page) or a full https:// address.
    `dedupe_key` names the event the message is about (e.g. "keydate:42:review:2027-03-01");
    if the recipient already has a message with that key, nothing is created or emailed,
    which is what lets jobs such as the daily reminders run more than once a day.

    Returns the new Message, or None when `dedupe_key` had already been used.
    """
    if link_url:
        validate_link_url(link_url)
    fields = {
        "sender": sender,
        "subject": subject,
        "body": body,
        "category": category,
        "due": due,
        "child": child,
        "link_url": link_url,
        "link_text": (link_text or DEFAULT_LINK_TEXT) if link_url else "",
    }
    if dedupe_key is None:
        message = Message.objects.create(recipient=recipient, **fields)
    else:
        try:
            # The savepoint keeps a caller's transaction usable when two runs race and the
            # unique constraint refuses the second insert.
            with transaction.atomic():
                message, created = Message.objects.get_or_create(
                    recipient=recipient, dedupe_key=dedupe_key, defaults=fields
                )
        except IntegrityError:
            return None
        if not created:
            return None
    if child is not None:
        # A message about a child keeps their record among the professional's recent ones.
        child.record_activity(message.created)
    email_new_message.enqueue(message.pk)
    return message
