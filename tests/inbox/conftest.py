"""Fixtures for the inbox tests."""

import datetime

import pytest

from tests.factories import ChildFactory, EHCCaseFactory


@pytest.fixture
def ehc_case(child):
    """A case whose decision whether to assess (6 weeks from the request) is due on
    2 March 2027."""
    return EHCCaseFactory(
        reference="EHC-77001",
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        stage="decision_to_assess",
        request_received_on=datetime.date(2027, 1, 19),
    )


@pytest.fixture
def linked_records(ehc_case, child, make_professional):
    """Two professionals' own records of the same child, both linked to `ehc_case`."""
    colleague = make_professional(email="therapist@nhs.example.uk")
    other = ChildFactory(
        created_by=colleague,
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        ehc_case=ehc_case,
    )
    child.ehc_case = ehc_case
    child.save()
    return [child, other]
