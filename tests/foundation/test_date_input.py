import datetime

import pytest
from django.core.exceptions import ValidationError

from portal_site.forms import GovukDateInput, date_from_parts


def test_the_boxes_read_back_exactly_what_was_typed():
    widget = GovukDateInput()
    data = {"born_day": " 3", "born_month": "Feb", "other_year": "2020"}

    typed = widget.value_from_datadict(data, {}, "born")

    assert typed == {"day": " 3", "month": "Feb", "year": ""}
    assert [box["value"] for box in widget.boxes("born", "id_born", typed)] == [" 3", "Feb", ""]
    assert not widget.value_omitted_from_data(data, {}, "born")
    assert widget.value_omitted_from_data(data, {}, "left")


def test_a_saved_date_fills_the_boxes():
    boxes = GovukDateInput().boxes("born", "id_born", datetime.date(2016, 3, 27))

    assert [(box["name"], box["id"], box["value"], box["width"]) for box in boxes] == [
        ("born_day", "id_born_day", "27", 2),
        ("born_month", "id_born_month", "3", 2),
        ("born_year", "id_born_year", "2016", 4),
    ]


def test_the_ehc_naming_gives_the_first_box_the_fields_own_id():
    widget = GovukDateInput(separator="-", first_box_takes_id=True)

    boxes = widget.boxes("meeting", "meeting", None)

    assert [(box["name"], box["id"], box["value"]) for box in boxes] == [
        ("meeting-day", "meeting", ""),
        ("meeting-month", "meeting-month", ""),
        ("meeting-year", "meeting-year", ""),
    ]
    assert widget.id_for_label("meeting") == "meeting"
    assert widget.value_from_datadict({"meeting-year": "2025"}, {}, "meeting")["year"] == "2025"


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
