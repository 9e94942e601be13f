"""The form step page's script in a real browser: autosave and conditional questions."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from ehc_forms.demo import load_forms
from ehc_forms.models import EHCFormPage, Submission
from ehc_forms.saving import start_draft
from portal_pages.children.models import Child


@pytest.fixture
def signed_in_draft(live_site, page, professional, sign_in):
    """The professional's annual review draft, with the browser signed in as them."""
    load_forms()
    child = Child.objects.create(
        created_by=professional,
        given_name="Alex",
        family_name="Taylor",
        date_of_birth=datetime.date(2016, 5, 14),
    )
    draft = start_draft(professional, child, EHCFormPage.objects.get(slug="annual-review"), {})
    client = sign_in(Client(), professional)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site.url}]
    )
    yield draft
    # Leaving the page would send any unsaved answers while the test database is being
    # emptied; the script stops autosaving once its form is submitted, so signal that first.
    page.evaluate(
        "document.querySelectorAll('form[data-ehc-autosave]')"
        ".forEach(form => form.dispatchEvent(new Event('submit', {cancelable: true})))"
    )
    page.goto("about:blank")


def step_number(draft, key):
    for step in draft.definition.steps:
        if key in [field.key for field in step.fields]:
            return step.number
    raise LookupError(key)


def open_step(page, live_site, draft, key):
    url = reverse("ehc_forms:step", args=[draft.pk, step_number(draft, key)])
    page.goto(live_site.url + url)


def test_typing_in_a_memo_is_saved_without_pressing_a_button(page, live_site, signed_in_draft):
    open_step(page, live_site, signed_in_draft, "child_views")
    page.fill("#child_views", "Alex says reading time is the best part of the day.")
    status = page.locator("[data-ehc-autosave-status]")
    status.filter(has_text="Saved at").wait_for(timeout=10000)

    page.reload()
    assert page.input_value("#child_views") == (
        "Alex says reading time is the best part of the day."
    )
    assert Submission.objects.get().answers["child_views"].startswith("Alex says")


def test_answers_are_sent_before_the_idle_timeout_signs_out(page, live_site, signed_in_draft):
    open_step(page, live_site, signed_in_draft, "child_views")
    page.locator("#child_views").press_sequentially("Typed just before time ran out")
    # The session-timeout script dispatches the event and may hold the sign-out until the
    # promise it is handed has settled.
    page.evaluate(
        """async () => {
            let held = null;
            document.dispatchEvent(new CustomEvent("portal:before-signout", {
                detail: {waitUntil: (promise) => { held = promise; }},
            }));
            await held;
        }"""
    )
    assert Submission.objects.get().answers["child_views"] == "Typed just before time ran out"


def test_a_question_appears_only_for_the_answer_it_depends_on(page, live_site, signed_in_draft):
    open_step(page, live_site, signed_in_draft, "social_worker")
    social_worker = page.locator("[data-show-if-key='looked_after']")
    assert social_worker.is_hidden()
    page.get_by_label("Yes").first.check()
    assert social_worker.is_visible()
