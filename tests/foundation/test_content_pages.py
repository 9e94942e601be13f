import re

import pytest

from guidance.models import GuidancePage
from portal_pages.pages.models import HomePage, StandardPage

FRAME = re.compile(
    r'<div class="govuk-grid-column-two-thirds">\s*<h1 class="govuk-heading-xl">([^<]+)</h1>'
)


@pytest.mark.parametrize("page_type", [HomePage, StandardPage, GuidancePage])
def test_each_content_page_type_draws_its_title_in_the_shared_frame(client, demo_site, page_type):
    page = page_type.objects.live().first()

    html = client.get(page.url).content.decode()

    assert FRAME.findall(html) == [page.title]
