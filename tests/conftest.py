"""Fixtures shared by every area's tests."""

import pytest
from django.core.cache import cache

from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.testing import sign_in_verified

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site roots and settings; a test must never see another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The site, home page and guidance pages exactly as the demo command makes them."""
    from portal_site import demo

    demo.load()
    return demo


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Oakfield Primary School", kind="school")


@pytest.fixture
def make_professional(db, organisation):
    """Makes approved professionals; each call gives a new one."""
    counter = {"n": 0}

    def make(**fields):
        counter["n"] += 1
        defaults = {
            "email": f"professional{counter['n']}@oakfield.sch.uk",
            "full_name": f"Professional Number{counter['n']}",
            "job_title": "SENDCO",
            "organisation": organisation,
            "status": User.Status.APPROVED,
        }
        defaults.update(fields)
        return User.objects.create_user(password=TEST_PASSWORD, **defaults)

    return make


@pytest.fixture
def professional(make_professional):
    return make_professional()


@pytest.fixture
def sign_in(db):
    """Signs a user into a test client as if they had entered their password and emailed
    code; use it for a second client when a test needs two people at once."""

    return sign_in_verified


@pytest.fixture
def professional_client(client, professional, sign_in):
    """A test client signed in, with both factors, as `professional`."""
    return sign_in(client, professional)


@pytest.fixture
def send_team_officer(make_professional):
    """A member of the SEND team group, with exactly the permissions its migrations give."""
    from django.contrib.auth.models import Group

    from portal_pages.accounts.groups import SEND_TEAM

    officer = make_professional(
        email="reviewer@exampleshire.gov.uk", full_name="Robin Reviewer", organisation=None
    )
    officer.groups.add(Group.objects.get(name=SEND_TEAM))
    return officer
