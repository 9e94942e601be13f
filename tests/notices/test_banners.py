"""Notices drawn at the top of pages: severities, placements and dismissal."""

import datetime
import re

import pytest
from django.urls import reverse

from ehc_forms.saving import start_draft
from notices.dismissal import DISMISSED_COOKIE
from notices.models import Notice
from portal_pages.children.models import Child


def banners(html):
    """{notice id: the banner's opening tag} for every notice banner on the page."""
    return {
        int(match.group(1)): match.group(0)
        for match in re.finditer(
            r'<div class="govuk-notification-banner"[^>]*data-notice="(\d+)"[^>]*>', html
        )
    }


def shown(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return set(banners(response.content.decode()))


@pytest.mark.parametrize(
    ("severity", "heading", "role", "dismissible"),
    [
        (Notice.Severity.INFORMATION, "Information", "region", True),
        (Notice.Severity.IMPORTANT, "Important", "region", False),
        (Notice.Severity.CRITICAL, "Critical", "alert", False),
    ],
)
def test_each_severity_is_a_govuk_notification_banner(
    client, demo_site, publish_notice, severity, heading, role, dismissible
):
    notice = publish_notice(severity=severity, message="<p>Uploads are <b>slow</b> today.</p>")

    html = client.get("/").content.decode()

    tag = banners(html)[notice.pk]
    assert f'role="{role}"' in tag
    assert (
        f'<h2 class="govuk-notification-banner__title" id="notice-title-{notice.pk}">{heading}</h2>'
        in html
    )
    assert "Uploads are <b>slow</b> today." in html
    assert (reverse("notices:dismiss", args=[notice.pk]) in html) is dismissible
    # Critical notices are announced, but must not steal the focus from the page.
    assert ('data-disable-auto-focus="true"' in tag) is (severity == Notice.Severity.CRITICAL)


def test_the_notice_comes_before_the_page_heading(client, demo_site, publish_notice):
    publish_notice()
    html = client.get("/accessibility/").content.decode()
    assert html.index("govuk-notification-banner__title") < html.index("<h1")


def test_sign_in_placement_shows_on_sign_in_and_registration_pages_only(
    client, demo_site, publish_notice
):
    notice = publish_notice(placement=Notice.Placement.SIGN_IN)

    assert notice.pk in shown(client, reverse("two_factor:login"))
    assert notice.pk in shown(client, reverse("accounts:register"))
    assert notice.pk in shown(client, reverse("accounts:password_reset"))
    assert notice.pk not in shown(client, "/")
    assert notice.pk not in shown(client, "/guidance/")


def test_every_page_placement_shows_on_public_and_portal_pages(
    client, professional, sign_in, demo_site, publish_notice
):
    notice = publish_notice(placement=Notice.Placement.EVERYWHERE)

    assert notice.pk in shown(client, "/")
    assert notice.pk in shown(client, reverse("two_factor:login"))
    sign_in(client, professional)
    assert notice.pk in shown(client, reverse("children:index"))
    assert notice.pk in shown(client, reverse("inbox:index"))


@pytest.mark.parametrize(
    ("placement", "where", "elsewhere"),
    [
        (Notice.Placement.SEND_HOME, "children:index", "inbox:index"),
        (Notice.Placement.MESSAGES, "inbox:index", "children:index"),
    ],
)
def test_area_placements_show_in_their_area_only(
    professional_client, demo_site, publish_notice, placement, where, elsewhere
):
    notice = publish_notice(placement=placement)

    assert notice.pk in shown(professional_client, reverse(where))
    assert notice.pk not in shown(professional_client, reverse(elsewhere))
    assert notice.pk not in shown(professional_client, "/")


def test_guidance_placement_shows_on_guidance_pages_and_search(client, demo_site, publish_notice):
    notice = publish_notice(placement=Notice.Placement.GUIDANCE)

    assert notice.pk in shown(client, "/guidance/")
    assert notice.pk in shown(client, "/guidance/registering/")
    assert notice.pk in shown(client, "/guidance/search/?q=code")
    assert notice.pk not in shown(client, "/")


def test_forms_placement_shows_on_the_chosen_forms_pages_only(
    professional_client, professional, demo_forms, publish_notice
):
    chosen, other = demo_forms["post-16-annual-review"], demo_forms["annual-review"]
    notice = publish_notice(placement=Notice.Placement.FORMS, forms=[chosen])
    child = Child.objects.create(
        created_by=professional,
        given_name="Sam",
        family_name="Lee",
        date_of_birth=datetime.date(2009, 3, 2),
    )
    draft = start_draft(professional, child, chosen, {"full_name": professional.full_name})
    other_draft = start_draft(professional, child, other, {"full_name": professional.full_name})

    assert notice.pk in shown(professional_client, reverse("ehc_forms:task_list", args=[draft.pk]))
    assert notice.pk in shown(professional_client, reverse("ehc_forms:step", args=[draft.pk, 1]))
    assert notice.pk not in shown(
        professional_client, reverse("ehc_forms:task_list", args=[other_draft.pk])
    )
    assert notice.pk not in shown(professional_client, reverse("children:index"))


def test_information_notices_can_be_dismissed_for_the_session(client, demo_site, publish_notice):
    information = publish_notice(severity=Notice.Severity.INFORMATION)
    important = publish_notice(severity=Notice.Severity.IMPORTANT)

    response = client.post(
        reverse("notices:dismiss", args=[information.pk]), {"next": "/guidance/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/guidance/"
    cookie = response.cookies[DISMISSED_COOKIE]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    assert shown(client, "/") == {important.pk}


def test_important_and_critical_notices_stay_whatever_the_cookie_says(
    client, demo_site, publish_notice
):
    important = publish_notice(severity=Notice.Severity.IMPORTANT)
    critical = publish_notice(severity=Notice.Severity.CRITICAL)
    client.post(reverse("notices:dismiss", args=[important.pk]))
    client.cookies[DISMISSED_COOKIE] = f"{important.pk}.{critical.pk}.junk"

    assert shown(client, "/") == {important.pk, critical.pk}


def test_dismissing_never_redirects_to_another_site(client, demo_site, publish_notice):
    notice = publish_notice(severity=Notice.Severity.INFORMATION)
    response = client.post(
        reverse("notices:dismiss", args=[notice.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert client.get(reverse("notices:dismiss", args=[notice.pk])).status_code == 405


def test_drafts_are_not_shown_and_preview_shows_the_banner(client, demo_site, publish_notice):
    notice = publish_notice()
    notice.message = "<p>A draft change.</p>"
    notice.save_revision()

    assert "A draft change." not in client.get("/").content.decode()
    preview = notice.make_preview_request().content.decode()
    assert "A draft change." in preview
    assert preview.index("A draft change.") < preview.index("<h1")
