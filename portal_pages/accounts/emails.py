"""Every email the accounts area sends, through the tasks framework so a slow mail server
never holds up a request. Templates live in `accounts/email/<name>.txt`: the first line
is the subject, the rest the body. They name the service and council, and give the SEND
team's contact details, as Portal settings has them."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from portal_pages.pages.models import PortalSettings
from portal_pages.pages.task_retry import send_email_or_retry


@task()
def send_account_email(template, to, context, attempt=1):
    """Render `accounts/email/<template>.txt` with `context` (plain JSON values, as the
    task queue stores them) and send it to the addresses in `to`, trying again later if
    the mail server fails."""
    portal = PortalSettings.for_emails()
    text = render_to_string(
        f"accounts/email/{template}.txt",
        {"site_url": settings.SITE_URL, **portal.email_context(), **context},
    )
    subject, _, body = text.strip().partition("\n")
    return send_email_or_retry(
        send_account_email,
        lambda: send_mail(subject.strip(), body.strip() + "\n", portal.from_email, to),
        template,
        to,
        context,
        attempt=attempt,
    )


def email_user(user, template, **context):
    """Queue an email to one user, who is greeted by name; returns the task's result."""
    return send_account_email.enqueue(
        template, [user.email], {"full_name": user.full_name, "email": user.email, **context}
    )
