"""What each demo account can do, signed in as that account: the content editor publishes
pages, forms and notices without a moderator; the SEND team officer works with cases but
publishes nothing; the professional has no admin at all."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from ehc_forms.models import EHCFormPage
from notices.models import Notice
from portal_pages.accounts.demo import DEMO_ACCOUNTS
from portal_pages.accounts.models import User
from portal_pages.pages.models import HomePage

EMAILS = {
    account["group"] or ("administrator" if account.get("superuser") else "professional"): account[
        "email"
    ]
    for account in DEMO_ACCOUNTS
}


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def signed_in_as(client, sign_in):
    def as_account(group):
        return sign_in(client, User.objects.get(email=EMAILS[group]))

    return as_account


def test_the_content_editor_publishes_a_page_without_moderation(demo, signed_in_as):
    client = signed_in_as("Editors")
    home = HomePage.objects.get()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
        {
            "title": "Welcome, professionals",
            "slug": home.slug,
            "welcome-count": "0",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    home.refresh_from_db()
    assert home.live and home.title == "Welcome, professionals"
    assert not home.has_unpublished_changes
    assert home.current_workflow_state is None


def test_the_content_editor_may_publish_forms_and_notices(demo, signed_in_as):
    editor = User.objects.get(email=EMAILS["Editors"])
    signed_in_as("Editors")

    form = EHCFormPage.objects.live().first()
    assert form.permissions_for_user(editor).can_publish()
    assert Page.objects.get(depth=2).permissions_for_user(editor).can_publish()
    assert editor.has_perm("notices.publish_notice")
    assert editor.has_perm("notices.add_notice")
    assert editor.has_perm("ehc_forms.change_lookuplist")


def test_the_content_editor_publishes_a_notice_in_the_admin(demo, signed_in_as, client):
    signed_in_as("Editors")

    response = client.post(
        reverse("wagtailsnippets_notices_notice:add"),
        {
            "title": "Slow uploads",
            "message": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Uploads are slow.", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "severity": "important",
            "placement": "everywhere",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    notice = Notice.objects.get(title="Slow uploads")
    assert notice.live
    assert "Uploads are slow." in client.get("/").content.decode()


def test_the_send_team_officer_works_in_the_admin_but_publishes_nothing(demo, signed_in_as):
    client = signed_in_as("SEND team")
    officer = User.objects.get(email=EMAILS["SEND team"])

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert officer.has_perm("children.view_ehccase")
    assert not Page.objects.get(depth=2).permissions_for_user(officer).can_publish()
    assert not officer.has_perm("notices.publish_notice")


def test_the_professional_has_no_admin(demo, signed_in_as):
    client = signed_in_as("professional")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code in (302, 403)
    assert client.get("/").status_code == 200


def test_the_council_administrator_may_publish_everything(demo, signed_in_as):
    client = signed_in_as("administrator")
    administrator = User.objects.get(email=EMAILS["administrator"])
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert Page.objects.get(depth=2).permissions_for_user(administrator).can_publish()
    assert administrator.has_perm("notices.publish_notice")
