"""What a long list prints on every row, worked out once for the whole list.

Drawing a row through the template engine costs a lookup per value and a formatter per
date or `{% url %}`; a page of 50 rows spent more time on those than on the rest of the
page. Lists build each row's values with these instead, and the template prints them."""

from django.urls import reverse
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext


def url_for_id(name):
    """A function giving the URL named `name` for an object id, reversed once: reversing
    each row's links took more of a list's time than drawing the rest of the row."""
    marker = "2147483647"
    head, tail = reverse(name, args=[marker]).split(marker)
    return lambda pk: f"{head}{pk}{tail}"


class ListDates:
    """Dates and times as Django's `date` filter prints them: "j M Y" (7 Mar 2026),
    "j F Y" (7 March 2026) and "g:i" with a lower-case "A" (3:05pm).

    The filter translates the month name and builds a formatter again for every date; here
    the names are translated once for the whole list, in the active language."""

    def __init__(self):
        self.short_months = {number: str(name).title() for number, name in MONTHS_3.items()}
        self.months = {number: str(name) for number, name in MONTHS.items()}
        self.am_pm = (gettext("AM").lower(), gettext("PM").lower())

    def short(self, date):
        return f"{date.day} {self.short_months[date.month]} {date.year:04d}"

    def long(self, date):
        return f"{date.day} {self.months[date.month]} {date.year:04d}"

    def time(self, moment):
        """The clock time of `moment` as given: the caller chooses its time zone."""
        return f"{moment.hour % 12 or 12}:{moment.minute:02d}{self.am_pm[moment.hour > 11]}"
