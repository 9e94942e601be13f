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
