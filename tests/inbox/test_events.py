import datetime

from portal_pages.inbox import events
from portal_pages.inbox.models import Message


def test_a_welcome_is_sent_once_however_often_approval_is_reported(professional, mailoutbox):
    events.welcome_approved_professional(professional)
    events.welcome_approved_professional(professional)

    message = Message.objects.get()
    assert message.recipient == professional and message.subject.startswith("Welcome")
    assert "Add the children" in message.body
    assert len(mailoutbox) == 1


def test_a_submitted_form_gets_one_message_with_its_reference_and_link(
    professional, child, mailoutbox
):
    for _ in range(2):
        events.notify_form_submitted(
            professional,
            form_name="Request for an EHC needs assessment",
            reference="EHC-2027-00042",
            link_url="/forms/submissions/42/",
            child=child,
        )

    message = Message.objects.get()
    assert (
        message.subject == "Request for an EHC needs assessment submitted: reference EHC-2027-00042"
    )
    assert "for Ada Lovelace" in message.body
    assert (message.link_url, message.child) == ("/forms/submissions/42/", child)
    assert len(mailoutbox) == 1
    assert "EHC-2027" not in mailoutbox[0].body and "Ada" not in mailoutbox[0].body


def test_a_shared_form_asks_for_action_by_its_due_date(
    professional, child, send_officer, mailoutbox
):
    for _ in range(2):
        events.notify_form_shared(
            professional,
            share_id=7,
            form_name="Annual review advice",
            link_url="/children/1/home/",
            child=child,
            shared_by=send_officer,
            due=datetime.date(2030, 5, 20),
        )

    message = Message.objects.get()
    assert message.needs_action and message.due == datetime.date(2030, 5, 20)
    assert message.sender == send_officer
    assert "Please complete your part by 20 May 2030." in message.body
    assert message.link_url == "/children/1/home/"
    assert len(mailoutbox) == 1


def test_each_share_gets_its_own_message_even_with_the_same_link(professional):
    for share_id, form_name in [(1, "Annual review advice"), (2, "Health advice")]:
        events.notify_form_shared(
            professional, share_id=share_id, form_name=form_name, link_url="/children/1/home/"
        )

    assert Message.objects.count() == 2


def test_a_form_shared_to_read_asks_for_nothing(professional):
    events.notify_form_shared(
        professional,
        share_id=8,
        form_name="Final EHC plan",
        link_url="/children/1/home/",
        action=False,
    )

    message = Message.objects.get()
    assert not message.needs_action and message.due is None
    assert "you do not need to change it" in message.body
