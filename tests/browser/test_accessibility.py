"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA), reflow at 320 CSS pixels, 200% zoom and
WCAG 1.4.12 text spacing on every page type of the portal and the admin screens it adds,
with the demo content loaded. Screenshots of each page go to var/screenshots/."""

from django.urls import reverse

from ehc_forms.models import Submission
from guidance.models import DataGuidancePage, GuidancePage
from notices.models import Notice
from portal_pages.accounts.admin_views import Registration
from portal_pages.accounts.demo import DEMO_PASSWORD
from portal_pages.accounts.models import User
from portal_pages.children.models import Child, EHCCase
from portal_pages.inbox.admin_views import message_viewset
from portal_pages.inbox.models import Message

PROFESSIONAL = "sendco@oakfield-primary.sch.uk"
OFFICER = "send.officer@exampleshire.gov.uk"


def test_pages_anyone_can_see(page, demo_portal, audit):
    url = demo_portal.url
    page.goto(url + "/")
    audit.check("home")
    page.goto(url + GuidancePage.objects.live().first().url)
    audit.check("guidance")
    page.goto(url + DataGuidancePage.objects.live().first().url)
    audit.check("data guidance")
    page.goto(url + "/no-such-page/")
    audit.check("not found")

    for severity in Notice.Severity:
        Notice.objects.create(
            title=f"{severity.label} notice",
            message=f"<p>A {severity.label.lower()} notice with <a href='/'>a link</a>.</p>",
            severity=severity,
            placement=Notice.Placement.EVERYWHERE,
            live=False,
        ).save_revision().publish()
    page.goto(url + "/")
    assert page.locator(".govuk-notification-banner").count() >= len(Notice.Severity)
    audit.check("a notice of each severity")

    page.goto(url + reverse("accounts:register"))
    audit.check("registration")
    page.get_by_role("button", name="Register").click()
    page.locator(".govuk-error-summary").wait_for()
    audit.check("registration with errors")
    page.goto(url + reverse("accounts:check_email"))
    audit.check("registration: check your email")
    page.goto(url + reverse("accounts:awaiting_approval"))
    audit.check("registration: waiting for approval")

    page.goto(url + reverse("two_factor:login"))
    audit.check("sign in")
    page.fill("#id_auth-username", PROFESSIONAL)
    page.fill("#id_auth-password", "not the password")
    page.get_by_role("button", name="Continue").click()
    page.locator(".govuk-error-summary").wait_for()
    audit.check("sign in with errors")
    page.fill("#id_auth-password", DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.locator("#id_token-otp_token").wait_for()
    audit.check("code entry")
    page.fill("#id_token-otp_token", "000000")
    page.get_by_role("button", name="Sign in").click()
    page.locator(".govuk-error-summary").wait_for()
    audit.check("code entry with errors")

    audit.assert_clean()


def test_professional_pages(page, demo_portal, audit, browser_sign_in, settings):
    url = demo_portal.url
    professional = User.objects.get(email=PROFESSIONAL)
    browser_sign_in(professional)
    child = Child.objects.filter(created_by=professional).first()
    draft = Submission.objects.get(
        author=professional, form__slug="request-for-assessment", status="draft"
    )
    ready = Submission.objects.get(
        author=professional, form__slug="professional-advice", status="draft"
    )
    sent = Submission.objects.filter(author=professional, status="submitted").latest(
        "version_number"
    )
    message = Message.objects.filter(recipient=professional).first()

    for name, path in [
        ("your account", reverse("accounts:account")),
        ("SEND home", reverse("children:index")),
        ("add a child", reverse("children:add")),
        ("confirm child details", reverse("children:confirm", args=[child.pk])),
        ("child home", reverse("children:home", args=[child.pk])),
        ("child's forms", reverse("ehc_forms:child_forms", args=[child.pk])),
        ("my drafts", reverse("ehc_forms:my_drafts")),
        ("task list", reverse("ehc_forms:task_list", args=[draft.pk])),
        ("check answers", reverse("ehc_forms:check", args=[ready.pk])),
        ("confirmation", reverse("ehc_forms:confirmation", args=[sent.pk])),
        ("sent form", reverse("ehc_forms:submitted", args=[sent.pk])),
        ("edit with a reason", reverse("ehc_forms:edit", args=[sent.pk])),
        ("form history", reverse("ehc_forms:history", args=[sent.pk])),
        ("inbox", reverse("inbox:index")),
        ("message", reverse("inbox:message", args=[message.pk])),
    ]:
        page.goto(url + path)
        audit.check(name)

    page.goto(url + reverse("children:add"))
    page.get_by_role("button", name="Add person").click()
    page.locator(".govuk-error-summary").wait_for()
    audit.check("add a child with errors")

    # Every step of two forms between them show each kind of field.
    for submission in (draft, ready):
        for step in submission.definition.steps:
            page.goto(url + reverse("ehc_forms:step", args=[submission.pk, step.number]))
            audit.check(f"{submission.form.slug} step {step.number}")

    page.goto(url + reverse("ehc_forms:step", args=[draft.pk, 2]))
    for field in page.locator("form[data-ehc-autosave] [required], textarea").all():
        field.fill("")
    page.get_by_role("button", name="Save and continue").click()
    page.locator(".govuk-error-summary").wait_for()
    audit.check("step with errors")

    settings.PORTAL_IDLE_TIMEOUT_SECONDS = 8
    settings.PORTAL_IDLE_WARNING_SECONDS = 5
    browser_sign_in(professional)  # a new session, on the shortened clock
    page.goto(url + reverse("children:index"))
    page.locator("#portal-session-timeout").wait_for(state="visible", timeout=8000)
    audit.axe("timeout warning")
    audit.screenshot("timeout warning")

    audit.assert_clean()


def test_admin_screens_the_portal_adds(page, demo_portal, audit, browser_sign_in):
    url = demo_portal.url
    browser_sign_in(User.objects.get(email=OFFICER))
    case = EHCCase.objects.first()
    child = Child.objects.first()
    sent = Submission.objects.filter(submitted_at__isnull=False).first()
    for name, path in [
        ("admin dashboard", "/admin/"),
        ("admin registrations", reverse(Registration.snippet_viewset.get_url_name("list"))),
        ("admin EHC cases", reverse("ehc-cases:index")),
        ("admin an EHC case", reverse("ehc-cases:edit", args=[case.pk])),
        ("admin child records", reverse("child-records:index")),
        ("admin link to a case", reverse("child-records:link", args=[child.pk])),
        ("admin compose a message", reverse(message_viewset.get_url_name("add"))),
        ("admin form shares", reverse("form_shares:index")),
        ("admin share a form", reverse("form_shares:add")),
        ("admin webhook deliveries", reverse("webhook_deliveries:index")),
        ("admin notices", reverse(Notice.snippet_viewset.get_url_name("list"))),
        ("admin submissions", reverse("submissions:index")),
        ("admin a submission", reverse("submissions:inspect", args=[sent.pk])),
        ("admin a submission's status", reverse("submissions:status", args=[sent.pk])),
        ("admin a submission's history", reverse("submissions:history", args=[sent.pk])),
    ]:
        page.goto(url + path)
        audit.check(name)
    audit.assert_clean()
