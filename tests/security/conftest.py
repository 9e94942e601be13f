"""Fixtures of the security tests: two professionals, and real objects owned by the first
(a child record, a message about it, a published form and a draft of it)."""

import pytest

from ehc_forms.demo import complete_steps, f, group, memo, text
from ehc_forms.models import Document
from ehc_forms.saving import start_draft
from ehc_forms.submitting import submit
from portal_pages.inbox.notify import send_message
from tests.factories import ChildFactory
from tests.security.fuzzing import examples_run

FUZZ_STEPS = [
    (
        "About the child",
        "",
        [
            text("known_as", "Known as", max_length=20),
            memo("views", "Child's views", max_chars=200),
            f(
                "number",
                "siblings",
                "Number of siblings",
                required=False,
                min_value=0,
                max_value=20,
            ),
            f("date", "meeting_date", "Meeting date", required=False),
            group(
                "people",
                "People involved",
                "person",
                [text("name", "Name"), f("email", "email", "Email", required=False)],
                max_count=3,
            ),
        ],
    ),
]


@pytest.fixture
def owner(make_professional):
    """Professional A: owns every object the checks aim at, and leads their team (so the
    team lead's own routes are in the matrix too)."""
    return make_professional(full_name="Alice Owner", is_team_lead=True)


@pytest.fixture
def owner_colleague(make_professional):
    """A member of A's team whose work A, as team lead, may hand over."""
    return make_professional(full_name="Colin Colleague")


@pytest.fixture
def stranger(make_professional):
    """Professional B: approved and fully signed in, but owns none of A's objects."""
    return make_professional(full_name="Bob Stranger")


@pytest.fixture
def owner_child(owner):
    return ChildFactory(created_by=owner, given_name="Peregrine", family_name="Ashdown-Vale")


@pytest.fixture
def owner_message(owner, owner_child):
    return send_message(owner, "About Peregrine", "Peregrine's plan is ready.", child=owner_child)


@pytest.fixture
def security_form(make_form):
    return make_form(
        FUZZ_STEPS,
        slug="professional-advice",
        title="Professional advice",
        intro="Your advice about the child.",
    )


@pytest.fixture
def owner_submitted(owner, owner_child, security_form):
    """A's form for the child, sent (the draft below is A's next one)."""
    sent = complete_steps(
        start_draft(owner, owner_child, security_form, {"full_name": owner.full_name}),
        owner,
        {"known_as": "Perry", "views": "Likes trains."},
    )
    return submit(sent.pk, owner, sent.version, security_form.declaration_texts)


@pytest.fixture
def owner_draft(owner, owner_child, security_form, owner_submitted):
    return start_draft(owner, owner_child, security_form, {"full_name": owner.full_name})


@pytest.fixture
def owner_document(owner_submitted):
    """A file attached to A's sent form."""
    from django.core.files.base import ContentFile

    document = Document(
        submission=owner_submitted,
        name="Peregrine report.pdf",
        size=9,
        kind="pdf",
        content_type="application/pdf",
    )
    document.file.save("upload", ContentFile(b"%PDF-1.7\n"), save=False)
    document.save()
    return document


def pytest_terminal_summary(terminalreporter):
    if examples_run:
        terminalreporter.section("fuzzing")
        for test_name, count in sorted(examples_run.items()):
            terminalreporter.write_line(f"{count:>7,} examples  {test_name}")
        terminalreporter.write_line(f"{sum(examples_run.values()):>7,} examples in all")
