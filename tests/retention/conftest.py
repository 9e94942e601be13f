"""Fixtures of the retention tests: a published form, drafts and submitted forms of it."""

import pytest

from ehc_forms.demo import complete_steps, memo, text
from ehc_forms.saving import start_draft
from ehc_forms.submitting import submit

STEPS = [
    (
        "About the child",
        "",
        [text("known_as", "Known as", max_length=20), memo("views", "Child's views")],
    )
]
# Answers that must never reach a log line.
ANSWERS = {"known_as": "Pip", "views": "Loves the trampoline at Zephyr Park."}


@pytest.fixture
def form(make_form):
    return make_form(
        STEPS,
        slug="professional-advice",
        title="Professional advice",
        intro="Your advice about the child.",
    )


@pytest.fixture
def make_draft(form):
    """A draft with answers, by `author` for `child`."""

    def make(author, child):
        draft = start_draft(author, child, form, {"full_name": author.full_name})
        return complete_steps(draft, author, ANSWERS)

    return make


@pytest.fixture
def make_submitted(make_draft, form):
    def make(author, child):
        draft = make_draft(author, child)
        return submit(draft.pk, author, draft.version, form.declaration_texts)

    return make
