"""A professional's first day, in Chromium against the live server: registering, the SEND
team's approval in the admin, signing in with emailed codes, adding a child and filling a
form (its answers surviving a reload and the idle-timeout warning), submitting it,
downloading the PDF and reading the message that confirms it."""

import re

from django.urls import reverse

from ehc_forms.models import Submission
from portal_pages.accounts.demo import DEMO_PASSWORD
from portal_pages.accounts.models import User

PASSWORD = "a-long-and-memorable-passphrase"
EMAIL = "robin.ellis@brookside.sch.uk"
OFFICER = "send.officer@exampleshire.gov.uk"


def portal_path(message):
    """The portal link in an email, as a path to open on the live server."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def emailed_code(mailoutbox, email):
    message = [m for m in mailoutbox if m.to == [email]][-1]
    return re.search(r"^(\d{6})$", message.body, re.MULTILINE).group(1)


def fill_date(page, day, month, year):
    page.get_by_label("Day").fill(day)
    page.get_by_label("Month").fill(month)
    page.get_by_label("Year").fill(year)


def sign_in(page, url, email, password, mailoutbox):
    page.fill("#id_auth-username", email)
    page.fill("#id_auth-password", password)
    page.get_by_role("button", name="Continue").click()
    page.locator("#id_token-otp_token").wait_for()
    page.fill("#id_token-otp_token", emailed_code(mailoutbox, email))
    page.get_by_role("button", name="Sign in").click()


def test_register_get_approved_sign_in_and_fill_a_form(
    page, demo_portal, mailoutbox, settings, audit
):
    url = demo_portal.url
    # The journey crosses dozens of pages on a shared two-core CI machine: give each step
    # longer than Playwright's default 30 seconds before calling it lost.
    page.context.set_default_timeout(90_000)

    # Register, then confirm the address from the emailed link.
    page.goto(url + reverse("accounts:register"))
    page.get_by_label("Full name").fill("Robin Ellis")
    page.get_by_label("Job title").fill("SENDCO")
    page.get_by_label("Name of your school, setting or service").fill("Brookside Academy")
    page.get_by_label("School", exact=True).check()
    page.get_by_label("Postcode of your organisation (optional)").fill("EX1 2AB")
    page.get_by_label("Work email address").fill(EMAIL)
    page.get_by_label("Work phone number (optional)").fill("0161 496 0000")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.locator("input[name=professional_use]").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(url + reverse("accounts:check_email"))
    page.goto(url + portal_path(mailoutbox[-1]))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(url + reverse("accounts:awaiting_approval"))

    # The SEND team officer signs in to the admin with their emailed code and approves.
    officer_page = page.context.browser.new_context().new_page()
    officer_page.set_default_timeout(90_000)
    officer_page.goto(url + "/admin/")
    sign_in(officer_page, url, OFFICER, DEMO_PASSWORD, mailoutbox)
    officer_page.wait_for_url(url + "/admin/")
    user = User.objects.get(email=EMAIL)
    officer_page.goto(
        url
        + reverse("wagtail_bulk_action", args=["accounts", "registration", "approve"])
        + f"?id={user.pk}"
    )
    officer_page.get_by_role("button", name="Approve").click()
    officer_page.wait_for_load_state()
    user.refresh_from_db()
    assert user.status == User.Status.APPROVED
    officer_page.context.close()

    # The professional signs in with the code emailed to them.
    page.goto(url + reverse("two_factor:login"))
    sign_in(page, url, EMAIL, PASSWORD, mailoutbox)
    page.wait_for_load_state()

    # Adds a child and confirms the details.
    page.goto(url + reverse("children:add"))
    page.get_by_label("Given name").fill("Casey")
    page.get_by_label("Family name").fill("Morgan")
    fill_date(page, "3", "7", "2015")
    page.get_by_label("Home postcode").fill("EX2 4QP")
    page.get_by_role("button", name="Add person").click()
    page.get_by_role("button", name="These details are correct").click()
    page.wait_for_url(re.compile(r"/children/\d+/home/$"))

    # Starts the request for assessment.
    page.get_by_role("link", name=re.compile("Request for an EHC needs assessment")).first.click()
    page.get_by_role("button", name=re.compile("Start")).click()
    page.get_by_role("button", name="Confirm and continue").click()
    page.wait_for_url(re.compile(r"/forms/draft/\d+/"))
    if "/step/" not in page.url:
        page.get_by_role("link", name="About the child or young person").click()

    # Step 1: each kind of control.
    page.get_by_label("Name the child or young person likes to be known by").fill("Casey")
    page.get_by_label("Current year group").select_option("Y4")
    page.get_by_label("Type of setting they attend").select_option("MAIN")
    page.get_by_label("Primary need").select_option("SLCN")
    page.locator("input[name=looked_after][value=no]").check()
    page.get_by_role("button", name="Save and continue").click()

    # Step 2: typing is saved as it goes, and a reload shows it.
    reason = "Casey's expressive language is two years behind that of classmates."
    page.locator("#reason_for_request").fill(reason)
    page.locator("[data-ehc-autosave-status]").filter(has_text="Saved at").wait_for()
    # From here the idle timeout is seconds long, so its warning comes while the page is open.
    settings.PORTAL_IDLE_TIMEOUT_SECONDS = 15
    settings.PORTAL_IDLE_WARNING_SECONDS = 10
    page.reload()
    assert page.input_value("#reason_for_request") == reason
    draft = Submission.objects.get(author=user)
    assert draft.answers["reason_for_request"] == reason

    # The idle-timeout warning comes; "Stay signed in" keeps the session and the answers.
    dialog = page.locator("#portal-session-timeout")
    dialog.wait_for(state="visible", timeout=15000)
    assert page.evaluate(
        "document.getElementById('portal-session-timeout').contains(document.activeElement)"
    )
    audit.axe("timeout warning on a form step")
    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    settings.PORTAL_IDLE_TIMEOUT_SECONDS = 20 * 60
    page.reload()
    assert page.input_value("#reason_for_request") == reason

    # The rest of step 2, then every later step as far as the form asks.
    fill_date(page, "4", "9", "2023")
    page.get_by_label("How many cycles of assess, plan, do and review?").fill("3")
    page.locator("input[name=sen_support_plan_attached][value=yes]").check()
    page.get_by_role("button", name="Save and continue").click()
    page.locator("#child_views").fill("Casey says drawing is the best part of the day.")
    page.get_by_label("Conversation").check()
    page.locator("#parent_views").fill("Casey's parents want help with speech.")
    page.locator("input[name=parents_agree][value=yes]").check()
    page.get_by_role("button", name="Save and continue").click()
    while "/step/" in page.url:
        # Areas of need that do not apply; the parents agreed to the request.
        for choice in page.locator("input[type=radio][name$=_applies][value=no]").all():
            choice.check()
        consent = page.locator("input[name=parent_consent][value=yes]")
        if consent.count():
            consent.check()
        step_url = page.url
        page.get_by_role("button", name="Save and continue").click()
        page.wait_for_url(lambda address, before=step_url: address != before)

    # Check answers, tick the declarations and submit.
    page.goto(url + reverse("ehc_forms:check", args=[draft.pk]))
    assert reason in page.locator("main").inner_text()
    for declaration in page.locator("input[type=checkbox]").all():
        declaration.check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/forms/submitted/\d+/confirmation/|/confirmation"))
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED
    assert draft.reference in page.locator("main").inner_text()

    # The PDF downloads.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download a copy (PDF)").click()
    assert download.value.suggested_filename == f"{draft.reference}-v1.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # And the inbox has the message saying it arrived.
    page.goto(url + reverse("inbox:index"))
    # The subject wraps over two lines, so the link is followed from the keyboard.
    page.get_by_role("link", name=re.compile(f"submitted: reference {draft.reference}")).press(
        "Enter"
    )
    page.wait_for_url(re.compile(r"/messages/\d+/$"))
    assert f"Your reference is {draft.reference}" in page.locator("main").inner_text()
    audit.assert_clean()
