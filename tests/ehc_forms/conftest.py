"""Fixtures of the EHC forms area: a lookup list, forms built from compact step data, a
child record and a professional's draft."""

import pytest
from django.utils.datastructures import MultiValueDict

from ehc_forms.demo import build_steps, f, group, memo, note, text
from ehc_forms.models import EHCFormIndexPage, EHCFormPage, LookupList, Submission
from ehc_forms.saving import start_draft


@pytest.fixture
def lookup(db):
    lookup = LookupList(name="Primary need")
    for code, label in [("ASD", "Autistic spectrum disorder"), ("SLCN", "Speech and language")]:
        lookup.options.add(lookup.options.model(code=code, label=label))
    lookup.save()
    return lookup


@pytest.fixture
def form_index(demo_site):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=EHCFormIndexPage(title="EHC forms", slug="ehc-forms"))


@pytest.fixture
def make_form(form_index, lookup):
    """Publishes a form from (title, intro, fields[, show_if]) step tuples."""

    def make(steps, slug="test-form", title="Test form", **fields):
        page = form_index.add_child(
            instance=EHCFormPage(
                title=title,
                slug=slug,
                intro="Tell us about the child.",
                steps=build_steps(slug, steps, {"Primary need": lookup}),
                live=False,
                **fields,
            )
        )
        page.save_revision().publish()
        return EHCFormPage.objects.get(pk=page.pk)

    return make


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
