"""Pages of the accounts area for `make bench`: the sign-in page, the account page, the
SEND team's Registrations listing with a hundred registrations waiting, and registering with
a new address beside registering with one that has an account (their medians must be close:
the time taken must not tell whether an address is registered)."""

import itertools
import uuid

from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse

from portal_pages.accounts.demo import DEMO_ACCOUNTS
from portal_pages.accounts.groups import SEND_TEAM
from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.testing import sign_in_verified

BENCH_REGISTRATIONS = 100
REGISTERED_EMAIL = "bench0@bench-primary.sch.uk"


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


def registration(email):
    return {
        "full_name": "Bench Registrant",
        "job_title": "SENDCO",
        "organisation_name": "Bench Primary School",
        "organisation_kind": Organisation.Kind.SCHOOL,
        "email": email,
        "phone": "01632 960 123",
        "password": "a-long-bench-passphrase-of-words",
        "professional_use": "on",
    }


# Registering saves an account and, with the tasks run at once, sends an email; five of its
# queries are the database cache's limit of one email a minute per address.
REGISTERING_BUDGET = {"queries": 14}


def registering(emails):
    """A post of the registration form for each address `emails` gives in turn."""

    def post(client):
        return client.post(reverse("accounts:register"), registration(next(emails)))

    return post


def pages():
    """The sign-in page, registering (new address and registered address), the account page
    and the Registrations listing of 100+ rows."""
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
    new_addresses = (f"new-{uuid.uuid4().hex}@bench-primary.sch.uk" for _ in itertools.count())
    return [
        ("sign-in page", Client(), reverse("two_factor:login")),
        ("register, new address", Client(), registering(new_addresses), REGISTERING_BUDGET),
        (
            "register, address with an account",
            Client(),
            registering(itertools.repeat(REGISTERED_EMAIL)),
            REGISTERING_BUDGET,
        ),
        ("account page", sign_in_verified(Client(), professional), reverse("accounts:account")),
        (
            f"registrations listing ({BENCH_REGISTRATIONS}+ rows)",
            sign_in_verified(Client(), officer),
            reverse("wagtailsnippets_accounts_registration:list") + "?status=email_confirmed",
            {"queries": 14, "versus": "snippets"},
        ),
    ]
