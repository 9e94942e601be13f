"""Form fields of the GOV.UK layer that Django has no equivalent of."""

import datetime

from django import forms

from portal_pages.govuk.dates import date_from_parts
from portal_pages.govuk.widgets import DateInput


class DateField(forms.Field):
    """A date typed into GOV.UK's three boxes, with the GOV.UK Design System's messages.

    `name` is how the messages speak of the date ("Date of birth must be a real date"); a
    year before `earliest_year` is refused as not real (a typing slip, 26 for 2026)."""

    widget = DateInput

    def __init__(self, *, name="Date", past_only=False, earliest_year=1000, **kwargs):
        self.name = name
        self.past_only = past_only
        self.earliest_year = earliest_year
        super().__init__(**kwargs)

    def to_python(self, value):
        return date_from_parts(value, self.name, earliest_year=self.earliest_year)

    def validate(self, value):
        super().validate(value)
        if value and self.past_only and value > datetime.date.today():
            raise forms.ValidationError(f"{self.name} must be today or in the past")
