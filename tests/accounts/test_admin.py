import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice
from wagtail.models import ModelLogEntry

from portal_pages.accounts.groups import CONTENT_EDITORS
from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.signals import user_approved

LISTING = reverse("wagtailsnippets_accounts_registration:list")


def bulk_url(action, *users):
    ids = "&".join(f"id={user.pk}" for user in users)
    return reverse("wagtail_bulk_action", args=["accounts", "registration", action]) + "?" + ids


def test_listing_shows_professionals_only_with_status_and_bounded_queries(
    officer_client, send_officer, awaiting, make_professional, django_assert_max_num_queries
):
    for _ in range(25):
        waiting = awaiting()
    make_professional(status=User.Status.REJECTED)
    # The organisation filter is typed: the page does not grow with the organisations.
    Organisation.objects.create(name="Quiet Academy", kind="school")

    # 16 queries whatever the number of rows (organisations come in the same query).
    with django_assert_max_num_queries(18):
        page = officer_client.get(LISTING).content.decode()

    assert page.count("Awaiting approval") >= 3
    assert "Rejected" in page
    assert "Quiet Academy" not in page
    # SEND team members are not registrations.
    officer_row = reverse("wagtailsnippets_accounts_registration:edit", args=[send_officer.pk])
    assert officer_row not in page
    assert reverse("wagtailsnippets_accounts_registration:edit", args=[waiting.pk]) in page


def test_listing_filters_by_status_organisation_domain_and_date_and_searches(
    officer_client, awaiting, make_professional, organisation
):
    other = Organisation.objects.create(name="Hill Nursery", kind="early_years")
    waiting = awaiting(full_name="Wendy Waiting")
    approved = make_professional(full_name="Andy Approved")
    nhs = make_professional(full_name="Nina Nurse", email="nina@nhs.net", organisation=other)
    old = make_professional(full_name="Olive Older")
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - timedelta(days=60))

    def names(query):
        page = officer_client.get(LISTING + query).content.decode()
        return {u.full_name for u in (waiting, approved, nhs, old) if u.full_name in page}

    assert names("?status=email_confirmed") == {"Wendy Waiting"}
    assert names("?organisation=hill nurs") == {"Nina Nurse"}
    assert names("?email_domain=nhs.net") == {"Nina Nurse"}
    since = (timezone.now() - timedelta(days=7)).date().isoformat()
    assert names(f"?date_joined_from={since}") == {"Wendy Waiting", "Andy Approved", "Nina Nurse"}
    assert names("?q=wendy") == {"Wendy Waiting"}
    assert names("?q=nina@nhs") == {"Nina Nurse"}


def test_bulk_approve_emails_logs_creates_the_device_and_sends_the_signal(
    officer_client, send_officer, awaiting, mailoutbox
):
    first, second = awaiting(), awaiting()
    received = []

    def receiver(sender, user, approved_by, **kwargs):
        received.append((user.pk, approved_by.pk))

    user_approved.connect(receiver)
    try:
        confirm = officer_client.get(bulk_url("approve", first, second))
        assert first.full_name in confirm.content.decode()
        response = officer_client.post(bulk_url("approve", first, second))
    finally:
        user_approved.disconnect(receiver)

    assert response.status_code == 302
    for user in (first, second):
        user.refresh_from_db()
        assert user.status == User.Status.APPROVED
        assert EmailDevice.objects.filter(user=user, name="email", confirmed=True).exists()
        entry = ModelLogEntry.objects.get(object_id=str(user.pk), action="accounts.approve")
        assert entry.user_id == send_officer.pk
    assert sorted(received) == sorted([(first.pk, send_officer.pk), (second.pk, send_officer.pk)])
    decisions = [m for m in mailoutbox if m.subject == "Your registration has been approved"]
    assert sorted(m.to[0] for m in decisions) == sorted([first.email, second.email])
    history = officer_client.get(
        reverse("wagtailsnippets_accounts_registration:history", args=[first.pk])
    ).content.decode()
    assert "Approved registration" in history


def test_reject_needs_a_reason_which_is_emailed_and_logged(officer_client, awaiting, mailoutbox):
    user = awaiting()
    confirm = officer_client.get(bulk_url("reject", user)).content.decode()
    assert 'name="reason"' in confirm and user.full_name in confirm

    missing = officer_client.post(bulk_url("reject", user), {"reason": ""})
    assert missing.status_code == 200
    user.refresh_from_db()
    assert user.status == User.Status.EMAIL_CONFIRMED

    officer_client.post(bulk_url("reject", user), {"reason": "Not a professional address"})
    user.refresh_from_db()
    assert user.status == User.Status.REJECTED
    assert user.status_reason == "Not a professional address"
    assert "Reason: Not a professional address" in mailoutbox[-1].body
    entry = ModelLogEntry.objects.get(object_id=str(user.pk), action="accounts.reject")
    assert entry.data["reason"] == "Not a professional address"


