"""Guidance people can find: navigation, the index, blocks, breadcrumbs, contents list and
search."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from guidance.blocks import GuidanceStreamBlock
from guidance.models import GuidanceIndexPage, GuidancePage


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def add_guidance(title, body, summary="", slug=None):
    index = GuidanceIndexPage.objects.get()
    page = index.add_child(
        instance=GuidancePage(
            title=title, slug=slug or title.lower().replace(" ", "-"), summary=summary, body=body
        )
    )
    page.save_revision().publish()
    return page


def test_guidance_is_in_the_navigation_for_everyone(client, professional, sign_in, demo_site):
    link = '<a class="govuk-service-navigation__link" href="/guidance/"'
    assert link in client.get("/").content.decode()
    assert link in client.get(reverse("two_factor:login")).content.decode()
    sign_in(client, professional)
    home = client.get("/").content.decode()
    assert link in home
    assert (
        '<a class="govuk-link govuk-link--no-visited-state" href="/guidance/">Guidance</a>' in home
    )


def test_guidance_navigation_is_current_on_guidance_pages(client, demo_site):
    html = client.get("/guidance/registering/").content.decode()
    assert 'href="/guidance/" aria-current="page"' in html


def test_the_index_lists_each_page_with_its_summary_and_last_updated_date(client, demo_site):
    html = client.get("/guidance/").content.decode()
    page = GuidancePage.objects.get(slug="registering")
    assert (
        '<a class="govuk-link" href="/guidance/registering/">Registering for the portal</a>' in html
    )
    assert page.summary in html
    assert f"Last updated {page.last_published_at:%-d %B %Y}" in html
    assert "For school and NHS IT staff" in html


def test_every_block_renders_on_a_guidance_page(client, demo_site):
    image = get_image_model().objects.create(
        title="Task list", file=ContentFile(png_bytes(), name="task-list.png")
    )
    document = get_document_model()(
        title="Old paper form", file=ContentFile(b"%PDF-1.4 guidance", name="old-form.pdf")
    )
    document._set_document_file_metadata()  # as the admin's upload form does
    document.save()
    page = add_guidance(
        "Every block",
        [
            {"type": "heading", "value": "A heading"},
            {"type": "paragraph", "value": "<p>A paragraph.</p>"},
            {"type": "inset", "value": "<p>Inset words.</p>"},
            {"type": "warning", "value": "Never share your code."},
            {"type": "numbered_steps", "value": {"steps": ["<p>First</p>", "<p>Second</p>"]}},
            {
                "type": "details",
                "value": {"summary": "More help", "content": "<p>Hidden help.</p>"},
            },
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "The task list",
                    "caption": "Two steps done.",
                },
            },
            {"type": "document", "value": {"document": document.pk, "link_text": ""}},
            {"type": "contact_details", "value": None},
        ],
    )

    html = client.get(page.url).content.decode()

    assert '<h2 class="govuk-heading-m" id="a-heading">A heading</h2>' in html
    assert (
        "A paragraph." in html
        and 'class="govuk-inset-text portal-rich-text"><p>Inset words.' in html
    )
    assert '<span class="govuk-visually-hidden">Warning</span>Never share your code.' in html
    assert (
        '<ol class="govuk-list govuk-list--number portal-rich-text">' in html and "Second" in html
    )
    assert '<span class="govuk-details__summary-text">More help</span>' in html
    assert 'alt="The task list"' in html and "Two steps done.</figcaption>" in html
    image_url = html.split('class="portal-figure__image" src="')[1].split('"')[0]
    assert client.get(image_url).status_code == 200
    assert ">Old paper form</a>" in html and "(PDF, 17\xa0bytes)" in html
    assert "send.team@exampleshire.gov.uk" in html and "01632 960 001" in html


@pytest.mark.parametrize("name", list(GuidanceStreamBlock.base_blocks))
def test_each_block_has_a_template_a_description_and_a_preview(demo_site, name):
    block = GuidanceStreamBlock.base_blocks[name]
    assert block.meta.template.endswith(".html")
    assert block.meta.description
    if name != "contact_details":  # a static block: its preview is the settings it shows
        assert block.get_preview_value()


def test_breadcrumbs_lead_back_to_home_and_the_guidance_index(client, demo_site):
    html = client.get("/guidance/signing-in/").content.decode()
    crumbs = html.split('<nav class="govuk-breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/">Home</a>' in crumbs
    assert 'href="/guidance/">Guidance</a>' in crumbs


def test_a_contents_list_appears_with_three_or_more_headings(client, demo_site):
    three = add_guidance(
        "Three", [{"type": "heading", "value": name} for name in ("One", "Two", "Three")]
    )
    two = add_guidance("Two", [{"type": "heading", "value": name} for name in ("One", "Two")])

    html = client.get(three.url).content.decode()
    assert 'aria-label="Contents"' in html
    assert '<a class="govuk-link" href="#two">Two</a>' in html
    assert 'id="two"' in html
    assert 'aria-label="Contents"' not in client.get(two.url).content.decode()


def test_search_finds_guidance_by_its_words(client, demo_site):
    html = client.get("/guidance/search/?q=junk folder").content.decode()
    assert "result" in html and "for “junk folder”" in html
    assert 'href="/guidance/registering/">Registering for the portal</a>' in html
    assert "Messages from the SEND team" not in html


def test_search_with_no_results_suggests_what_to_do(client, demo_site):
    html = client.get("/guidance/search/?q=xylophone").content.decode()
    assert "0 results for “xylophone”" in html
    assert "checking your spelling" in html


def test_search_without_words_asks_for_some(client, demo_site, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        html = client.get("/guidance/search/").content.decode()
    assert "Enter words to search for" in html
    assert 'role="search"' in html


def test_draft_guidance_is_neither_listed_nor_found(client, demo_site):
    page = GuidancePage.objects.get(slug="messages")
    page.unpublish()
    assert "Messages from the SEND team" not in client.get("/guidance/").content.decode()
    assert (
        "Messages from the SEND team"
        not in client.get("/guidance/search/?q=messages").content.decode()
    )


def test_guidance_index_lists_with_a_bounded_number_of_queries(
    client, demo_site, django_assert_max_num_queries
):
    for number in range(30):
        add_guidance(f"Extra guide {number}", [], summary="More guidance.")
    with django_assert_max_num_queries(15):
        assert client.get("/guidance/").status_code == 200
