"""Reading a date typed into GOV.UK's day, month and year boxes."""

import datetime

from django import forms

#: GOV.UK's date input boxes in order: part, label and the box's width in characters.
DATE_PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))
PARTS = tuple(part for part, _, _ in DATE_PARTS)


def split_date(value):
    """The parts of a saved date, or of a dict as typed, as strings for the boxes."""
    if isinstance(value, datetime.date):
        value = {"day": value.day, "month": value.month, "year": value.year}
    value = value if isinstance(value, dict) else {}
    return {part: "" if value.get(part) is None else str(value[part]) for part in PARTS}


def date_from_parts(typed, label, earliest_year=datetime.MINYEAR):
    """The date in a date input's parts as typed (a dict of strings), or None when all three
    are blank, with the GOV.UK Design System's messages for a part missing or a date that
    does not exist ("Date of birth must include a month and year")."""
    typed = {part: value.strip() for part, value in split_date(typed).items()}
    if not any(typed.values()):
        return None
    missing = [part for part in PARTS if not typed[part]]
    if missing:
        raise forms.ValidationError(
            f"{label} must include a {' and '.join(missing)}", code="incomplete"
        )
    try:
        date = datetime.date(int(typed["year"]), int(typed["month"]), int(typed["day"]))
        if date.year < earliest_year:
            raise ValueError
    # A number too big for the calendar (year 99999999999999999999) overflows rather than
    # failing as a value; to the person typing it is the same mistake.
    except (ValueError, OverflowError) as error:
        raise forms.ValidationError(f"{label} must be a real date", code="invalid") from error
    return date
