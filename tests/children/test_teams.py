"""Teams in the portal: SEND home's Team and Mine views, sharing a record (per child and
the organisation's default), the team lead's team page, handover and moving on."""

import datetime

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ehc_forms.demo import memo
from ehc_forms.models import Submission, SubmissionEvent
from ehc_forms.saving import save_step, start_draft
from portal_pages.accounts.models import Organisation, User
from portal_pages.children import teams
from portal_pages.children.models import Child
from portal_pages.children.signals import records_handed_over
from portal_pages.inbox.models import Message

INDEX = reverse("children:index")


def names(response):
    return [row["full_name"] for row in response.context["rows"]]


@pytest.fixture
def colleague(make_professional):
    return make_professional(full_name="Jo Bloggs")


@pytest.fixture
def lead(make_professional):
    return make_professional(full_name="Lee Lead", is_team_lead=True)


@pytest.fixture
def lead_client(lead, sign_in):
    return sign_in(Client(), lead)


@pytest.fixture
def colleague_client(colleague, sign_in):
    return sign_in(Client(), colleague)


def test_send_home_shows_the_teams_shared_children_with_who_added_them(
    professional_client, professional, colleague, make_child, make_professional
):
    make_child(professional, given_name="Ada", family_name="Mine")
    make_child(colleague, given_name="Bea", family_name="Shared", shared_with_team=True)
    make_child(colleague, given_name="Cal", family_name="Private")
    elsewhere = Organisation.objects.create(name="Riverside Academy", kind="school")
    other = make_professional(organisation=elsewhere)
    make_child(other, given_name="Dee", family_name="Elsewhere", shared_with_team=True)

    team = professional_client.get(INDEX)
    assert names(team) == ["Ada Mine", "Bea Shared"]
    html = team.content.decode()
    assert "Jo Bloggs" in html and "Shared with the team" in html and ">You<" in html
    assert "Private" not in html and "Elsewhere" not in html

    mine = professional_client.get(INDEX, {"whose": "mine"})
    assert names(mine) == ["Ada Mine"]
    assert "Active (1)" in mine.content.decode()


def test_new_records_follow_the_organisations_default(professional_client, professional):
    details = {
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth-day": "10",
        "date_of_birth-month": "12",
        "date_of_birth-year": "2015",
        "home_postcode": "SW1A 1AA",
    }
    professional_client.post(reverse("children:add"), details)
    organisation = professional.organisation
    organisation.share_new_records = True
    organisation.save()
    professional_client.post(reverse("children:add"), {**details, "given_name": "Alan"})

    first, second = Child.objects.order_by("pk")
    assert (first.shared_with_team, second.shared_with_team) == (False, True)
    assert first.organisation == second.organisation == organisation


def test_the_creator_or_a_team_lead_chooses_sharing_a_member_cannot(
    professional_client, professional, colleague_client, lead_client, make_child
):
    child = make_child(professional, given_name="Ada", family_name="Lovelace")
    url = reverse("children:sharing", args=[child.pk])

    refused = professional_client.post(url, {})
    assert "Choose who can see this record" in refused.content.decode()
    professional_client.post(url, {"sharing": "team"})
    child.refresh_from_db()
    assert child.shared_with_team
    assert ModelLogEntry.objects.filter(action=teams.SHARING_ACTION, object_id=child.pk).exists()

    # A colleague now sees the record but may not change who sees it; a team lead may.
    assert colleague_client.get(reverse("children:confirm", args=[child.pk])).status_code == 200
    assert colleague_client.post(url, {"sharing": "private"}).status_code == 404
    assert lead_client.post(url, {"sharing": "private"}).status_code == 302
    child.refresh_from_db()
    assert not child.shared_with_team
    assert colleague_client.get(reverse("children:confirm", args=[child.pk])).status_code == 404


def test_team_page_is_for_team_leads_and_sets_the_default(
    lead_client, lead, professional_client, professional, make_child
):
    make_child(professional)
    make_child(professional)
    assert professional_client.get(reverse("children:team")).status_code == 404

    page = lead_client.get(reverse("children:team"))
    html = page.content.decode()
    assert professional.full_name in html and "Team lead" in html
    assert {m.full_name: m.records for m in page.context["members"]}[professional.full_name] == 2

    lead_client.post(reverse("children:team"), {"share_new_records": "team"})
    lead.organisation.refresh_from_db()
    assert lead.organisation.share_new_records
    refused = lead_client.post(reverse("children:team"), {})
    assert "Choose what happens to new records" in refused.content.decode()


@pytest.fixture
def form(make_form):
    return make_form(
        [("Views", "", [memo("views", "Views")])], slug="advice", title="Advice", intro="Advice."
    )


@pytest.fixture
def leavers_work(professional, colleague, make_child, form):
    """The leaver (`professional`) has two records, a draft on each, one saved step, and a
    draft on a colleague's shared record."""
    children = [make_child(professional), make_child(professional)]
    drafts = [start_draft(professional, child, form, {}) for child in children]
    answers = QueryDict(mutable=True)
    answers["views"] = "Leaver's words"
    save_step(drafts[0].pk, professional, 1, answers, 1, button=True)
    shared = make_child(colleague, shared_with_team=True)
    drafts.append(start_draft(professional, shared, form, {}))
    return children, drafts


