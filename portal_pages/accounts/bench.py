"""Pages of the accounts area for `make bench`: the sign-in page, the account page and the
SEND team's Registrations listing with a hundred registrations waiting."""

from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse

from portal_pages.accounts.demo import DEMO_ACCOUNTS
from portal_pages.accounts.groups import SEND_TEAM
from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.testing import sign_in_verified

BENCH_REGISTRATIONS = 100


def demo_user(group):
    """The demo account in `group` (None: the professional, who is in no admin group)."""
    email = next(
        account["email"]
        for account in DEMO_ACCOUNTS
        if account["group"] == group and not account.get("superuser")
    )
    return User.objects.get(email=email)


def send_officer():
    """The demo SEND team officer, who reads the admin listings the bench times."""
    return demo_user(SEND_TEAM)


def pages():
    """The sign-in page, the account page and the Registrations listing of 100+ rows."""
    organisation, _ = Organisation.objects.get_or_create(
        name="Bench Primary School", defaults={"kind": Organisation.Kind.SCHOOL}
    )
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"bench{n}@bench-primary.sch.uk",
                full_name=f"Bench Professional {n}",
                organisation=organisation,
                status=User.Status.EMAIL_CONFIRMED,
                password=password,
            )
            for n in range(BENCH_REGISTRATIONS)
        ],
        ignore_conflicts=True,
    )
    officer = send_officer()
    professional = demo_user(None)
    return [
        ("sign-in page", Client(), reverse("two_factor:login")),
        ("account page", sign_in_verified(Client(), professional), reverse("accounts:account")),
        (
            f"registrations listing ({BENCH_REGISTRATIONS}+ rows)",
            sign_in_verified(Client(), officer),
            reverse("wagtailsnippets_accounts_registration:list") + "?status=email_confirmed",
            {"queries": 14, "versus": "snippets"},
        ),
    ]
