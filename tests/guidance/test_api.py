"""The headless API: guidance and data-guidance pages, form schemas, read-only and
rate-limited, with the portal's real address in `html_url`."""

import pytest
from wagtail.models import Site

from guidance.models import GuidanceIndexPage, GuidancePage
from portal_site import demo as site_demo


def test_the_guidance_endpoint_lists_only_guidance(client, data_guidance):
    response = client.get("/api/v2/guidance/")

    assert response.status_code == 200
    types = {item["meta"]["type"] for item in response.json()["items"]}
    assert types == {
        "guidance.GuidanceIndexPage",
        "guidance.GuidancePage",
        "guidance.DataGuidancePage",
    }
    guidance = GuidanceIndexPage.objects.get().get_descendants(inclusive=True).live()
    assert response.json()["meta"]["total_count"] == guidance.count()


def test_a_guidance_page_with_its_body_and_real_address(client, data_guidance):
    page = GuidancePage.objects.get(slug="for-it-staff")

    body = client.get(f"/api/v2/guidance/{page.pk}/").json()

    assert body["title"] == "For school and NHS IT staff"
    assert body["meta"]["html_url"] == "http://testserver/guidance/for-it-staff/"
    assert any(block["type"] == "warning" and "SSL/TLS" in block["value"] for block in body["body"])
    assert body["summary"] == page.summary


def test_data_guidance_pages_carry_their_tables(client, data_guidance):
    listing = client.get("/api/v2/guidance/?type=guidance.DataGuidancePage&fields=tables").json()
    assert data_guidance.pk in [item["id"] for item in listing["items"]]

    body = client.get(f"/api/v2/guidance/{data_guidance.pk}/").json()

    rows = [row for table in body["tables"] for row in table["rows"]]
    assert [row["key"] for row in rows] == [
        row["key"] for row in data_guidance.form.definition.data_guidance()
    ]
    memo = next(row for row in rows if row["type"] == "Memo")
    assert isinstance(memo["character_limit"], int)
    assert body["form_id"] == data_guidance.form_id


def test_form_schemas_are_listed_and_served(client, data_guidance):
    listing = client.get("/api/v2/form-schemas/").json()
    form = data_guidance.form
    assert form.pk in [item["id"] for item in listing["items"]]
    schema = client.get(f"/api/v2/form-schemas/{form.pk}/").json()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", ["/api/v2/guidance/", "/api/v2/notices/", "/api/v2/form-schemas/"])
def test_the_api_is_read_only(client, demo_site, path):
    assert client.post(path, {}).status_code == 405
    assert client.delete(path).status_code == 405


def test_anonymous_clients_are_rate_limited(client, demo_site, settings):
    settings.PORTAL_API_ANON_RATE = "3/minute"
    statuses = [client.get("/api/v2/guidance/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get("/api/v2/notices/").status_code == 429


def test_html_url_follows_site_url(client, demo_site, settings):
    settings.SITE_URL = "https://portal.exampleshire.gov.uk"
    settings.ALLOWED_HOSTS = ["portal.exampleshire.gov.uk"]
    site_demo.load()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.exampleshire.gov.uk", 443)
    page = GuidancePage.objects.get(slug="registering")
    body = client.get(
        f"/api/v2/guidance/{page.pk}/", HTTP_HOST="portal.exampleshire.gov.uk", secure=True
    ).json()
    assert body["meta"]["html_url"] == "https://portal.exampleshire.gov.uk/guidance/registering/"


def test_find_takes_only_a_whole_number_id(client, demo_site):
    for endpoint in ("pages", "guidance", "notices", "form-schemas"):
        refused = client.get(f"/api/v2/{endpoint}/find/?id=1e308")
        assert refused.status_code == 400, endpoint
        assert refused.json() == {"message": "id must be a whole number"}
        # A whole number too large for any id is simply not found.
        assert client.get(f"/api/v2/{endpoint}/find/?id={'9' * 30}").status_code == 404


def test_a_search_operator_other_than_and_or_or_is_a_bad_request(client, demo_site):
    for endpoint in ("pages", "guidance"):
        refused = client.get(f"/api/v2/{endpoint}/?search=reading&search_operator=xor")
        assert refused.status_code == 400, endpoint
        assert refused.json() == {"message": "search_operator must be 'and' or 'or'"}
        assert (
            client.get(f"/api/v2/{endpoint}/?search=reading&search_operator=or").status_code == 200
        )
