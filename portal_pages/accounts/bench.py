"""Pages of the accounts area for `make bench`: the sign-in page, the account page and the
SEND team's Registrations listing with a hundred registrations waiting."""

from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse

from portal_pages.accounts.demo import DEMO_ACCOUNTS
from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.testing import sign_in_verified

BENCH_REGISTRATIONS = 100


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
    officer, _, professional = (User.objects.get(email=a["email"]) for a in DEMO_ACCOUNTS)
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