def test_suspend_and_reactivate(officer_client, professional, mailoutbox):
    officer_client.post(bulk_url("suspend", professional), {"reason": "Left the school"})
    professional.refresh_from_db()
    assert professional.status == User.Status.SUSPENDED
    assert mailoutbox[-1].subject == "Your account has been suspended"

    officer_client.post(bulk_url("reactivate", professional))
    professional.refresh_from_db()
    assert professional.status == User.Status.APPROVED
    assert mailoutbox[-1].subject == "Your account has been reactivated"
    assert ModelLogEntry.objects.filter(object_id=str(professional.pk)).count() == 2


def test_actions_skip_registrations_whose_status_does_not_allow_them(
    officer_client, professional, awaiting, mailoutbox
):
    waiting = awaiting()

    officer_client.post(bulk_url("approve", professional, waiting))

    professional.refresh_from_db()
    assert professional.status == User.Status.APPROVED
    # The decision email, then the alert for the inbox's welcome message.
    assert [m.to for m in mailoutbox] == [[waiting.email], [waiting.email]]
    assert not ModelLogEntry.objects.filter(object_id=str(professional.pk)).exists()


def test_each_row_offers_the_actions_its_status_allows(officer_client, awaiting):
    user = awaiting()
    page = officer_client.get(LISTING).content.decode()
    assert bulk_url("approve", user).split("?")[0] + f"?id={user.pk}" in page
    assert bulk_url("suspend", user).split("?")[0] + f"?id={user.pk}" not in page


def test_only_the_send_team_may_review_registrations(
    client_factory, sign_in, make_professional, awaiting
):
    editor = make_professional(email="editor@exampleshire.gov.uk")
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    editor_client = sign_in(client_factory(), editor)
    user = awaiting()

    assert editor_client.get(LISTING).status_code in (302, 403)
    editor_client.post(bulk_url("approve", user))
    user.refresh_from_db()
    assert user.status == User.Status.EMAIL_CONFIRMED


def test_dashboard_panel_counts_registrations_waiting(officer_client, awaiting):
    awaiting()
    awaiting()

    page = officer_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Registrations waiting for approval" in page
    assert "<strong>2</strong> professionals are waiting" in page


def test_an_action_from_a_searched_listing_returns_to_the_listing_with_its_search(
    officer_client, awaiting
):
    user = awaiting(full_name="Wendy Waiting")
    # Searching or filtering refreshes the listing through its results fragment.
    results = reverse("wagtailsnippets_accounts_registration:list_results")
    fragment = officer_client.get(
        results + "?q=wendy&status=email_confirmed", headers={"x-requested-with": "XMLHttpRequest"}
    ).content.decode()
    approve = re.search(r'href="([^"]*/approve/\?[^"]*)"', fragment).group(1)
    next_url = parse_qs(urlsplit(unescape(approve)).query)["next"][0]
    assert next_url == LISTING + "?q=wendy&status=email_confirmed"

    response = officer_client.post(unescape(approve))
    assert response.status_code == 302
    assert response.url == next_url
    listing = officer_client.get(response.url)
    assert listing.status_code == 200
    assert "Approved registration: 1." in listing.content.decode()
    user.refresh_from_db()
    assert user.status == User.Status.APPROVED


def test_emails_use_the_names_and_send_team_contact_from_portal_settings(
    officer_client, awaiting, site, mailoutbox
):
    from wagtail.models import Site

    from portal_pages.pages.models import PortalSettings

    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.service_name = "Northshire SEND Hub"
    portal.council_name = "Northshire Council"
    portal.send_team_email = "send@northshire.gov.uk"
    portal.send_team_phone = "01632 960 777"
    portal.save()
    user = awaiting()

    officer_client.post(bulk_url("reject", user), {"reason": "Not a professional address"})

    email = mailoutbox[-1]
    assert email.from_email.startswith("Northshire SEND Hub <")
    assert "Northshire Council SEND team could not approve" in email.body
    assert "for the Northshire SEND Hub" in email.body
    assert "by email at send@northshire.gov.uk or by phone on 01632 960 777" in email.body
    assert "SEND Professional Portal" not in email.body
    assert "reply to the SEND team" not in email.body
