"""Fixtures of the EHC forms area: a lookup list, forms built from compact step data, a
child record and a professional's draft."""

import pytest
from django.utils.datastructures import MultiValueDict

from ehc_forms.demo import f, group, memo, note, text
from ehc_forms.models import Submission
from ehc_forms.saving import start_draft

SAMPLE_STEPS = [
    (
        "About the child",
        "",
        [
            text("known_as", "Known as", max_length=20),
            f("lookup", "primary_need", "Primary need", lookup="Primary need"),
            f("yes_no", "looked_after", "Looked after?"),
            text("social_worker", "Social worker", show_if=("looked_after", "yes")),
        ],
    ),
    (
        "Views",
        "",
        [
            note("<p>Use their own words.</p>"),
            memo("child_views", "Child's views", max_chars=50),
            f("date", "meeting_date", "Meeting date", required=False),
        ],
    ),
    (
        "Social care",
        "Only for looked-after children.",
        [memo("care_plan", "Care plan", max_chars=100)],
        ("looked_after", "yes"),
    ),
    (
        "People",
        "",
        [
            group(
                "people",
                "People involved",
                "person",
                [text("name", "Name"), f("email", "email", "Email", required=False)],
                max_count=2,
            )
        ],
    ),
]


@pytest.fixture
def sample_form(make_form):
    return make_form(SAMPLE_STEPS)


@pytest.fixture
def draft(sample_form, child, professional):
    return start_draft(professional, child, sample_form, {"full_name": professional.full_name})


@pytest.fixture
def post_data():
    """Builds POST-like data; list values become repeated keys."""

    def build(**values):
        data = MultiValueDict()
        for name, value in values.items():
            data.setlist(name, value if isinstance(value, list) else [value])
        return data

    return build


@pytest.fixture
def reload():
    def fetch(submission):
        return Submission.objects.get(pk=submission.pk)

    return fetch
