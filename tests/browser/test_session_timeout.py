"""The idle-timeout warning in a real browser, with the timeout shortened to seconds."""

import re

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.test import Client

from portal_pages.accounts.sessions import LAST_ACTIVITY_KEY
from tests.factories import TEST_PASSWORD

IDLE = 8
WARNING = 5
PASSWORD = TEST_PASSWORD


@pytest.fixture
def short_timeout(settings):
    settings.PORTAL_IDLE_TIMEOUT_SECONDS = IDLE
    settings.PORTAL_IDLE_WARNING_SECONDS = WARNING


def open_signed_in(page, live_site, user, sign_in, path):
    client = sign_in(Client(), user)
    session_key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session_key, "url": live_site.url}]
    )
    page.goto(live_site.url + path)
    return session_key


def last_activity(session_key):
    return Session.objects.get(session_key=session_key).get_decoded()[LAST_ACTIVITY_KEY]


def test_warning_dialog_stays_signed_in_or_signs_out_back_to_the_page(
    page, live_site, short_timeout, make_professional, sign_in, mailoutbox
):
    user = make_professional()
    session_key = open_signed_in(page, live_site, user, sign_in, "/account/")
    dialog = page.locator("#portal-session-timeout")

    # The warning comes WARNING seconds before the end, as a modal with focus inside it.
    dialog.wait_for(state="visible", timeout=IDLE * 1000)
    assert dialog.get_attribute("aria-modal") == "true"
    assert page.evaluate("document.getElementById('portal-session-timeout').open")
    assert page.evaluate(
        "document.getElementById('portal-session-timeout').contains(document.activeElement)"
    )
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stay signed in"
    assert "You will be signed out in 5 seconds" in dialog.inner_text()

    # "Stay signed in" restarts the server's idle clock: the whole IDLE is left again, where
    # the warning came with WARNING seconds left. (The page's own countdown, not the test,
    # decides when it signs out, so nothing here waits for the old end to pass.)
    before = last_activity(session_key)
    page.keyboard.press("Enter")
    dialog.wait_for(state="hidden")
    assert last_activity(session_key) > before
    status = page.request.get(live_site.url + "/account/session/")
    assert status.status == 200 and status.json()["remaining"] > WARNING

    # Escape means stay signed in too.
    dialog.wait_for(state="visible", timeout=IDLE * 1000)
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.request.get(live_site.url + "/account/session/").status == 200

    # Left alone, the page tells form pages to save, then signs out to sign-in with next.
    page.evaluate(
        """document.addEventListener("portal:before-signout",
            () => sessionStorage.setItem("saved-before-signout", "yes"))"""
    )
    dialog.wait_for(state="visible", timeout=IDLE * 1000)
    page.wait_for_url(re.compile(r"/account/login/\?next=%2Faccount%2F$"), timeout=IDLE * 1000)
    assert page.evaluate("sessionStorage.getItem('saved-before-signout')") == "yes"
    assert "You were signed out because you were inactive" in page.content()
    assert page.request.get(live_site.url + "/account/session/").status == 401

    # Signing in again returns to the page the person was on.
    page.fill("#id_auth-username", user.email)
    page.fill("#id_auth-password", PASSWORD)
    page.click("button:has-text('Continue')")
    page.wait_for_selector("#id_token-otp_token")
    code = re.search(r"^(\d{6})$", mailoutbox[-1].body, re.MULTILINE).group(1)
    page.fill("#id_token-otp_token", code)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(live_site.url + "/account/")
    assert "Your account" in page.locator("h1").inner_text()


def test_sign_out_button_dispatches_before_signout_then_signs_out(
    page, live_site, short_timeout, make_professional, sign_in
):
    user = make_professional()
    open_signed_in(page, live_site, user, sign_in, "/account/")
    page.evaluate(
        """document.addEventListener("portal:before-signout",
            (event) => sessionStorage.setItem("timed-out", String(event.detail.timedOut)))"""
    )
    dialog = page.locator("#portal-session-timeout")
    dialog.wait_for(state="visible", timeout=IDLE * 1000)

    dialog.get_by_role("button", name="Sign out").click()

    page.wait_for_url(live_site.url + "/")
    assert page.evaluate("sessionStorage.getItem('timed-out')") == "false"
    assert "You have signed out" in page.content()
    assert page.request.get(live_site.url + "/account/session/").status == 401
