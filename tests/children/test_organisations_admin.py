"""The SEND team's Organisations in the admin: listing, confirming, members, team leads,
merging duplicates; and the admin's own handover and moving on."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal_pages.accounts import services
from portal_pages.accounts.models import Organisation, User
from portal_pages.children.access import children_visible_to
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message


@pytest.fixture
def duplicate(db):
    return Organisation.objects.create(
        name="Oakfield Primary", kind="school", urn="100001", postcode="EX1 1AA"
    )


def test_listing_counts_members_without_a_query_per_row(
    send_client, make_professional, duplicate, django_assert_max_num_queries
):
    for n in range(30):
        organisation = Organisation.objects.create(name=f"School {n:02d}", kind="school")
        make_professional(organisation=organisation)
    make_professional(organisation=duplicate)
    make_professional(organisation=duplicate)

    with django_assert_max_num_queries(20):
        response = send_client.get(reverse("organisations:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oakfield Primary" in html and "Merge into another organisation" in html


def test_confirm_an_organisation_and_see_its_members(send_client, organisation, make_professional):
    make_professional(full_name="Tia Lead", is_team_lead=True)
    make_professional(full_name="Mel Member", status=User.Status.SUSPENDED)
    edit = send_client.post(
        reverse("organisations:edit", args=[organisation.pk]),
        {
            "name": "Oakfield Primary School",
            "kind": "school",
            "urn": "100001",
            "postcode": "EX1 1AA",
            "confirmed": "on",
            "share_new_records": "on",
        },
    )
    assert edit.status_code == 302
    organisation.refresh_from_db()
    assert organisation.confirmed and organisation.share_new_records and organisation.urn

    html = send_client.get(reverse("organisations:inspect", args=[organisation.pk])).content
    html = html.decode()
    assert "Tia Lead" in html and "team lead" in html
    assert "Mel Member" in html and "Suspended" in html


def test_the_send_team_makes_a_member_team_lead(send_client, professional):
    response = send_client.post(
        reverse("wagtailsnippets_accounts_registration:edit", args=[professional.pk]),
        {
            "full_name": professional.full_name,
            "job_title": "SENDCO",
            "phone": "",
            "organisation": professional.organisation_id,
            "is_team_lead": "on",
        },
    )
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.is_team_lead


def test_merge_moves_members_records_and_forms_and_is_logged(
    make_child, send_client, send_officer, organisation, duplicate, make_professional
):
    member = make_professional(organisation=duplicate, full_name="Dup Member")
    child = make_child(member, shared_with_team=True)
    colleague = make_professional()  # already in the organisation kept
    url = reverse("organisations:merge", args=[duplicate.pk])

    refused = send_client.post(url, {"kept": organisation.pk})
    assert "Confirm that they are the same organisation" in refused.content.decode()
    assert Organisation.objects.filter(pk=duplicate.pk).exists()
    assert send_client.post(url, {"kept": duplicate.pk, "confirm": "on"}).status_code == 200

    response = send_client.post(url, {"kept": organisation.pk, "confirm": "on"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    member.refresh_from_db()
    child.refresh_from_db()
    assert member.organisation == organisation and child.organisation == organisation
    entry = ModelLogEntry.objects.get(action=services.MERGE_ACTION)
    assert entry.object_id == str(organisation.pk) and entry.user == send_officer
    assert entry.data["merged"] == "Oakfield Primary" and entry.data["members"] == 1
    # The merged team now shares: a member of the kept organisation sees the record.
    assert children_visible_to(colleague).filter(pk=child.pk).exists()


def test_a_professional_cannot_merge_or_list_organisations(professional_client, duplicate):
    for url in (
        reverse("organisations:index"),
        reverse("organisations:merge", args=[duplicate.pk]),
    ):
        response = professional_client.get(url)
        assert response.status_code in (302, 403)
    assert Organisation.objects.filter(pk=duplicate.pk).exists()


def test_the_send_team_hands_over_a_leavers_work(
    make_child, send_client, professional, make_professional, django_capture_on_commit_callbacks
):
    receiver = make_professional(full_name="Jo Bloggs")
    children = [make_child(professional), make_child(professional, given_name="Bo")]
    listing = send_client.get(reverse("wagtailsnippets_accounts_registration:list"))
    url = reverse("child-records:handover", args=[professional.pk])
    assert url in listing.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = send_client.post(url, {"receiver": str(receiver.pk), "confirm": "on"})
    assert response.status_code == 302
    assert set(Child.objects.filter(created_by=receiver)) == set(children)
    professional.refresh_from_db()
    assert professional.status == User.Status.SUSPENDED
    assert Message.objects.filter(recipient=receiver).count() == 1


def test_the_send_team_marks_a_child_moved_on(make_child, send_client, professional):
    child = make_child(professional)
    listing = send_client.get(reverse("child-records:index")).content.decode()
    url = reverse("child-records:moved_on", args=[child.pk])
    assert url in listing

    assert send_client.post(url).status_code == 302
    child.refresh_from_db()
    assert child.moved_on_at is not None
    assert send_client.get(url).status_code == 404  # once only
