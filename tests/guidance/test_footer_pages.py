"""The accessibility statement, cookies page and privacy notice the footer links to."""


def test_the_accessibility_statement_has_the_sections_the_regulations_require(client, demo_site):
    html = client.get("/accessibility/").content.decode()
    for section in (
        "Compliance status",
        "Non-accessible content",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Preparation of this accessibility statement",
    ):
        assert f">{section}</h2>" in html
    assert "Equality and Human Rights Commission" in html


def test_the_cookies_page_lists_every_cookie_the_portal_sets(client, demo_site, settings):
    html = client.get("/cookies/").content.decode()
    for cookie in (
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        "portal_dismissed_notices",
    ):
        assert f"<b>{cookie}</b>" in html
    assert "essential" in html


def test_the_privacy_notice_is_a_skeleton_for_the_council(client, demo_site):
    html = client.get("/privacy/").content.decode()
    assert "Who we are" in html and "[Council name]" in html


def test_the_footer_links_each_page(client, demo_site):
    footer = client.get("/guidance/").content.decode().split('<footer class="govuk-footer">')[1]
    for href, text in (
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy"),
        ("/cookies/", "Cookies"),
    ):
        assert f'href="{href}">{text}</a>' in footer
