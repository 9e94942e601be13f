"""Fixtures and steps shared by the accounts tests: they go through the real views, the
real task queue (immediate backend) and Django's outbox."""

import re

import pytest
from django.urls import reverse

from portal_pages.accounts.models import User
from tests.factories import TEST_PASSWORD as PASSWORD

LOGIN_STEP_FIELD = "portal_login_view-current_step"


def registration_data(**overrides):
    data = {
        "full_name": "Alex Rivers",
        "job_title": "SENDCO",
        "organisation_name": "Brookside Academy",
        "organisation_kind": "school",
        "urn": "123456",
        "postcode": "ex1 2ab",
        "email": "alex.rivers@brookside.sch.uk",
        "phone": "01632 960 123",
        "password": PASSWORD,
        "professional_use": "on",
    }
    data.update(overrides)
    return data


def link_from(message):
    """The first portal link in an email's body, as a path the test client can open."""
    match = re.search(r"http://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def code_from(message):
    """The code stands on its own line in the body (never in the subject, which phones show
    on a locked screen)."""
    return re.search(r"^(\d{6})$", message.body, re.MULTILINE).group(1)


def post_password(client, email, password=PASSWORD, next_url=""):
    url = reverse("two_factor:login") + (f"?next={next_url}" if next_url else "")
    return client.post(
        url,
        {"auth-username": email, "auth-password": password, LOGIN_STEP_FIELD: "auth"},
    )


def post_code(client, code, next_url=""):
    url = reverse("two_factor:login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"token-otp_token": code, LOGIN_STEP_FIELD: "token"})


def sign_in_with_emailed_code(client, mailoutbox, email, password=PASSWORD):
    """The whole sign-in: password, then the code from the newest email."""
    response = post_password(client, email, password)
    assert response.status_code == 200, response
    assert "Check your email" in response.content.decode()
    return post_code(client, code_from(mailoutbox[-1]))


@pytest.fixture
def site(demo_site):
    """The demo site: portal settings (SEND team address) and registration settings."""
    return demo_site


@pytest.fixture
def awaiting(make_professional):
    """Makes professionals who have confirmed their email and wait for approval."""

    def make(**fields):
        return make_professional(status=User.Status.EMAIL_CONFIRMED, **fields)

    return make


@pytest.fixture
def registration_settings(site):
    """The default site's registration settings, for a test to change and save."""
    from wagtail.models import Site

    from portal_pages.accounts.models import RegistrationSettings

    return RegistrationSettings.for_site(Site.objects.get(is_default_site=True))
