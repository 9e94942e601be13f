"""Editors' screens for notices: the listing, the editor with its publishing schedule, and
the preview."""

from django.contrib.auth.models import Group
from django.urls import reverse

from portal_pages.accounts.groups import CONTENT_EDITORS


def test_editors_list_edit_schedule_and_preview_notices(
    client, make_professional, sign_in, demo_site, publish_notice
):
    editor = make_professional(email="editor@exampleshire.gov.uk")
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    sign_in(client, editor)
    notice = publish_notice(title="Slow uploads")

    listing = client.get(reverse("wagtailsnippets_notices_notice:list"))
    assert listing.status_code == 200
    assert "Slow uploads" in listing.content.decode()

    edit = client.get(reverse("wagtailsnippets_notices_notice:edit", args=[notice.pk]))
    html = edit.content.decode()
    assert edit.status_code == 200
    assert 'name="go_live_at"' in html and 'name="expire_at"' in html
    assert reverse("wagtailsnippets_notices_notice:preview_on_edit", args=[notice.pk]) in html
