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


@pytest.fixture
def ehc_case(db):
    """A case whose decision whether to assess (6 weeks from the request) is due on
    2 March 2027."""
    from portal_pages.children.models import EHCCase

    return EHCCase.objects.create(
        reference="EHC-77001",
        given_name="Zephyrine",
        family_name="Quillfeather",
        date_of_birth=datetime.date(2016, 4, 9),
        stage="decision_to_assess",
        request_received_on=datetime.date(2027, 1, 19),
    )


@pytest.fixture
def linked_records(ehc_case, child, make_professional):
    """Two professionals' own records of the same child, both linked to `ehc_case`."""
    colleague = make_professional(email="therapist@nhs.example.uk")
    other = Child.objects.create(
        created_by=colleague,
        given_name="Zephyrine",
        family_name="Quillfeather",
        date_of_birth=datetime.date(2016, 4, 9),
        ehc_case=ehc_case,
    )
    child.ehc_case = ehc_case
    child.save()
    return [child, other]
