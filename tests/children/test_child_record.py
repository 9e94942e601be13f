"""Adding and correcting a child record, confirming its details, the child's SEND home with
its stage tracker and forms section, and access to all of it."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from wagtail import hooks
from wagtail.models import ModelLogEntry

from portal_pages.children.models import Child, StageExplanation

ADD = reverse("children:add")


def person(**changes):
    data = {
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth-day": "10",
        "date_of_birth-month": "12",
        "date_of_birth-year": "2015",
        "gender": "female",
        "upn": "b801200005001",
        "nhs_number": "943 476 5919",
        "home_postcode": "sw1a1aa",
        "setting": "Oakfield Primary School",
    }
    data.update(changes)
    return data


def test_add_person_saves_normalised_details_and_goes_to_confirm(professional_client, professional):
    response = professional_client.post(ADD, person())

    child = Child.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("children:confirm", args=[child.pk])
    assert child.created_by == professional
    assert child.date_of_birth == datetime.date(2015, 12, 10)
    assert (child.upn, child.nhs_number, child.home_postcode) == (
        "B801200005001",
        "9434765919",
        "SW1A 1AA",
    )


def test_optional_details_may_be_left_out(professional_client):
    professional_client.post(
        ADD, person(gender="", upn="", nhs_number="", home_postcode="", setting="")
    )
    child = Child.objects.get()
    assert (child.gender, child.upn, child.nhs_number, child.home_postcode, child.setting) == (
        "",
        "",
        "",
        "",
        "",
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"given_name": ""}, "given_name", "Enter the child's given name"),
        (
            {"date_of_birth-day": "", "date_of_birth-month": "", "date_of_birth-year": ""},
            "date_of_birth",
            "Enter date of birth",
        ),
        ({"date_of_birth-month": ""}, "date_of_birth", "Date of birth must include a month"),
        ({"date_of_birth-day": "30", "date_of_birth-month": "2"}, "date_of_birth", "real date"),
        ({"date_of_birth-year": "2026"}, "date_of_birth", "today or in the past"),
        # 20 digits: past the platform's C integer, where int() turns into OverflowError.
        ({"date_of_birth-year": "9" * 20}, "date_of_birth", "real date"),
        ({"date_of_birth-day": "9" * 20}, "date_of_birth", "real date"),
        (
            {"date_of_birth-year": "2000", "date_of_birth-month": "5", "date_of_birth-day": "31"},
            "date_of_birth",
            "must be on or after 1 June 2000",
        ),
        ({"upn": "A801200005001"}, "upn", "right check letter"),
        ({"nhs_number": "9434765918"}, "nhs_number", "Enter a valid NHS number"),
        ({"home_postcode": "12345"}, "home_postcode", "Enter a real postcode"),
        ({"gender": "robot"}, "gender", "Select gender from the list"),
        # A right-to-left override, and a zero-width space: names that imitate another.
        ({"given_name": "Ada\u202eecalevol"}, "given_name", "cannot include hidden characters"),
        ({"family_name": "Lovelace\u200b"}, "family_name", "cannot include hidden characters"),
    ],
)
def test_errors_show_in_the_summary_and_by_the_field_and_keep_what_was_typed(
    professional_client, changes, field, message
):
    with time_machine.travel(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)):
        response = professional_client.post(ADD, person(**changes))

    html = response.content.decode()
    assert response.status_code == 200
    assert not Child.objects.exists()
    assert "There is a problem" in html
    assert escape(message) in html
    assert f'id="id_{field}-error"' in html
    anchor = "id_date_of_birth" if field == "date_of_birth" else f"id_{field}"
    assert f'href="#{anchor}"' in html
    assert "Lovelace" in html  # nothing typed is lost
    assert "<title>Error:" in html


@pytest.mark.parametrize(("day", "month", "year"), [("1", "6", "2000"), ("1", "6", "2025")])
def test_date_of_birth_limits_are_inclusive(professional_client, day, month, year):
    with time_machine.travel(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)):
        professional_client.post(
            ADD,
            person(
                **{
                    "date_of_birth-day": day,
                    "date_of_birth-month": month,
                    "date_of_birth-year": year,
                }
            ),
        )
    assert Child.objects.get().date_of_birth == datetime.date(int(year), int(month), int(day))


def test_likely_duplicate_is_flagged_before_saving_and_can_be_saved_anyway(
    professional_client, professional, make_child, make_professional
):
    existing = make_child(
        professional,
        given_name="ADA",
        family_name="lovelace",
        date_of_birth=datetime.date(2015, 12, 10),
    )
    # Another professional's record with the same details is neither shown nor counted.
    make_child(
        make_professional(),
        given_name="Ada",
        family_name="Lovelace",
        date_of_birth=datetime.date(2015, 12, 10),
    )

    response = professional_client.post(ADD, person())
    html = response.content.decode()
    assert response.status_code == 200
    assert "You may already have a record for this child" in html
    assert reverse("children:confirm", args=[existing.pk]) in html
    assert "Save anyway" in html
    assert 'value="943 476 5919"' in html
    assert Child.objects.filter(created_by=professional).count() == 1

    response = professional_client.post(ADD, person(save_anyway="yes"))
    assert response.status_code == 302
    assert Child.objects.filter(created_by=professional).count() == 2


def test_confirm_shows_the_record_with_links_to_correct_it(
    professional_client, professional, child
):
    child.upn = "B801200005001"
    child.nhs_number = "9434765919"
    child.save()

    html = professional_client.get(reverse("children:confirm", args=[child.pk])).content.decode()

    assert "Confirm these details" in html
    assert "B801200005001" in html
    assert "943 476 5919" in html
    assert reverse("children:edit", args=[child.pk]) + "#id_upn" in html
    assert reverse("children:home", args=[child.pk]) in html


def test_edit_corrects_the_record_and_counts_as_activity(professional_client, child):
    old_activity = child.last_activity_at
    edit_url = reverse("children:edit", args=[child.pk])
    form = professional_client.get(edit_url).content.decode()
    assert 'value="Ada"' in form and 'name="date_of_birth-year"' in form

    response = professional_client.post(edit_url, person(given_name="Augusta"))

    child.refresh_from_db()
    assert response["Location"] == reverse("children:confirm", args=[child.pk])
    assert child.given_name == "Augusta"
    assert child.last_activity_at > old_activity


def test_child_home_without_a_case_shows_every_stage_not_started(professional_client, child):
    StageExplanation.objects.create(
        stage="request", explanation="<p>Someone asks the council to assess.</p>"
    )

    html = professional_client.get(reverse("children:home", args=[child.pk])).content.decode()

    assert "has not linked this record to an EHC case yet" in html
    assert "Someone asks the council to assess." in html
    assert html.count(": Not started</span>") == 6
    assert 'aria-current="step"' not in html
    assert "There are no forms for Ada yet." in html


def test_child_home_shows_a_stage_explanation_as_soon_as_an_editor_changes_it(
    professional_client, child
):
    explanation = StageExplanation.objects.create(
        stage="request", explanation="<p>Someone asks the council to assess.</p>"
    )
    home = reverse("children:home", args=[child.pk])
    assert "Someone asks the council to assess." in professional_client.get(home).content.decode()

    explanation.explanation = "<p>A parent or school asks for an assessment.</p>"
    explanation.save()
    html = professional_client.get(home).content.decode()
    assert "A parent or school asks for an assessment." in html
    assert "Someone asks the council to assess." not in html

    explanation.delete()
    assert "A parent or school asks" not in professional_client.get(home).content.decode()


def test_child_home_tracker_highlights_the_current_stage_with_key_dates(
    professional_client, child, make_case
):
    child.ehc_case = make_case(
        stage="assessment",
        request_received_on=datetime.date(2025, 1, 6),
        decision_on=datetime.date(2025, 2, 10),
        advice_requested_on=datetime.date(2025, 2, 12),
    )
    child.save()

    with time_machine.travel(datetime.datetime(2025, 3, 20, 12, tzinfo=datetime.UTC)):
        html = professional_client.get(reverse("children:home", args=[child.pk])).content.decode()

    tracker = html[html.index('<ol class="portal-stage-tracker"') : html.index("</ol>")]
    stages = tracker.split('<li class="portal-stage-tracker__stage')[1:]
    assert [s.count('aria-current="step"') for s in stages] == [0, 0, 1, 0, 0, 0]
    assert ": Completed</span>" in stages[0] and ": Current stage</span>" in stages[2]
    assert "received 6 January 2025" in stages[0]
    assert "due 17 February 2025, done 10 February 2025" in stages[1]
    assert "due 26 March 2025" in stages[2] and "Due soon" in stages[2]
    assert "due 26 May 2025" in stages[4]
    assert "Not yet known" not in html  # no review meeting yet: those dates are left out
    assert "EHC-" in html


def test_overdue_key_dates_are_tagged(professional_client, child, make_case):
    child.ehc_case = make_case(stage="decision_to_assess")
    child.save()
    with time_machine.travel(datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)):
        html = professional_client.get(reverse("children:home", args=[child.pk])).content.decode()
    assert 'govuk-tag--red">Overdue' in html


def test_forms_section_is_filled_by_hooks_in_order(professional_client, child):
    def first(request, child):
        return format_html("<p>First for {}</p>", child.given_name)

    def nothing(request, child):
        return None

    def second(request, child):
        return format_html("<p>{}</p>", "Second")

    with (
        hooks.register_temporarily("register_child_home_section", first),
        hooks.register_temporarily("register_child_home_section", nothing),
        hooks.register_temporarily("register_child_home_section", second),
    ):
        html = professional_client.get(reverse("children:home", args=[child.pk])).content.decode()

    assert "<p>First for Ada</p>" in html
    assert html.index("First for Ada") < html.index("<p>Second</p>")
    assert "There are no forms" not in html


def test_a_section_hook_returning_plain_text_is_escaped_not_trusted(professional_client, child):
    child.given_name = "<script>alert(1)</script>"
    child.save()

    def careless(request, child):
        return f"<p>Forms for {child.given_name}</p>"

    with hooks.register_temporarily("register_child_home_section", careless):
        html = professional_client.get(reverse("children:home", args=[child.pk])).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert escape("<p>Forms for <script>alert(1)</script></p>") in html


def test_opening_a_record_is_logged(professional_client, professional, child):
    professional_client.get(reverse("children:confirm", args=[child.pk]))
    professional_client.get(reverse("children:home", args=[child.pk]))

    entries = ModelLogEntry.objects.filter(action="children.view_child", object_id=str(child.pk))
    assert entries.count() == 2
    assert {entry.user_id for entry in entries} == {professional.pk}
    assert entries.first().message == "Viewed the child's record"


CHILD_URLS = ["confirm", "edit", "home", "hide", "unhide"]


@pytest.mark.parametrize("name", CHILD_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_professionals_child_is_404_on_every_child_url(
    professional_client, make_professional, make_child, name, method
):
    someone_elses = make_child(make_professional(), hidden=True)
    url = reverse(f"children:{name}", args=[someone_elses.pk])

    response = getattr(professional_client, method)(url, person())

    expected = 405 if method == "get" and name in ("hide", "unhide") else 404
    assert response.status_code == expected
    someone_elses.refresh_from_db()
    assert someone_elses.hidden and someone_elses.given_name != "Ada"


@pytest.mark.parametrize("name", CHILD_URLS)
def test_every_child_url_needs_sign_in(client, professional, make_child, name):
    child = make_child(professional)
    response = client.post(reverse(f"children:{name}", args=[child.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login"))


def test_send_tile_and_navigation_for_a_signed_in_professional(
    professional_client, professional, make_child, demo_site
):
    make_child(professional)
    make_child(professional)
    make_child(professional, hidden=True)

    html = professional_client.get("/").content.decode()

    assert f'href="{reverse("children:index")}">SEND</a>' in html
    tile = html[html.index('href="/children/">SEND</a>') :]
    assert ">2</p>" in tile[:300]
    assert "Active child records" in tile[:400]
    nav = professional_client.get(reverse("children:index")).content.decode()
    assert 'aria-current="page"' in nav


def test_no_send_navigation_for_visitors(client, demo_site):
    assert reverse("children:index") not in client.get("/").content.decode()


def test_record_activity_moves_the_child_into_recent(child):
    later = timezone.now() + datetime.timedelta(days=3)
    child.record_activity(later)
    child.refresh_from_db()
    assert child.last_activity_at == later
