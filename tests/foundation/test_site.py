import re

import pytest
from django.db import DatabaseError
from django.urls import reverse


def test_home_page_shows_the_editable_welcome_text(client, demo_site):
    from portal_pages.pages.models import HomePage

    home = HomePage.objects.get()
    home.welcome = [{"type": "paragraph", "value": "<p>Edited by the council on Tuesday.</p>"}]
    home.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Edited by the council on Tuesday." in html
    assert "Exampleshire County Council" in html
    assert 'class="govuk-skip-link"' in html
    assert "Accessibility statement" in html


def test_header_carries_no_crown_or_govuk_brand(client, demo_site):
    html = client.get("/").content.decode()
    assert "govuk-crest" not in html
    assert "GOV.UK" not in html
    assert "govuk-logo" not in html


def test_service_name_comes_from_the_site_setting(client, demo_site):
    from wagtail.models import Site

    from portal_pages.pages.models import PortalSettings

    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.service_name = "Partners SEND Hub"
    portal_settings.save()

    assert "Partners SEND Hub" in client.get("/").content.decode()


def test_admin_redirects_anonymous_visitors_to_sign_in(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor:login"))


def test_admin_login_page_redirects_to_the_two_factor_sign_in(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor:login"))


def test_django_admin_is_not_exposed(client, db):
    assert client.get("/django-admin/").status_code == 404


def test_missing_page_uses_the_base_template(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="govuk-skip-link"' in html
    assert "Exampleshire County Council" in html


def test_server_error_page_renders_without_the_database(rf):
    from portal_site.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_govuk_frontend_assets_are_served(client, db):
    for path in ("/static/build/portal.css", "/static/build/govuk-frontend.min.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content)
        assert len(body) > 10_000
    css = b"".join(client.get("/static/build/portal.css").streaming_content)
    assert b".govuk-button" in css
    assert b"GDS Transport" not in css


def test_healthz_answers_ok_with_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_down(client, db, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", broken_cursor)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.django_db
def test_api_serves_pages_as_json(client, demo_site):
    response = client.get("/api/v2/pages/?type=guidance.GuidancePage&fields=summary")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Requesting an EHC needs assessment" in titles
    assert "For school and NHS IT staff" in titles


def test_footer_links_lead_to_the_pages_chosen_in_the_settings(client, demo_site):
    html = client.get("/").content.decode()
    for path, heading in (
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/cookies/", "Cookies"),
        ("/contact/", "Contact the SEND team"),
    ):
        assert f'href="{path}"' in html
        page_html = client.get(path).content.decode()
        assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in page_html
    assert "send.team@exampleshire.gov.uk" in client.get("/contact/").content.decode()


def test_portal_pages_send_a_content_security_policy_that_admits_only_their_own_scripts(
    client, demo_site
):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    html = response.content.decode()

    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts
    assert all(f'nonce="{nonce}"' in attributes for attributes in inline_scripts)
    assert client.get("/").headers["Content-Security-Policy"] != policy


def test_the_admin_never_asks_gravatar_for_an_avatar(client, demo_site, make_professional):
    from django.contrib.auth.models import Group

    from portal_pages.accounts.groups import SEND_TEAM
    from portal_pages.accounts.testing import sign_in_verified

    officer = make_professional(email="officer@exampleshire.gov.uk")
    officer.groups.add(Group.objects.get(name=SEND_TEAM))
    html = sign_in_verified(client, officer).get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert "wagtailadmin/images/default-user-avatar" in html
