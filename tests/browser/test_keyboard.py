"""Keyboard-only use and accessible authentication (WCAG 2.4.7, 3.3.1, 3.3.8): signing in
and filling a form step without a mouse, with focus always visible and moved where the
person needs it, and credentials that can be pasted or filled by a password manager."""

import re

from django.urls import reverse

from ehc_forms.models import Submission
from portal_pages.accounts.demo import DEMO_PASSWORD
from portal_pages.accounts.models import User

PROFESSIONAL = "sendco@oakfield-primary.sch.uk"

FOCUS_IS_VISIBLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== "none" || style.boxShadow !== "none";
}"""


def active(page, expression):
    return page.evaluate(
        f"(() => {{ const element = document.activeElement; return {expression}; }})()"
    )


def paste_allowed(page, selector):
    """Whether the page lets a paste into the field happen (no script cancels it)."""
    return page.evaluate(
        """selector => {
            const event = new ClipboardEvent("paste", {bubbles: true, cancelable: true,
                clipboardData: new DataTransfer()});
            return document.querySelector(selector).dispatchEvent(event);
        }""",
        selector,
    )


def tab_to(page, predicate, limit=60):
    """Presses Tab until the focused element matches; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_IS_VISIBLE), active(page, "element.outerHTML.slice(0, 120)")
        if active(page, predicate):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def test_sign_in_and_fill_a_step_with_the_keyboard_only(page, demo_portal, mailoutbox):
    url = demo_portal.url
    page.goto(url + reverse("accounts:register"))
    assert page.get_attribute("#id_password", "autocomplete") == "new-password"
    assert paste_allowed(page, "#id_password")

    page.goto(url + reverse("two_factor:login"))

    # Password managers and paste work; nothing to solve or transcribe but the emailed code.
    assert page.get_attribute("#id_auth-username", "autocomplete") == "username"
    assert page.get_attribute("#id_auth-password", "autocomplete") == "current-password"
    assert paste_allowed(page, "#id_auth-password")
    assert page.locator("main form :is(img, canvas, iframe)").count() == 0

    tab_to(page, "element.id === 'id_auth-username'")
    page.keyboard.type(PROFESSIONAL)
    tab_to(page, "element.id === 'id_auth-password'")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")

    code = page.locator("#id_token-otp_token")
    code.wait_for()
    assert code.get_attribute("autocomplete") == "one-time-code"
    assert paste_allowed(page, "#id_token-otp_token")
    if not active(page, "element.id === 'id_token-otp_token'"):
        tab_to(page, "element.id === 'id_token-otp_token'")
    page.keyboard.type("000000")
    page.keyboard.press("Enter")

    # A wrong code: focus goes to the error summary, whose link leads back to the field.
    page.locator(".govuk-error-summary").wait_for()
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
    tab_to(page, "element.getAttribute('href') === '#id_token-otp_token'")
    page.keyboard.press("Enter")
    assert active(page, "element.id") == "id_token-otp_token"
    page.keyboard.press("Control+A")
    code_sent = re.search(r"^(\d{6})$", mailoutbox[-1].body, re.MULTILINE).group(1)
    page.keyboard.type(code_sent)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^(?!.*login).*$"))

    # A step of the demo draft, filled and saved from the keyboard.
    professional = User.objects.get(email=PROFESSIONAL)
    draft = Submission.objects.get(
        author=professional, form__slug="request-for-assessment", status="draft"
    )
    page.goto(url + reverse("ehc_forms:step", args=[draft.pk, 2]))
    tab_to(page, "element.id === 'reason_for_request'")
    page.keyboard.press("Control+A")
    page.keyboard.type("Typed from the keyboard.")
    tab_to(page, "element.textContent.trim() === 'Save and come back later'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forms/draft/\d+/$"))
    draft.refresh_from_db()
    assert draft.answers["reason_for_request"] == "Typed from the keyboard."


def test_errors_on_a_step_move_focus_to_the_summary(page, demo_portal, browser_sign_in):
    professional = User.objects.get(email=PROFESSIONAL)
    browser_sign_in(professional)
    draft = Submission.objects.get(
        author=professional, form__slug="request-for-assessment", status="draft"
    )
    page.goto(demo_portal.url + reverse("ehc_forms:step", args=[draft.pk, 2]))
    tab_to(page, "element.id === 'reason_for_request'")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    tab_to(page, "element.textContent.trim() === 'Save and continue'")
    page.keyboard.press("Enter")

    page.locator(".govuk-error-summary").wait_for()
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.evaluate(FOCUS_IS_VISIBLE)
