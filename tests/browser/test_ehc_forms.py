"""The form step page's script in a real browser: autosave and conditional questions."""

import datetime
import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from ehc_forms.demo import load_forms
from ehc_forms.models import EHCFormPage, Submission
from ehc_forms.saving import start_draft
from portal_pages.children.models import Child
from tests.factories import TEST_PASSWORD


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


def wait_for_saved_answer(submission, key, expected, page):
    """The saved answer once the server has it: a save sent as a page closes arrives a moment
    later, so look again a few times before giving up."""
    for _ in range(50):
        submission.refresh_from_db()
        if submission.answers.get(key) == expected:
            return expected
        page.wait_for_timeout(200)
    return submission.answers.get(key)


def serve_next_load_as_first_loaded(page):
    """Answer the next load of the step with the page as it was first served: the load has
    read the step before the save sent as the page was left reached the server, as happens
    on a reload or a quick return (that save cannot be held back in the browser itself)."""
    first_loaded = page.request.get(page.url).text()
    page.route(
        page.url,
        lambda route: route.fulfill(body=first_loaded, content_type="text/html; charset=utf-8"),
        times=1,
    )


def test_text_typed_just_before_a_reload_is_kept_and_saves_without_a_conflict(
    page, live_site, signed_in_draft
):
    open_step(page, live_site, signed_in_draft, "child_views")
    serve_next_load_as_first_loaded(page)
    page.locator("#child_views").press_sequentially("Typed a moment before reloading")
    page.reload()
    assert page.input_value("#child_views") == "Typed a moment before reloading"
    page.locator("[data-ehc-autosave-status]").filter(has_text="Saved at").wait_for()

    page.get_by_role("button", name="Save and continue").click()
    assert "changed in another window" not in page.content()
    signed_in_draft.refresh_from_db()
    assert signed_in_draft.answers["child_views"] == "Typed a moment before reloading"


def test_text_typed_just_before_following_a_link_is_there_on_return(
    page, live_site, signed_in_draft
):
    open_step(page, live_site, signed_in_draft, "child_views")
    serve_next_load_as_first_loaded(page)
    page.locator("#child_views").press_sequentially("Typed before going to the task list")
    page.get_by_role("link", name="Back to the task list").click()
    open_step(page, live_site, signed_in_draft, "child_views")
    assert page.input_value("#child_views") == "Typed before going to the task list"
    page.get_by_role("button", name="Save and come back later").click()
    assert "changed in another window" not in page.content()
    signed_in_draft.refresh_from_db()
    assert signed_in_draft.answers["child_views"] == "Typed before going to the task list"


def test_text_typed_just_before_the_tab_is_closed_is_saved(page, live_site, signed_in_draft):
    tab = page.context.new_page()
    open_step(tab, live_site, signed_in_draft, "child_views")
    tab.locator("#child_views").press_sequentially("Typed as the tab closed")
    tab.close(run_before_unload=True)
    assert (
        wait_for_saved_answer(signed_in_draft, "child_views", "Typed as the tab closed", page)
        == "Typed as the tab closed"
    )


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


def test_text_typed_as_the_session_ends_is_restored_after_signing_in_again(
    page, live_site, signed_in_draft, professional, mailoutbox
):
    open_step(page, live_site, signed_in_draft, "child_views")
    page.fill("#child_views", "Alex likes reading.")
    status = page.locator("[data-ehc-autosave-status]")
    status.filter(has_text="Saved at").wait_for(timeout=10000)

    # The session ends on the server (expired, or removed) while the person types on.
    Session.objects.all().delete()
    typed = "Alex likes reading. Mornings are hard, so the day starts with a quiet task."
    page.fill("#child_views", typed)
    status.filter(has_text="You have been signed out").wait_for(timeout=10000)

    # The button's save leads to sign-in, and back to the step afterwards.
    page.click("button:has-text('Save and come back later')")
    page.wait_for_selector("#id_auth-username")
    page.fill("#id_auth-username", professional.email)
    page.fill("#id_auth-password", TEST_PASSWORD)
    page.click("button:has-text('Continue')")
    page.wait_for_selector("#id_token-otp_token")
    page.fill("#id_token-otp_token", re.search(r"^(\d{6})$", mailoutbox[-1].body, re.M).group(1))
    page.click("button:has-text('Sign in')")

    page.wait_for_selector("#child_views")
    assert page.input_value("#child_views") == typed
    status.filter(has_text="Saved at").wait_for(timeout=10000)
    assert Submission.objects.get(pk=signed_in_draft.pk).answers["child_views"] == typed