def test_handover_to_a_colleague_moves_everything_and_keeps_the_history(
    lead_client,
    lead,
    professional,
    colleague,
    colleague_client,
    leavers_work,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    children, drafts = leavers_work
    url = reverse("children:handover", args=[professional.pk])
    refused = lead_client.post(url, {"receiver": str(colleague.pk)})
    assert "Confirm that their account will be suspended" in refused.content.decode()
    assert Child.objects.filter(created_by=professional).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = lead_client.post(url, {"receiver": str(colleague.pk), "confirm": "on"})
    assert response.status_code == 302

    assert set(Child.objects.filter(created_by=colleague)) >= set(children)
    assert not Child.objects.filter(created_by=professional).exists()
    assert set(Submission.objects.filter(author=colleague)) == set(drafts)
    saved = SubmissionEvent.objects.get(kind=SubmissionEvent.Kind.STEP_SAVED)
    assert saved.by == professional  # the history keeps the original author
    professional.refresh_from_db()
    assert professional.status == User.Status.SUSPENDED
    assert "handed over to Jo Bloggs" in professional.status_reason
    entry = ModelLogEntry.objects.get(action=teams.HANDOVER_ACTION)
    assert entry.user == lead and entry.data["records"] == 2
    received = Message.objects.get(recipient=colleague)
    assert received.subject == f"{professional.full_name}'s work has been handed over to you"
    leaver_emails = [m for m in mailoutbox if m.to == [professional.email]]
    assert leaver_emails and "Jo Bloggs" in leaver_emails[0].body
    assert any(m.to == [colleague.email] for m in mailoutbox)
    # The receiver carries on: the draft opens for them.
    task_list = colleague_client.get(reverse("ehc_forms:task_list", args=[drafts[0].pk]))
    assert task_list.status_code == 200


def test_handover_to_the_team_shares_the_records_and_tells_the_team(
    lead, professional, colleague, leavers_work, django_capture_on_commit_callbacks
):
    children, drafts = leavers_work
    with django_capture_on_commit_callbacks(execute=True):
        moved = teams.hand_over(professional, lead, None)

    assert moved == 2
    assert all(
        child.shared_with_team for child in Child.objects.filter(pk__in=[c.pk for c in children])
    )
    assert set(Submission.objects.filter(author=professional)) == set(drafts)
    assert {m.recipient for m in Message.objects.all()} == {colleague, lead}
    professional.refresh_from_db()
    assert professional.status == User.Status.SUSPENDED


def test_a_handover_that_fails_part_way_changes_nothing(
    lead, professional, colleague, leavers_work, mailoutbox, django_capture_on_commit_callbacks
):
    children, drafts = leavers_work

    def fail(**kwargs):
        raise RuntimeError("the database went away")

    records_handed_over.connect(fail, dispatch_uid="test_fail_handover")
    try:
        with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
            teams.hand_over(professional, lead, colleague)
    finally:
        records_handed_over.disconnect(dispatch_uid="test_fail_handover")

    assert Child.objects.filter(created_by=professional).count() == 2
    assert set(Submission.objects.filter(author=professional)) == set(drafts)
    professional.refresh_from_db()
    assert professional.status == User.Status.APPROVED
    assert not Message.objects.exists() and not mailoutbox
    assert not ModelLogEntry.objects.filter(action=teams.HANDOVER_ACTION).exists()


def test_only_a_team_lead_of_the_leavers_organisation_hands_over(
    colleague_client, professional, make_professional, sign_in
):
    url = reverse("children:handover", args=[professional.pk])
    assert colleague_client.get(url).status_code == 404
    elsewhere = Organisation.objects.create(name="Riverside Academy", kind="school")
    other_lead = make_professional(organisation=elsewhere, is_team_lead=True)
    assert sign_in(Client(), other_lead).get(url).status_code == 404


def test_a_team_lead_marks_a_child_moved_on(
    lead_client, colleague_client, professional, make_child
):
    child = make_child(
        professional, given_name="Ada", family_name="Lovelace", shared_with_team=True
    )
    url = reverse("children:moved_on", args=[child.pk])
    assert colleague_client.post(url).status_code == 404

    assert lead_client.post(url).status_code == 302
    child.refresh_from_db()
    assert child.moved_on_at is not None
    assert ModelLogEntry.objects.filter(action=teams.MOVED_ON_ACTION, object_id=child.pk).exists()
    # Readable still, out of Active, under Moved on.
    home = colleague_client.get(reverse("children:home", args=[child.pk]))
    assert "moved on to another setting" in home.content.decode()
    assert names(colleague_client.get(INDEX)) == []
    assert names(colleague_client.get(INDEX, {"view": "moved_on"})) == ["Ada Lovelace"]


def bulk_team_children(creator, count):
    Child.objects.bulk_create(
        Child(
            created_by=creator,
            organisation_id=creator.organisation_id,
            shared_with_team=True,
            given_name=f"Given{n:04d}",
            family_name=f"Family{n:04d}",
            date_of_birth=datetime.date(2010, 1, 1) + datetime.timedelta(days=n),
            home_postcode="SW1A 1AA",
            hidden=n % 10 == 0,
        )
        for n in range(count)
    )


def test_send_home_with_two_thousand_team_children_keeps_queries_bounded(
    professional_client, professional, colleague, make_professional, django_assert_max_num_queries
):
    # Spread over several colleagues, so "Added by" names come from more than one person.
    creators = [colleague, make_professional(), make_professional()]
    for creator in creators:
        bulk_team_children(creator, 500)
    bulk_team_children(professional, 500)

    # The same budget as a professional's own 2,000 children (tests/children/test_send_home.py).
    for params in [{}, {"whose": "mine"}, {"view": "all", "sort": "stage"}, {"person": "Given01"}]:
        with django_assert_max_num_queries(14):
            response = professional_client.get(INDEX, {**params, "page": 2})
        assert response.status_code == 200
    assert professional_client.get(INDEX, {"view": "all"}).context["page"].paginator.count == 2000
