"""SEND home: the list of a professional's child records, its filters, views, sorting,
paging and hiding."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from portal_pages.children.models import Child
from tests.factories import ChildFactory

INDEX = reverse("children:index")


def names(response):
    return [row["full_name"] for row in response.context["rows"]]


def test_sign_in_is_needed(client, db):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login") + "?next=")


def test_lists_only_the_professionals_own_children(
    professional_client, professional, make_professional, make_child
):
    make_child(professional, given_name="Ada", family_name="Lovelace")
    make_child(make_professional(), given_name="Grace", family_name="Hopper")

    response = professional_client.get(INDEX)

    assert names(response) == ["Ada Lovelace"]
    assert "Grace" not in response.content.decode()


def test_table_shows_name_date_of_birth_setting_stage_and_activity(
    professional_client, professional, make_child, make_case
):
    case = make_case(stage="assessment")
    make_child(
        professional,
        given_name="Ada",
        family_name="Lovelace",
        date_of_birth=datetime.date(2015, 12, 10),
        setting="Oakfield Primary School",
        ehc_case=case,
        last_activity_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 10)),
    )
    make_child(professional, given_name="Alan", family_name="Turing")

    html = professional_client.get(INDEX).content.decode()

    assert "Lovelace, Ada" in html
    assert "10 Dec 2015" in html
    assert "Oakfield Primary School" in html
    assert "Assessment" in html
    assert "4 Mar 2025" in html
    assert "Not linked to a case yet" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ada", ["Ada Lovelace"]),
        ("LOVE ada", ["Ada Lovelace"]),
        ("Turing", ["Alan Turing"]),
        ("10/12/2015", ["Ada Lovelace"]),
        ("2015-12-10", ["Ada Lovelace"]),
        ("10 December 2015", ["Ada Lovelace"]),
        ("b801200005001", ["Alan Turing"]),
        ("B8012 0000 5001", ["Alan Turing"]),
        ("Hopper", []),
    ],
)
def test_person_filter_by_name_date_of_birth_or_upn(
    professional_client, professional, make_child, query, expected
):
    make_child(
        professional,
        given_name="Ada",
        family_name="Lovelace",
        date_of_birth=datetime.date(2015, 12, 10),
    )
    make_child(professional, given_name="Alan", family_name="Turing", upn="B801200005001")

    response = professional_client.get(INDEX, {"person": query})

    assert names(response) == expected


def test_views_active_hidden_and_all(professional_client, professional, make_child):
    make_child(professional, given_name="Shown", family_name="Child")
    make_child(professional, given_name="Hidden", family_name="Child", hidden=True)

    assert names(professional_client.get(INDEX)) == ["Shown Child"]
    assert names(professional_client.get(INDEX, {"view": "hidden"})) == ["Hidden Child"]
    assert names(professional_client.get(INDEX, {"view": "all"})) == [
        "Hidden Child",
        "Shown Child",
    ]
    html = professional_client.get(INDEX, {"view": "nonsense"}).content.decode()
    assert "Active (1)" in html and "Hidden (1)" in html and "All (2)" in html


def test_recent_view_boundary_is_eighteen_months(professional_client, professional, make_child):
    now = timezone.make_aware(datetime.datetime(2025, 9, 15, 12, 0))
    boundary = timezone.make_aware(datetime.datetime(2024, 3, 15, 12, 0))
    make_child(
        professional, given_name="Exactly", family_name="Boundary", last_activity_at=boundary
    )
    make_child(
        professional,
        given_name="Just",
        family_name="Before",
        last_activity_at=boundary - datetime.timedelta(seconds=1),
    )
    make_child(
        professional,
        given_name="Hidden",
        family_name="Recent",
        hidden=True,
        last_activity_at=now - datetime.timedelta(days=1),
    )

    with time_machine.travel(now, tick=False):
        recent = names(professional_client.get(INDEX, {"view": "recent"}))
    assert recent == ["Exactly Boundary", "Hidden Recent"]

    with time_machine.travel(now + datetime.timedelta(seconds=1), tick=False):
        recent = names(professional_client.get(INDEX, {"view": "recent"}))
    assert recent == ["Hidden Recent"]


def test_hide_and_unhide(professional_client, professional, make_child):
    child = make_child(professional, given_name="Ada", family_name="Lovelace")

    response = professional_client.post(
        reverse("children:hide", args=[child.pk]), {"next": INDEX + "?person=ada"}
    )
    assert response.status_code == 302
    assert response["Location"] == INDEX + "?person=ada"
    child.refresh_from_db()
    assert child.hidden
    assert names(professional_client.get(INDEX)) == []
    followed = professional_client.get(INDEX, {"view": "hidden"})
    assert names(followed) == ["Ada Lovelace"]
    assert "Unhide" in followed.content.decode()

    professional_client.post(reverse("children:unhide", args=[child.pk]))
    child.refresh_from_db()
    assert not child.hidden


def test_hide_needs_a_post_and_ignores_another_sites_next(
    professional_client, professional, make_child
):
    child = make_child(professional)
    assert professional_client.get(reverse("children:hide", args=[child.pk])).status_code == 405
    response = professional_client.post(
        reverse("children:hide", args=[child.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == INDEX


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        ("name", "asc", ["Cy Able", "Al Baker", "Bo Carter"]),
        ("name", "desc", ["Bo Carter", "Al Baker", "Cy Able"]),
        ("dob", "asc", ["Al Baker", "Bo Carter", "Cy Able"]),
        ("setting", "asc", ["Bo Carter", "Cy Able", "Al Baker"]),
        ("stage", "asc", ["Al Baker", "Bo Carter", "Cy Able"]),
        ("stage", "desc", ["Cy Able", "Bo Carter", "Al Baker"]),
        ("activity", "desc", ["Bo Carter", "Al Baker", "Cy Able"]),
    ],
)
def test_sorting(professional_client, professional, make_child, make_case, sort, order, expected):
    at = timezone.make_aware(datetime.datetime(2025, 1, 1))
    make_child(
        professional,
        given_name="Al",
        family_name="Baker",
        date_of_birth=datetime.date(2012, 1, 1),
        setting="Zebra Academy",
        last_activity_at=at + datetime.timedelta(days=2),
    )
    make_child(
        professional,
        given_name="Bo",
        family_name="Carter",
        date_of_birth=datetime.date(2014, 1, 1),
        setting="Alpha School",
        ehc_case=make_case(stage="decision_to_assess"),
        last_activity_at=at + datetime.timedelta(days=3),
    )
    make_child(
        professional,
        given_name="Cy",
        family_name="Able",
        date_of_birth=datetime.date(2016, 1, 1),
        setting="Middle School",
        ehc_case=make_case(stage="final_plan"),
        last_activity_at=at,
    )

    response = professional_client.get(INDEX, {"sort": sort, "order": order})

    assert names(response) == expected
    assert 'aria-sort="ascending"' in response.content.decode() or order == "desc"


def bulk_children(owner, count):
    """`count` records of `owner` named Given0000, Given0001, ..., every tenth hidden."""
    Child.objects.bulk_create(
        ChildFactory.build(created_by=owner, given_name=f"Given{n:04d}", hidden=n % 10 == 0)
        for n in range(count)
    )


def test_pagination_pages_through_everything(professional_client, professional):
    bulk_children(professional, 120)  # 108 active

    first = professional_client.get(INDEX)
    third = professional_client.get(INDEX, {"page": 3})

    assert len(first.context["page"].object_list) == 50
    assert first.context["page"].paginator.num_pages == 3
    assert len(third.context["page"].object_list) == 8
    assert 'aria-current="page">3<' in third.content.decode()
    assert names(professional_client.get(INDEX, {"page": 99})) == names(third)


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_pages_sorted_by_stage_follow_on_from_each_other(
    professional_client, professional, make_case, order
):
    stages = ["final_plan", "request", "assessment", None]
    cases = {stage: make_case(stage=stage) for stage in stages if stage}
    Child.objects.bulk_create(
        ChildFactory.build(
            created_by=professional,
            given_name=f"Given{n:03d}",
            family_name=f"Family{n % 7}",
            ehc_case=cases.get(stages[n % len(stages)]),
        )
        for n in range(120)
    )
    position = {None: -1, "request": 0, "assessment": 2, "final_plan": 4}
    children = Child.objects.filter(created_by=professional).select_related("ehc_case")
    expected = [
        f"{child.given_name} {child.family_name}"
        for child in sorted(
            children,
            key=lambda child: (
                position[child.ehc_case and child.ehc_case.stage],
                child.family_name,
                child.pk,
            ),
            reverse=order == "desc",
        )
    ]

    listed = [
        name
        for page in (1, 2, 3)
        for name in names(
            professional_client.get(
                INDEX, {"view": "all", "sort": "stage", "order": order, "page": page}
            )
        )
    ]

    assert listed == expected


def test_send_home_with_two_thousand_children_keeps_queries_bounded(
    professional_client, professional, make_case, django_assert_max_num_queries
):
    bulk_children(professional, 2000)
    case = make_case(stage="assessment")
    Child.objects.filter(given_name__startswith="Given00").update(ehc_case=case)

    # Session, user, OTP device, site and portal settings (created on the first request),
    # the views' counts in one aggregate, the page in one query, the header's unread
    # messages count and the idle-timeout stamp saved in the session (savepoint, update,
    # release): none grows with the list.
    for params in [{}, {"view": "all", "sort": "stage"}, {"person": "Given01", "view": "recent"}]:
        with django_assert_max_num_queries(14):
            response = professional_client.get(INDEX, {**params, "page": 2})
        assert response.status_code == 200
    assert response.context["page"].paginator.count == 100
