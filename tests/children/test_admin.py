"""The SEND team's admin: case listing and filters, editing with logged stage changes and
the `case_stage_changed` signal, linking records to cases, and the dashboard panel."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal_pages.accounts.groups import CONTENT_EDITORS
from portal_pages.children.models import EHCCase
from portal_pages.children.signals import case_stage_changed
from portal_pages.children.stages import Stage

D = datetime.date
TODAY = datetime.datetime(2025, 3, 3, 12, tzinfo=datetime.UTC)
CASES = reverse("ehc-cases:index")


@pytest.fixture
def cases(make_case):
    return {
        # decision due 17 February: overdue on 3 March
        "overdue": make_case(reference="EHC-1", family_name="Overdue"),
        # decision due 10 March: due soon
        "soon": make_case(
            reference="EHC-2", family_name="Soon", request_received_on=D(2025, 1, 27)
        ),
        # final plan due 14 July: neither
        "later": make_case(
            reference="EHC-3",
            family_name="Later",
            stage=Stage.ASSESSMENT,
            request_received_on=D(2025, 2, 24),
            advice_requested_on=D(2025, 2, 28),
        ),
    }


def listed(response):
    return sorted(case.reference for case in response.context["object_list"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["EHC-1", "EHC-2", "EHC-3"]),
        ({"due": "overdue"}, ["EHC-1"]),
        ({"due": "soon"}, ["EHC-2"]),
        ({"stage": "assessment"}, ["EHC-3"]),
        ({"stage": "request", "due": "soon"}, ["EHC-2"]),
        ({"q": "later"}, ["EHC-3"]),
        ({"q": "EHC-2"}, ["EHC-2"]),
    ],
)
def test_case_listing_filters_and_search(
    send_client, cases, params, expected, django_assert_max_num_queries
):
    with time_machine.travel(TODAY), django_assert_max_num_queries(15):
        response = send_client.get(CASES, params)
    assert response.status_code == 200
    assert listed(response) == expected


def test_case_listing_shows_the_next_key_date_and_its_status(send_client, cases):
    with time_machine.travel(TODAY):
        html = send_client.get(CASES).content.decode()
    assert "Decision whether to assess: 17 Feb 2025 (Overdue)" in html
    assert "Decision whether to assess: 10 Mar 2025 (Due soon)" in html


def test_case_edit_screen_shows_the_worked_out_key_dates(send_client, cases):
    with time_machine.travel(TODAY):
        html = send_client.get(reverse("ehc-cases:edit", args=[cases["overdue"].pk])).content
    html = html.decode()
    assert "Decision whether to assess" in html
    assert "17 Feb 2025" in html and "Overdue" in html
    assert "26 May 2025" in html  # the final plan, 20 weeks after 6 January


def edit_data(case, **changes):
    data = {
        field: getattr(case, field)
        for field in [
            "reference",
            "given_name",
            "family_name",
            "date_of_birth",
            "upn",
            "nhs_number",
            "home_postcode",
            "stage",
            "request_received_on",
        ]
    }
    data.update(changes)
    return {key: "" if value is None else str(value) for key, value in data.items()}


def test_changing_the_stage_is_logged_signalled_and_counts_as_activity(
    send_client, send_officer, cases, make_child, professional, django_capture_on_commit_callbacks
):
    case = cases["overdue"]
    child = make_child(professional, ehc_case=case)
    before = child.last_activity_at
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    case_stage_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = send_client.post(
                reverse("ehc-cases:edit", args=[case.pk]),
                edit_data(case, stage="assessment", decision_on="2025-02-14"),
            )
    finally:
        case_stage_changed.disconnect(listener)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == "assessment" and case.decision_on == D(2025, 2, 14)
    assert received == [
        {
            "signal": case_stage_changed,
            "case": case,
            "old_stage": Stage.REQUEST,
            "new_stage": Stage.ASSESSMENT,
            "changed_by": send_officer,
        }
    ]
    entry = ModelLogEntry.objects.get(action="children.change_stage")
    assert entry.object_id == str(case.pk)
    assert entry.message == "Stage changed from Request to Assessment"
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(case.pk)).exists()
    child.refresh_from_db()
    assert child.last_activity_at > before


def test_saving_without_a_stage_change_sends_no_signal(
    send_client, cases, django_capture_on_commit_callbacks
):
    case = cases["soon"]
    received = []
    case_stage_changed.connect(received.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            send_client.post(
                reverse("ehc-cases:edit", args=[case.pk]),
                edit_data(case, decision_on="2025-03-01"),
            )
    finally:
        case_stage_changed.disconnect(received.append)
    assert received == []
    assert not ModelLogEntry.objects.filter(action="children.change_stage").exists()
    case.refresh_from_db()
    assert case.decision_on == D(2025, 3, 1)


def test_a_case_cannot_be_given_an_invalid_upn(send_client, cases):
    case = cases["soon"]
    response = send_client.post(
        reverse("ehc-cases:edit", args=[case.pk]), edit_data(case, upn="A801200005001")
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.upn == ""


def test_link_view_suggests_matching_cases_and_links_after_the_check(
    send_client, send_officer, make_child, professional, make_case
):
    child = make_child(professional, given_name="Ada", family_name="Lovelace", upn="B801200005001")
    by_name = make_case(
        reference="EHC-9", given_name="Ada", family_name="Lovelace", date_of_birth=D(2016, 5, 1)
    )
    by_upn = make_case(reference="EHC-8", upn="B801200005001", date_of_birth=D(2016, 6, 6))
    make_case(reference="EHC-7", family_name="Other", given_name="Person")
    url = reverse("child-records:link", args=[child.pk])

    page = send_client.get(url)
    assert [case.reference for case in page.context["suggestions"]] == ["EHC-8", "EHC-9"]

    unchecked = send_client.post(url, {"reference": "EHC-9"})
    assert unchecked.status_code == 200
    assert "Confirm that you have checked the details" in unchecked.content.decode()
    unknown = send_client.post(url, {"reference": "EHC-404", "details_checked": "on"})
    assert "There is no EHC case EHC-404" in unknown.content.decode()
    child.refresh_from_db()
    assert child.ehc_case is None

    response = send_client.post(url, {"reference": "ehc-9", "details_checked": "on"})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.ehc_case == by_name
    logged = ModelLogEntry.objects.filter(action="children.link_case")
    assert {(e.content_type.model, e.object_id) for e in logged} == {
        ("child", str(child.pk)),
        ("ehccase", str(by_name.pk)),
    }
    assert by_upn.child_records.count() == 0

    send_client.post(url, {"action": "unlink"})
    child.refresh_from_db()
    assert child.ehc_case is None
    assert ModelLogEntry.objects.filter(action="children.unlink_case").count() == 2


def test_the_professional_sees_the_linked_cases_stage(
    send_client, professional, make_child, make_case, sign_in
):
    child = make_child(professional)
    make_case(reference="EHC-5", stage=Stage.DRAFT_PLAN)
    response = send_client.post(
        reverse("child-records:link", args=[child.pk]),
        {"reference": "EHC-5", "details_checked": "on"},
    )
    assert response.status_code == 302
    html = sign_in(Client(), professional).get(reverse("children:index")).content.decode()
    assert "Draft plan" in html


def test_child_records_listing_filters_by_link(
    send_client, make_child, professional, make_case, django_assert_max_num_queries
):
    make_child(professional, given_name="Linked", ehc_case=make_case())
    make_child(professional, given_name="Waiting")
    index = reverse("child-records:index")

    with django_assert_max_num_queries(15):
        response = send_client.get(index, {"linked": "false"})

    assert [c.given_name for c in response.context["object_list"]] == ["Waiting"]
    assert "Link to a case" in response.content.decode()


def test_a_name_search_with_one_match_asks_the_database_for_a_full_page(
    send_client, make_child, professional
):
    make_child(professional, family_name="Onlyone")
    make_child(professional, family_name="Other")

    with CaptureQueriesContext(connection) as queries:
        response = send_client.get(reverse("child-records:index"), {"q": "onlyone"})

    assert [c.family_name for c in response.context["object_list"]] == ["Onlyone"]
    assert "1 child" in response.content.decode()
    # LIMIT 1 would send PostgreSQL along the name index instead of the trigram indexes.
    listing = [q["sql"] for q in queries if q["sql"].startswith('SELECT "children_child"."id"')]
    assert listing and listing[-1].endswith("LIMIT 50")


def test_a_professional_cannot_use_the_link_view(professional_client, professional, make_child):
    child = make_child(professional)
    response = professional_client.get(reverse("child-records:link", args=[child.pk]))
    assert response.status_code in (302, 403)
    response = professional_client.post(
        reverse("child-records:link", args=[child.pk]),
        {"reference": "X", "details_checked": "on"},
    )
    assert response.status_code in (302, 403)


def test_dashboard_panel_counts_overdue_cases_per_stage(send_client, cases, make_case):
    make_case(stage=Stage.FINAL_PLAN, request_received_on=D(2024, 6, 3))
    with time_machine.travel(TODAY):
        html = send_client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("EHC cases overdue") :]
    assert "?stage=request&amp;due=overdue" in panel
    assert "?stage=final_plan&amp;due=overdue" in panel
    assert "?stage=assessment&amp;due=overdue" not in panel


def test_editors_keep_the_stage_explanations(make_professional, sign_in, client):
    editor = make_professional(email="editor@exampleshire.gov.uk")
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    sign_in(client, editor)
    add_url = reverse("wagtailsnippets_children_stageexplanation:add")

    response = client.post(
        add_url,
        {
            "stage": "request",
            "explanation": '{"blocks": [{"key": "a", "type": "unstyled", '
            '"depth": 0, "text": "Someone asks for an assessment.", "inlineStyleRanges": [], '
            '"entityRanges": []}], "entityMap": {}}',
        },
    )

    assert response.status_code == 302
    from portal_pages.children.models import StageExplanation

    assert "Someone asks for an assessment." in StageExplanation.objects.get().explanation


def test_the_send_team_cannot_delete_cases(send_client, cases):
    case = cases["soon"]
    response = send_client.post(reverse("ehc-cases:delete", args=[case.pk]))
    assert response.status_code in (302, 403)
    assert EHCCase.objects.filter(pk=case.pk).exists()
