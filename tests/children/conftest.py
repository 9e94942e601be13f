"""Fixtures for the children area: child records and EHC cases."""

import datetime

import pytest

from portal_pages.children.models import Child, EHCCase


@pytest.fixture
def make_child(db):
    """Makes child records; pass `created_by` and any field to change."""
    counter = {"n": 0}

    def make(created_by, **fields):
        counter["n"] += 1
        defaults = {
            "given_name": f"Child{counter['n']}",
            "family_name": "Example",
            "date_of_birth": datetime.date(2016, 5, 1),
            "home_postcode": "SW1A 1AA",
            "setting": "Oakfield Primary School",
        }
        defaults.update(fields)
        return Child.objects.create(created_by=created_by, **defaults)

    return make


@pytest.fixture
def make_case(db):
    """Makes EHC cases with a unique reference; every other field may be given."""
    counter = {"n": 0}

    def make(**fields):
        counter["n"] += 1
        defaults = {
            "reference": f"EHC-{counter['n']:05d}",
            "given_name": "Ada",
            "family_name": "Example",
            "date_of_birth": datetime.date(2016, 5, 1),
            "request_received_on": datetime.date(2025, 1, 6),
        }
        defaults.update(fields)
        return EHCCase.objects.create(**defaults)

    return make


@pytest.fixture
def child(make_child, professional):
    return make_child(professional, given_name="Ada", family_name="Lovelace")


@pytest.fixture
def send_officer(make_professional):
    """A SEND team officer, with exactly the permissions the group's migration gives."""
    from django.contrib.auth.models import Group

    from portal_pages.accounts.groups import SEND_TEAM

    officer = make_professional(email="officer@exampleshire.gov.uk", full_name="Sam Officer")
    officer.groups.add(Group.objects.get(name=SEND_TEAM))
    return officer


@pytest.fixture
def send_client(client, send_officer, sign_in):
    return sign_in(client, send_officer)
