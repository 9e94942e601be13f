"""Active notices in the headless API, filtered by where they show."""

from notices.models import Notice


def test_the_notices_in_force_are_listed_most_severe_first(client, demo_site, publish_notice):
    important = publish_notice(message="<p>Uploads are slow.</p>")
    critical = publish_notice(severity=Notice.Severity.CRITICAL)
    draft = Notice.objects.create(title="Not yet", message="<p>Draft</p>", live=False)

    body = client.get("/api/v2/notices/").json()

    assert [item["id"] for item in body["items"]] == [critical.pk, important.pk]
    assert body["meta"]["total_count"] == 2
    item = body["items"][1]
    assert item["message"] == "<p>Uploads are slow.</p>"
    assert (item["severity"], item["heading"], item["placement"]) == (
        "important",
        "Important",
        "everywhere",
    )
    assert "title" not in item  # the internal title is for editors only
    assert client.get(f"/api/v2/notices/{important.pk}/").json()["id"] == important.pk
    assert client.get(f"/api/v2/notices/{draft.pk}/").status_code == 404


def test_notices_can_be_filtered_by_where_they_show(client, demo_forms, publish_notice):
    form = demo_forms["post-16-annual-review"]
    everywhere = publish_notice()
    sign_in = publish_notice(placement=Notice.Placement.SIGN_IN)
    on_form = publish_notice(placement=Notice.Placement.FORMS, forms=[form])

    def ids(query):
        return {item["id"] for item in client.get(f"/api/v2/notices/?{query}").json()["items"]}

    assert ids("placement=sign_in") == {everywhere.pk, sign_in.pk}
    assert ids(f"placement=forms&form={form.pk}") == {everywhere.pk, on_form.pk}
    assert ids("placement=forms&form=999999") == {everywhere.pk}
    assert client.get("/api/v2/notices/").json()["items"][0]["forms"] in ([], [form.pk])


def test_a_bad_filter_is_refused_with_the_values_allowed(client, demo_site):
    response = client.get("/api/v2/notices/?placement=footer")
    assert response.status_code == 400
    assert "sign_in" in str(response.json())
    # "²" counts as a digit in Python but is no number: refused like any other text.
    for form in ("abc", "²"):
        response = client.get(f"/api/v2/notices/?placement=forms&form={form}")
        assert response.status_code == 400
        assert "whole number" in str(response.json())
