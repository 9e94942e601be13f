import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice
from wagtail.models import ModelLogEntry, Site

from portal_pages.accounts.demo import DEMO_ACCOUNTS, is_staff_account
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.inbox.models import Message

PROFESSIONAL = "sendco@oakfield-primary.sch.uk"
STAFF = [account["email"] for account in DEMO_ACCOUNTS if is_staff_account(account)]
PROFESSIONALS = [account["email"] for account in DEMO_ACCOUNTS if not is_staff_account(account)]


def test_only_the_demo_professionals_are_approved_with_emails_and_a_welcome(db, mailoutbox):
    call_command("load_demo_content")
    call_command("load_demo_content")

    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account["email"])
        assert user.status == User.Status.APPROVED
        assert EmailDevice.objects.filter(user=user, name="email", confirmed=True).count() == 1
    professional = User.objects.get(email=PROFESSIONAL)
    assert (
        ModelLogEntry.objects.filter(
            object_id=str(professional.pk), action="accounts.approve"
        ).count()
        == 1
    )
    approval_subject = render_to_string("accounts/email/decision_approve.txt", {}).split("\n")[0]
    approvals = [mail for mail in mailoutbox if mail.subject == approval_subject.strip()]
    assert sorted(mail.to for mail in approvals) == sorted([email] for email in PROFESSIONALS)
    # Council staff are not professionals: no approval notice, no welcome, no email at all.
    assert STAFF and not [mail for mail in mailoutbox if set(mail.to) & set(STAFF)]
    assert not Message.objects.filter(recipient__email__in=STAFF).exists()
    assert Message.objects.filter(recipient=professional).exists()


def test_the_demo_lists_a_council_administrator():
    roles = {account["email"]: account["role"] for account in DEMO_ACCOUNTS}
    assert "Council administrator" in roles["council.admin@exampleshire.gov.uk"]


def settings_url(model):
    app = "pages" if model == "portalsettings" else "accounts"
    return reverse("wagtailsettings:edit", args=[app, model, Site.objects.get().pk])


PLACES = {
    "portal settings": lambda: settings_url("portalsettings"),
    "registration settings": lambda: settings_url("registrationsettings"),
    "registrations": lambda: reverse("wagtailsnippets_accounts_registration:list"),
    "page explorer": lambda: reverse("wagtailadmin_explore_root"),
    "users": lambda: reverse("wagtailusers_users:index"),
    "SEND home": lambda: reverse("children:index"),
}

# What each demo account reaches (True) and is kept out of (False).
REACH = {
    "council.admin@exampleshire.gov.uk": {
        "portal settings": True,
        "registration settings": True,
        "registrations": True,
        "page explorer": True,
        "users": True,
    },
    "send.officer@exampleshire.gov.uk": {
        "portal settings": False,
        "registration settings": True,
        "registrations": True,
        "users": False,
    },
    "content.editor@exampleshire.gov.uk": {
        "portal settings": False,
        "registration settings": False,
        "registrations": False,
        "page explorer": True,
        "users": False,
    },
    **{
        email: {
            "portal settings": False,
            "registration settings": False,
            "registrations": False,
            "page explorer": False,
            "users": False,
            "SEND home": True,
        }
        for email in PROFESSIONALS
    },
}


@pytest.mark.parametrize("email", list(REACH))
def test_what_each_demo_account_can_and_cannot_reach(demo_site, email):
    call_command("load_demo_content")
    assert set(REACH) == {account["email"] for account in DEMO_ACCOUNTS}
    client = sign_in_verified(Client(), User.objects.get(email=email))
    for place, allowed in REACH[email].items():
        response = client.get(PLACES[place]())
        reached = response.status_code == 200
        assert reached == allowed, f"{email} reaching {place}: {response.status_code}"
