"""Every statutory timescale, with dates that cross month ends, year ends and 29 February."""

import datetime

import pytest

from portal_pages.children import timescales
from portal_pages.children.timescales import DueStatus

D = datetime.date


@pytest.mark.parametrize(
    ("request_on", "expected"),
    [
        (D(2025, 1, 6), D(2025, 2, 17)),
        (D(2025, 1, 31), D(2025, 3, 14)),  # crosses the short month
        (D(2024, 1, 31), D(2024, 3, 13)),  # the same in a leap year is a day earlier
        (D(2024, 12, 20), D(2025, 1, 31)),  # crosses the year end
    ],
)
def test_decision_to_assess_is_six_weeks_after_the_request(request_on, expected):
    assert timescales.decision_to_assess_due(request_on) == expected


@pytest.mark.parametrize(
    ("asked_on", "expected"),
    [(D(2025, 2, 28), D(2025, 4, 11)), (D(2024, 2, 29), D(2024, 4, 11))],
)
def test_advice_is_due_six_weeks_after_being_asked(asked_on, expected):
    assert timescales.advice_due(asked_on) == expected


def test_no_plan_notice_is_sixteen_weeks_after_the_request():
    assert timescales.no_plan_notice_due(D(2025, 9, 1)) == D(2025, 12, 22)
    assert timescales.no_plan_notice_due(D(2023, 11, 30)) == D(2024, 3, 21)


@pytest.mark.parametrize(
    ("request_on", "expected"),
    [
        (D(2025, 1, 6), D(2025, 5, 26)),
        (D(2023, 10, 31), D(2024, 3, 19)),  # across 29 February 2024
        (D(2024, 10, 31), D(2025, 3, 20)),  # no 29 February: one day later
        (D(2025, 8, 20), D(2026, 1, 7)),
    ],
)
def test_final_plan_is_twenty_weeks_after_the_request(request_on, expected):
    assert timescales.final_plan_due(request_on) == expected


def test_parents_have_at_least_fifteen_days_to_comment_on_a_draft_plan():
    assert timescales.draft_plan_comments_close(D(2025, 2, 20)) == D(2025, 3, 7)
    assert timescales.draft_plan_comments_close(D(2024, 2, 20)) == D(2024, 3, 6)
    assert timescales.draft_plan_comments_close(D(2025, 12, 20)) == D(2026, 1, 4)


@pytest.mark.parametrize(
    ("issued_on", "expected"),
    [
        (D(2025, 3, 14), D(2026, 3, 14)),
        (D(2024, 2, 29), D(2025, 2, 28)),  # no 29 February next year: the earlier day
        (D(2023, 2, 28), D(2024, 2, 28)),  # a leap year does not move the 28th
        (D(2025, 1, 31), D(2026, 1, 31)),
        (D(2025, 12, 31), D(2026, 12, 31)),
    ],
)
def test_review_is_within_twelve_calendar_months(issued_on, expected):
    assert timescales.review_due(issued_on) == expected


def test_review_meeting_dates_around_the_meeting():
    meeting = D(2025, 3, 5)
    assert timescales.review_advice_due(meeting) == D(2025, 2, 19)
    assert timescales.review_report_due(meeting) == D(2025, 3, 19)
    assert timescales.review_decision_due(meeting) == D(2025, 4, 2)


def test_review_meeting_dates_across_a_leap_day_and_a_year_end():
    assert timescales.review_advice_due(D(2024, 3, 7)) == D(2024, 2, 22)
    assert timescales.review_advice_due(D(2025, 1, 10)) == D(2024, 12, 27)
    assert timescales.review_report_due(D(2024, 2, 20)) == D(2024, 3, 5)
    assert timescales.review_decision_due(D(2025, 12, 15)) == D(2026, 1, 12)


@pytest.mark.parametrize(
    ("transfer_on", "to_post_16", "expected"),
    [
        (D(2026, 9, 1), False, D(2026, 2, 15)),
        (D(2026, 9, 1), True, D(2026, 3, 31)),
        (D(2028, 9, 4), False, D(2028, 2, 15)),
        (D(2027, 1, 5), False, D(2027, 2, 15)),  # the calendar year of the transfer
    ],
)
def test_phase_transfer_deadline(transfer_on, to_post_16, expected):
    assert timescales.phase_transfer_due(transfer_on, to_post_16=to_post_16) == expected


def test_due_status_is_done_once_an_actual_date_is_recorded_even_late():
    assert timescales.due_status(D(2025, 1, 1), D(2025, 3, 1), D(2025, 6, 1)) == DueStatus.DONE


def test_due_status_without_a_due_date_is_not_known():
    assert timescales.due_status(None, None, D(2025, 6, 1)) == DueStatus.NOT_KNOWN


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2025, 3, 1), DueStatus.OVERDUE),  # the day after
        (D(2025, 2, 28), DueStatus.DUE_SOON),  # the due day itself
        (D(2025, 2, 14), DueStatus.DUE_SOON),  # exactly DUE_SOON_DAYS before
        (D(2025, 2, 13), DueStatus.UPCOMING),  # one day further out
    ],
)
def test_due_soon_window_and_overdue_boundaries(today, expected):
    assert timescales.DUE_SOON_DAYS == 14
    assert timescales.due_status(D(2025, 2, 28), None, today) == expected


def test_due_soon_window_can_be_narrowed():
    status = timescales.due_status(D(2025, 2, 28), None, D(2025, 2, 20), soon_days=7)
    assert status == DueStatus.UPCOMING
