import datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import translation

from portal_pages.govuk.rows import ListDates, url_for_id

# Every month, single- and double-digit days, a year before 1000 (Django pads it to four
# digits), and each side of midnight and noon.
MOMENTS = [
    datetime.datetime(year, month, day, hour, minute)
    for year, month, day in [(2026, 1, 1), (2016, 2, 29), (987, 12, 31)]
    + [(2025, month, 9) for month in range(1, 13)]
    for hour, minute in [(0, 0), (0, 5), (11, 59), (12, 0), (13, 7), (23, 30)]
]


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_list_dates_print_what_the_date_filter_prints(language):
    with translation.override(language):
        dates = ListDates()
        for moment in MOMENTS:
            assert dates.short(moment.date()) == date_filter(moment.date(), "j M Y")
            assert dates.long(moment.date()) == date_filter(moment.date(), "j F Y")
            expected_time = date_filter(moment, "g:i") + date_filter(moment, "A").lower()
            assert dates.time(moment) == expected_time


def test_url_for_id_gives_what_reverse_gives():
    message_url = url_for_id("inbox:message")

    assert [message_url(pk) for pk in (1, 42, 2147483647)] == [
        reverse("inbox:message", args=[pk]) for pk in (1, 42, 2147483647)
    ]
