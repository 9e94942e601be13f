"""Form pieces that more than one area of the portal draws the same way."""

import datetime

from django import forms

#: GOV.UK's date input boxes in order: part, label and the box's width in characters.
DATE_PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


def date_from_parts(typed, label, earliest_year=datetime.MINYEAR):
    """The date in a GovukDateInput's parts as typed (a dict of strings), or None when all
    three are blank, with the GOV.UK Design System's messages for a part missing or a date
    that does not exist ("Date of birth must include a month and year")."""
    typed = {part: typed[part].strip() for part in GovukDateInput.parts}
    if not any(typed.values()):
        return None
    missing = [part for part in GovukDateInput.parts if not typed[part]]
    if missing:
        raise forms.ValidationError(
            f"{label} must include a {' and '.join(missing)}", code="incomplete"
        )
    try:
        date = datetime.date(int(typed["year"]), int(typed["month"]), int(typed["day"]))
        if date.year < earliest_year:
            raise ValueError
    # A number too big for the platform's C integer (20 digits or more) is an OverflowError.
    except (ValueError, OverflowError) as error:
        raise forms.ValidationError(f"{label} must be a real date", code="invalid") from error
    return date


class GovukDateInput(forms.Widget):
    """GOV.UK's date input: day, month and year boxes named `<name><separator><part>`.

    Its value is a dict of the three parts exactly as typed, so a page drawn again after an
    error shows what was typed, not a cleaned guess; a saved date splits into the same dict.
    Areas name their boxes differently (`_day` for Django forms, `-day` for the EHC forms,
    whose first box carries the field's own id so error links reach it), hence the options.
    """

    parts = tuple(part for part, _, _ in DATE_PARTS)

    def __init__(self, attrs=None, separator="_", first_box_takes_id=False):
        super().__init__(attrs)
        self.separator = separator
        self.first_box_takes_id = first_box_takes_id

    def value_from_datadict(self, data, files, name):
        return {part: data.get(f"{name}{self.separator}{part}", "") for part in self.parts}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}{self.separator}{part}" in data for part in self.parts)

    def id_for_label(self, id_):
        return self.box_id(id_, self.parts[0]) if id_ else ""

    def box_id(self, id_, part):
        if self.first_box_takes_id and part == self.parts[0]:
            return id_
        return f"{id_}{self.separator}{part}"

    def split(self, value):
        """The parts of a saved date, or of a dict as typed, as strings for the boxes."""
        if isinstance(value, datetime.date):
            value = {"day": value.day, "month": value.month, "year": value.year}
        value = value or {}
        return {part: "" if value.get(part) is None else str(value[part]) for part in self.parts}

    def boxes(self, name, id_, value):
        """Each box's label, name, id, value and width, for `includes/date_input.html`."""
        typed = self.split(value)
        return [
            {
                "label": label,
                "name": f"{name}{self.separator}{part}",
                "id": self.box_id(id_, part),
                "value": typed[part],
                "width": width,
            }
            for part, label, width in DATE_PARTS
        ]
