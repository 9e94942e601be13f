"""Pages with personal data are never kept by a browser or proxy."""

from django.urls import reverse


def test_every_page_for_someone_signed_in_is_no_store_and_public_pages_are_not(
    client, owner, sign_in, owner_child, owner_message, owner_draft
):
    public = client.get("/")
    assert "no-store" not in public.get("Cache-Control", "")

    sign_in(client, owner)
    pages = [
        "/",
        reverse("accounts:account"),
        reverse("children:home", args=[owner_child.pk]),
        reverse("children:confirm", args=[owner_child.pk]),
        reverse("inbox:message", args=[owner_message.pk]),
        reverse("ehc_forms:step", args=[owner_draft.pk, 1]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url
