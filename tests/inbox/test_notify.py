import datetime

import pytest
from django.core.exceptions import ValidationError

from portal_pages.accounts.models import User
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message
from portal_pages.inbox.tasks import EMAIL_SUBJECT

SECRET_SUBJECT = "Concerns about Ada at home"
SECRET_BODY = "Ada's answer: she struggles with reading and sleeps badly."


def test_a_message_is_stored_with_everything_it_concerns(professional, child, mailoutbox):
    message = send_message(
        professional,
        SECRET_SUBJECT,
        SECRET_BODY,
        category=Message.Category.ACTION,
        due=datetime.date(2027, 3, 1),
        child=child,
        link_url="/forms/submissions/81/",
        link_text="Your request for an EHC needs assessment",
    )

    stored = Message.objects.get()
    assert stored == message
    assert (stored.recipient, stored.sender, stored.child) == (professional, None, child)
    assert stored.needs_action and stored.due == datetime.date(2027, 3, 1)
    assert stored.link_url == "/forms/submissions/81/"
    assert stored.read_at is None and stored.archived_at is None
    assert stored.sender_name == "Professional Portal"


def test_each_message_emails_a_sign_in_link_and_nothing_personal(professional, child, mailoutbox):
    message = send_message(
        professional,
        SECRET_SUBJECT,
        SECRET_BODY,
        category=Message.Category.ACTION,
        child=child,
        link_url="/forms/submissions/81/",
        link_text="Request for Ada Lovelace",
    )

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [professional.email]
    assert email.subject == EMAIL_SUBJECT
    assert f"http://testserver/messages/{message.pk}/" in email.body
    assert "asks you to do something" in email.body
    everything = email.subject + email.body + str(email.message())
    for private in ["Ada", "Lovelace", SECRET_SUBJECT, "struggles", "/forms/"]:
        assert private not in everything


def test_an_information_message_does_not_claim_to_ask_for_anything(professional, mailoutbox):
    send_message(professional, "Welcome", "Hello")

    assert "asks you to do something" not in mailoutbox[0].body


def test_a_repeated_dedupe_key_creates_and_emails_nothing(professional, mailoutbox):
    first = send_message(professional, "Review due", "Soon", dedupe_key="keydate:1:2027-03-01")
    again = send_message(professional, "Review due", "Soon", dedupe_key="keydate:1:2027-03-01")

    assert first is not None and again is None
    assert Message.objects.count() == 1
    assert len(mailoutbox) == 1


def test_the_same_dedupe_key_still_reaches_each_recipient(make_professional, mailoutbox):
    one, two = make_professional(), make_professional()

    send_message(one, "Review due", "Soon", dedupe_key="keydate:1")
    send_message(two, "Review due", "Soon", dedupe_key="keydate:1")

    assert Message.objects.filter(dedupe_key="keydate:1").count() == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([one.email, two.email])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/", "data:text/html,x"])
def test_links_that_a_browser_would_run_or_send_elsewhere_are_refused(professional, url):
    with pytest.raises(ValidationError):
        send_message(professional, "Look", "Here", link_url=url)

    assert not Message.objects.exists()


def test_a_link_without_text_gets_a_description(professional):
    message = send_message(professional, "Look", "Here", link_url="https://example.gov.uk/a")

    assert message.link_text == "Open the page this message is about"


def test_a_suspended_account_keeps_its_messages_but_gets_no_email(make_professional, mailoutbox):
    suspended = make_professional(status=User.Status.SUSPENDED)

    send_message(suspended, "Review due", "Soon")

    assert Message.objects.filter(recipient=suspended).count() == 1
    assert mailoutbox == []
