"""How much a form may carry: a 1 MB answer is stored; a body over the deliberate limit
(DATA_UPLOAD_MAX_MEMORY_SIZE) gets a 413 page, or JSON for autosave, and changes nothing."""

from django.conf import settings
from django.urls import reverse

from ehc_forms.models import Submission

ONE_MEGABYTE = 1024 * 1024


def test_a_one_megabyte_memo_is_stored_by_autosave(client, owner, sign_in, owner_draft):
    sign_in(client, owner)
    memo = "Every word matters. " * (ONE_MEGABYTE // 20)

    saved = client.post(
        reverse("ehc_forms:autosave", args=[owner_draft.pk, 1]),
        {"version": owner_draft.version, "views": memo},
    )

    assert saved.status_code == 200
    assert Submission.objects.get(pk=owner_draft.pk).answers["views"] == memo


def test_a_body_over_the_limit_gets_the_413_page_and_changes_nothing(
    client, owner, sign_in, owner_draft
):
    sign_in(client, owner)
    too_large = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    autosave = reverse("ehc_forms:autosave", args=[owner_draft.pk, 1])
    data = {"version": owner_draft.version, "views": too_large}

    page = client.post(reverse("ehc_forms:step", args=[owner_draft.pk, 1]), data)
    script = client.post(autosave, data, headers={"Accept": "application/json"})

    assert page.status_code == 413
    assert "These answers are too large to save" in page.content.decode()
    assert script.status_code == 413
    assert "Nothing you saved before has been lost" in script.json()["message"]
    draft = Submission.objects.get(pk=owner_draft.pk)
    assert draft.version == owner_draft.version
    assert draft.answers.get("views") != too_large
