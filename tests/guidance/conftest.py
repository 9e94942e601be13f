"""Fixtures of the guidance area: the demo forms with their data-guidance pages."""

import pytest

from guidance import demo as guidance_demo
from guidance.models import DataGuidancePage


@pytest.fixture
def data_guidance(demo_forms):
    """The data-guidance page of the demo request for an EHC needs assessment."""
    guidance_demo.load()
    return DataGuidancePage.objects.get(form=demo_forms["request-for-assessment"])
