"""Fixtures for the inbox tests."""

import datetime

import pytest

from portal_pages.children.models import Child


@pytest.fixture
def child(professional):
    """A child record of `professional`, with a name that must never reach an email."""
    return Child.objects.create(
        created_by=professional,
        given_name="Zephyrine",
        family_name="Quillfeather",
        date_of_birth=datetime.date(2016, 4, 9),
    )


@pytest.fixture
def send_officer(make_professional):
    """A member of the SEND team group, as the migrations set it up."""
    from django.contrib.auth.models import Group

    from portal_pages.accounts.groups import SEND_TEAM

    officer = make_professional(
        email="officer@exampleshire.gov.uk", full_name="Sam Okafor", organisation=None
    )
    officer.groups.add(Group.objects.get(name=SEND_TEAM))
    return officer


@pytest.fixture
def officer_client(client, send_officer, sign_in):
    """A test client signed in to the admin, with both factors, as `send_officer`."""
    return sign_in(client, send_officer)
