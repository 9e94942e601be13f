"""Email alerts for new messages, sent through the tasks framework.

The email says only that a message is waiting and where to sign in. Emails leave the
council's systems and sit in mailboxes it does not control, so they never carry the
subject, the body, a child's name or anything from a form: all of that stays behind the
two-factor sign-in.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from portal_pages.inbox.models import Message
from portal_pages.pages.models import PortalSettings
from portal_pages.pages.task_retry import send_email_or_retry

EMAIL_SUBJECT = "You have a new message in the Professional Portal"


@task()
def email_new_message(message_id, attempt=1):
    """Tell the recipient of message `message_id` that it is waiting for them."""
    message = Message.objects.select_related("recipient").filter(pk=message_id).first()
    if message is None or not (message.recipient.is_active and message.recipient.is_approved):
        # Deleted, or the account suspended or closed, before the email went: a person who
        # cannot sign in is not asked to.
        return
    portal = PortalSettings.for_emails()
    text = render_to_string(
        "inbox/email/new_message.txt",
        {
            "needs_action": message.needs_action,
            "sign_in_url": settings.SITE_URL + message.get_absolute_url(),
            **portal.email_context(),
        },
    )
    return send_email_or_retry(
        email_new_message,
        lambda: send_mail(EMAIL_SUBJECT, text, portal.from_email, [message.recipient.email]),
        message_id,
        attempt=attempt,
    )
