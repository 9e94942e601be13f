"""Which key dates a case has at each stage, their status, and the reminders contract."""

import datetime

from portal_pages.children.keydates import case_key_dates
from portal_pages.children.reminders import key_dates_due
from portal_pages.children.stages import Stage
from portal_pages.children.timescales import DueStatus

D = datetime.date


def by_label(case, today):
    return {key_date.label: key_date for key_date in case_key_dates(case, today)}


def test_a_new_request_has_its_decision_due_six_weeks_later(make_case):
    case = make_case(request_received_on=D(2025, 1, 6))
    dates = by_label(case, D(2025, 2, 10))
    assert dates["Request received"].status is DueStatus.DONE
    assert dates["Decision whether to assess"].due == D(2025, 2, 17)
    assert dates["Decision whether to assess"].status is DueStatus.DUE_SOON
    assert dates["Final plan issued"].due == D(2025, 5, 26)
    assert dates["Annual review meeting"].status is DueStatus.NOT_KNOWN
    assert case.next_due_on == D(2025, 2, 17)


def test_stages_passed_without_a_date_are_not_recorded_rather_than_overdue(make_case):
    case = make_case(stage=Stage.DRAFT_PLAN, request_received_on=D(2025, 1, 6))
    dates = by_label(case, D(2025, 6, 1))
    assert dates["Decision whether to assess"].status is DueStatus.NOT_RECORDED
    assert dates["Final plan issued"].status is DueStatus.OVERDUE
    assert case.next_due_on == D(2025, 5, 26)


def test_annual_review_dates_follow_the_meeting(make_case):
    case = make_case(
        stage=Stage.ANNUAL_REVIEW,
        final_plan_issued_on=D(2024, 2, 29),
        review_meeting_on=D(2025, 2, 20),
        review_advice_sent_on=D(2025, 2, 5),
    )
    dates = by_label(case, D(2025, 3, 10))
    assert dates["Annual review meeting"].due == D(2025, 2, 28)
    assert dates["Annual review meeting"].status is DueStatus.DONE
    assert dates["Review report sent"].due == D(2025, 3, 6)
    assert dates["Review report sent"].status is DueStatus.OVERDUE
    assert dates["Council's decision after the review"].due == D(2025, 3, 20)
    assert dates["Council's decision after the review"].status is DueStatus.DUE_SOON
    assert case.next_due_on == D(2025, 3, 6)


def test_next_review_runs_from_the_last_review_once_there_is_one(make_case):
    case = make_case(
        stage=Stage.ANNUAL_REVIEW,
        final_plan_issued_on=D(2023, 6, 1),
        last_reviewed_on=D(2024, 5, 20),
    )
    assert by_label(case, D(2025, 1, 1))["Annual review meeting"].due == D(2025, 5, 20)


def test_phase_transfer_to_post_16_is_due_31_march(make_case):
    case = make_case(
        stage=Stage.ANNUAL_REVIEW,
        final_plan_issued_on=D(2024, 6, 1),
        phase_transfer_on=D(2026, 9, 1),
        transfer_to_post_16=True,
    )
    assert by_label(case, D(2026, 1, 1))["Plan amended for the move to the next phase"].due == D(
        2026, 3, 31
    )


def test_recording_the_actual_date_moves_next_due_on(make_case):
    case = make_case(request_received_on=D(2025, 1, 6))
    case.stage = Stage.ASSESSMENT
    case.decision_on = D(2025, 2, 10)
    case.advice_requested_on = D(2025, 2, 12)
    case.save(update_fields=["stage", "decision_on", "advice_requested_on"])
    case.refresh_from_db()
    assert case.next_due_on == D(2025, 3, 26)


def test_key_dates_due_lists_open_dates_within_the_window_per_linked_record(
    make_case, make_child, make_professional
):
    first, second = make_professional(), make_professional()
    soon = make_case(request_received_on=D(2025, 1, 6))  # decision due 17 February
    late = make_case(stage=Stage.FINAL_PLAN, request_received_on=D(2024, 9, 2))
    later = make_case(request_received_on=D(2025, 2, 3))  # decision due 17 March
    unlinked = make_case(request_received_on=D(2025, 1, 6))
    first_soon = make_child(first, ehc_case=soon)
    second_soon = make_child(second, ehc_case=soon)
    first_late = make_child(first, ehc_case=late)
    make_child(first, ehc_case=later)

    found = list(key_dates_due(D(2025, 2, 10), within_days=14))

    summary = {(k.child.pk, k.label, k.due, k.overdue) for k in found}
    assert summary == {
        (first_soon.pk, "Decision whether to assess", D(2025, 2, 17), False),
        (second_soon.pk, "Decision whether to assess", D(2025, 2, 17), False),
        (first_late.pk, "Final plan issued", D(2025, 1, 20), True),
    }
    assert unlinked.pk not in {k.child.ehc_case_id for k in found}


def test_key_dates_due_window_edge(make_case, make_child, professional):
    case = make_case(request_received_on=D(2025, 1, 6))  # decision due 17 February
    make_child(professional, ehc_case=case)
    assert [k.label for k in key_dates_due(D(2025, 2, 3), within_days=14)] == [
        "Decision whether to assess"
    ]
    assert list(key_dates_due(D(2025, 2, 2), within_days=14)) == []
    assert list(key_dates_due(D(2025, 2, 10), within_days=3)) == []
