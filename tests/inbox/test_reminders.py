import datetime
import io

import time_machine
from django.core.management import call_command

from portal_pages.children import teams
from portal_pages.children.stages import Stage
from portal_pages.inbox import events
from portal_pages.inbox.models import Message

NINE_DAYS_BEFORE = datetime.datetime(2027, 2, 21, 7, 0, tzinfo=datetime.UTC)
DAY_AFTER = datetime.datetime(2027, 3, 3, 7, 0, tzinfo=datetime.UTC)


def run_reminders():
    call_command("send_key_date_reminders", stdout=io.StringIO())


def test_a_key_date_due_within_14_days_reminds_each_linked_professional_once(
    linked_records, mailoutbox
):
    with time_machine.travel(NINE_DAYS_BEFORE):
        run_reminders()
        run_reminders()

    messages = Message.objects.order_by("recipient_id")
    assert [m.recipient for m in messages] == [r.created_by for r in linked_records]
    assert [m.child for m in messages] == linked_records
    first = messages[0]
    assert first.subject == "Due in 9 days: Decision whether to assess for Ada Lovelace"
    assert first.needs_action and first.due == datetime.date(2027, 3, 2)
    assert first.link_url == f"/children/{linked_records[0].pk}/home/"
    assert len(mailoutbox) == 2
    assert all("Ada" not in email.body for email in mailoutbox)


def test_an_overdue_key_date_gets_one_more_reminder_then_no_more(linked_records):
    with time_machine.travel(NINE_DAYS_BEFORE):
        run_reminders()
    with time_machine.travel(DAY_AFTER):
        run_reminders()
        run_reminders()
    with time_machine.travel(DAY_AFTER + datetime.timedelta(days=5)):
        run_reminders()

    mine = Message.objects.filter(recipient=linked_records[0].created_by)
    assert [m.subject.split(":")[0] for m in mine] == ["Overdue", "Due in 9 days"]
    assert mine[0].body.startswith("Decision whether to assess for Ada Lovelace was due")


def test_nothing_is_sent_for_dates_further_off_or_unlinked_records(ehc_case, child):
    with time_machine.travel(NINE_DAYS_BEFORE):
        run_reminders()  # the child record is not linked to the case
    child.ehc_case = ehc_case
    child.save()
    with time_machine.travel(NINE_DAYS_BEFORE - datetime.timedelta(days=10)):
        run_reminders()  # 19 days ahead

    assert not Message.objects.exists()


def test_the_command_reports_how_many_it_sent(linked_records, capsys):
    with time_machine.travel(NINE_DAYS_BEFORE):
        call_command("send_key_date_reminders")
        call_command("send_key_date_reminders")

    assert capsys.readouterr().out == ("Sent 2 key date reminders.\nSent 0 key date reminders.\n")


def test_a_stage_change_messages_each_professional_whose_record_is_linked(
    linked_records, ehc_case, make_professional, mailoutbox
):
    unlinked = make_professional()

    events.notify_stage_changed(ehc_case, Stage.DECISION_TO_ASSESS, Stage.ASSESSMENT)

    messages = Message.objects.order_by("recipient_id")
    assert [(m.recipient, m.child) for m in messages] == [(r.created_by, r) for r in linked_records]
    assert not Message.objects.filter(recipient=unlinked).exists()
    assert messages[0].subject == "Ada Lovelace's EHC stage is now Assessment"
    assert "from Decision to assess to Assessment" in messages[0].body
    assert len(mailoutbox) == 2
    assert all("Ada" not in e.body and "Assessment" not in e.body for e in mailoutbox)


def test_a_record_marked_moved_on_gets_no_more_reminders_or_stage_messages(
    linked_records, ehc_case, send_officer
):
    moved, staying = linked_records
    teams.mark_moved_on(moved, send_officer)

    with time_machine.travel(NINE_DAYS_BEFORE):
        run_reminders()
    events.notify_stage_changed(ehc_case, Stage.DECISION_TO_ASSESS, Stage.ASSESSMENT)

    assert {m.recipient for m in Message.objects.all()} == {staying.created_by}
    assert not Message.objects.filter(child=moved).exists()
    assert Message.objects.filter(child=staying).count() == 2
