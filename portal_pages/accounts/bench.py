"""Pages of the accounts area for `make bench`: the sign-in page, the account page and the
SEND team's Registrations listing with a hundred registrations waiting."""

from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from portal_pages.accounts.demo import DEMO_ACCOUNTS
from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.services import ensure_email_device

BENCH_REGISTRATIONS = 100


def verified_client(user):
    """A client signed in with both factors, as after the emailed code."""
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = ensure_email_device(user).persistent_id
    session.save()
    return client


def bench_pages():
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
        ("account page", verified_client(professional), reverse("accounts:account")),
        (
            f"registrations listing ({BENCH_REGISTRATIONS}+ rows)",
            verified_client(officer),
            reverse("wagtailsnippets_accounts_registration:list") + "?status=email_confirmed",
        ),
    ]
