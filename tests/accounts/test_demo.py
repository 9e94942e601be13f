from django.core.management import call_command
from django.template.loader import render_to_string
from django_otp.plugins.otp_email.models import EmailDevice
from wagtail.models import ModelLogEntry

from portal_pages.accounts.demo import DEMO_ACCOUNTS
from portal_pages.accounts.models import User


def test_demo_accounts_are_approved_through_the_approval_function_once(db, mailoutbox):
    call_command("load_demo_content")
    call_command("load_demo_content")

    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account["email"])
        assert user.status == User.Status.APPROVED
        assert EmailDevice.objects.filter(user=user, name="email", confirmed=True).count() == 1
        assert (
            ModelLogEntry.objects.filter(object_id=str(user.pk), action="accounts.approve").count()
            == 1
        )
    # Other areas' demo content sends its own emails (new messages); count the approvals.
    approval_subject = render_to_string("accounts/email/decision_approve.txt", {}).split("\n")[0]
    approvals = [mail for mail in mailoutbox if mail.subject == approval_subject.strip()]
    assert sorted(mail.to[0] for mail in approvals) == sorted(
        account["email"] for account in DEMO_ACCOUNTS
    )
