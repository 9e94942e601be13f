"""The council's logo from the portal settings, in the header of every page."""

import re

from wagtail.models import Site

from portal_pages.pages.models import PortalSettings


def test_the_logo_is_shown_beside_the_council_name_with_its_alt_text(client, demo_site):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo_alt_text = "Exampleshire County Council crest"
    settings.save()

    html = client.get("/guidance/").content.decode()

    header = html.split('<header class="govuk-generic-header govuk-header"')[1].split("</header>")[
        0
    ]
    image = re.search(r'<img class="portal-header__logo" src="([^"]+)" alt="([^"]*)"', header)
    assert image.group(2) == "Exampleshire County Council crest"
    assert "<span>Exampleshire County Council</span>" in header
    served = client.get(image.group(1))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"


def test_without_a_logo_the_header_shows_the_council_name_only(client, demo_site):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = None
    settings.save()
    html = client.get("/").content.decode()
    assert "portal-header__logo" not in html
    assert "<span>Exampleshire County Council</span>" in html


def test_the_pdf_carries_the_logo_itself(demo_site):
    import base64

    from ehc_forms.pdf import logo_data_uri

    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    uri = logo_data_uri(portal)
    assert uri.startswith("data:image/png;base64,")
    with portal.logo.open_file() as image:
        assert base64.b64decode(uri.split(",", 1)[1]) == image.read()
    portal.logo = None
    assert logo_data_uri(portal) == ""


def test_the_pdf_leaves_out_a_logo_whose_file_cannot_be_read(demo_site, caplog):
    from ehc_forms.pdf import logo_data_uri

    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.logo.file.name = "original_images/no-such-logo.png"
    assert logo_data_uri(portal) == ""
    assert "without the logo" in caplog.text
