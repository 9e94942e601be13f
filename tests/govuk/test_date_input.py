import datetime

import pytest
from django.core.exceptions import ValidationError

from portal_pages.govuk.dates import date_from_parts
from portal_pages.govuk.widgets import DateInput


def test_the_boxes_read_back_exactly_what_was_typed():
    widget = DateInput()
    data = {"born-day": " 3", "born-month": "Feb", "other-year": "2020"}

    typed = widget.value_from_datadict(data, {}, "born")

    assert typed == {"day": " 3", "month": "Feb", "year": ""}
    assert [box["value"] for box in widget.boxes("born", "id_born", typed)] == [" 3", "Feb", ""]
    assert not widget.value_omitted_from_data(data, {}, "born")
    assert widget.value_omitted_from_data(data, {}, "left")


def test_a_saved_date_fills_the_boxes_and_the_first_box_has_the_fields_id():
    widget = DateInput()
    boxes = widget.boxes("born", "id_born", datetime.date(2016, 3, 27))

    assert [(box["name"], box["id"], box["value"], box["width"]) for box in boxes] == [
        ("born-day", "id_born", "27", 2),
        ("born-month", "id_born-month", "3", 2),
        ("born-year", "id_born-year", "2016", 4),
    ]
    assert widget.id_for_label("id_born") == "id_born"


def parts(day="", month="", year=""):
    return {"day": day, "month": month, "year": year}


def test_the_typed_parts_make_a_date_or_say_what_is_wrong_with_them():
    assert date_from_parts(parts(" 27", "3 ", "2016"), "Date of birth") == datetime.date(
        2016, 3, 27
    )
    assert date_from_parts(parts(" ", "", ""), "Date of birth") is None
    with pytest.raises(ValidationError, match="Date of birth must include a month and year"):
        date_from_parts(parts("27"), "Date of birth")
    with pytest.raises(ValidationError, match="Date of birth must be a real date"):
        date_from_parts(parts("30", "2", "2016"), "Date of birth")
    assert date_from_parts(parts("1", "1", "26"), "Date") == datetime.date(26, 1, 1)
    with pytest.raises(ValidationError, match="Date must be a real date"):
        date_from_parts(parts("1", "1", "26"), "Date", earliest_year=1000)


def test_numbers_too_big_for_the_calendar_are_not_a_real_date():
    for typed in (
        parts("1", "1", "99999999999999999999"),
        parts("99999999999999999999", "1", "2020"),
    ):
        with pytest.raises(ValidationError, match="Date of birth must be a real date"):
            date_from_parts(typed, "Date of birth")
