import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal_pages.accounts.models import Organisation, User
from portal_pages.inbox.admin_views import BoundedCountPaginator
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message
from tests.factories import SendOfficerFactory

COMPOSE = "/admin/inbox_messages/new/"
LISTING = "/admin/inbox_messages/"


def compose(client, **fields):
    data = {
        "send_to": "person",
        "subject": "Please send the school report",
        "body": "We need the latest report for the panel.",
        "category": "information",
        "due": "",
        "link_url": "",
        "link_text": "",
        **fields,
    }
    return client.post(COMPOSE, {k: v for k, v in data.items() if v is not None})


def test_the_send_team_composes_an_action_request_about_a_child(
    officer_client, send_officer, professional, child, mailoutbox
):
    assert officer_client.get(COMPOSE).status_code == 200

    response = compose(
        officer_client,
        recipient=professional.pk,
        category="action",
        due="2030-03-01",
        child=child.pk,
        link_url="/children/1/",
        link_text="Ada's record",
    )

    assert response.status_code == 302 and response["Location"] == LISTING
    message = Message.objects.get()
    assert (message.recipient, message.sender, message.child) == (
        professional,
        send_officer,
        child,
    )
    assert message.needs_action and message.due == datetime.date(2030, 3, 1)
    assert message.sender_name == "Sam Okafor, SEND team"
    assert len(mailoutbox) == 1 and "Ada" not in mailoutbox[0].body
    assert "report" not in mailoutbox[0].body
    entry = ModelLogEntry.objects.get(action="inbox.send")
    assert (entry.object_id, entry.user) == (str(message.pk), send_officer)


def test_an_organisation_message_reaches_every_approved_member_once(
    officer_client, make_professional, organisation, mailoutbox
):
    members = [make_professional(), make_professional()]
    make_professional(status=User.Status.EMAIL_CONFIRMED)
    SendOfficerFactory(organisation=organisation)  # a colleague on the SEND team
    elsewhere = Organisation.objects.create(name="Birch College", kind="college")
    make_professional(organisation=elsewhere)

    response = compose(officer_client, send_to="organisation", organisation=organisation.pk)

    assert response.status_code == 302
    assert sorted(m.recipient_id for m in Message.objects.all()) == sorted(m.pk for m in members)
    assert sorted(e.to[0] for e in mailoutbox) == sorted(m.email for m in members)
    assert ModelLogEntry.objects.filter(action="inbox.send").count() == 2


def test_a_child_from_another_professionals_records_is_refused(
    officer_client, make_professional, child
):
    someone_else = make_professional()

    response = compose(officer_client, recipient=someone_else.pk, child=child.pk)

    assert response.status_code == 200
    assert "This child is not in" in response.content.decode()
    assert not Message.objects.exists()


def test_an_organisation_message_cannot_be_about_a_child(officer_client, organisation, child):
    response = compose(
        officer_client, send_to="organisation", organisation=organisation.pk, child=child.pk
    )

    assert "can only go to the professional whose record it is" in response.content.decode()
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    "fields, error",
    [
        ({}, "Choose the professional to send the message to."),
        ({"send_to": "organisation"}, "Choose the organisation to send the message to."),
        ({"link_url": "javascript:alert(1)"}, "Enter a portal address starting with /"),
    ],
)
def test_missing_or_unsafe_choices_are_explained_and_nothing_is_sent(
    officer_client, fields, error, mailoutbox
):
    response = compose(officer_client, **fields)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert "Please send the school report" in response.content.decode()
    assert not Message.objects.exists() and not mailoutbox


def test_only_an_action_request_has_a_due_date(officer_client, professional):
    response = compose(officer_client, recipient=professional.pk, due="2030-03-01")

    assert "Only an action request has a due date." in response.content.decode()


def test_the_listing_shows_who_has_read_what(
    officer_client, send_officer, make_professional, django_assert_max_num_queries
):
    for n in range(30):
        send_message(make_professional(), f"Sent {n}", "Body", sender=send_officer)
    Message.objects.filter(subject="Sent 29").update(read_at=timezone.now())

    with django_assert_max_num_queries(16):
        response = officer_client.get(LISTING)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Not read yet" in html and "Oakfield Primary School" in html
    unread = officer_client.get(LISTING + "?read=false").content.decode()
    # Newest first: the first page holds the latest 20.
    assert re.search(r">\s*Sent 29\s*<", html)
    assert not re.search(r">\s*Sent 29\s*<", unread) and re.search(r">\s*Sent 28\s*<", unread)


def test_the_unfiltered_listing_counts_no_further_than_its_limit(
    officer_client, send_officer, professional, monkeypatch
):
    monkeypatch.setattr(BoundedCountPaginator, "limit", 2)
    for n in range(3):
        send_message(professional, f"Sent {n}", "Body", sender=send_officer)

    listing = officer_client.get(LISTING).context
    filtered = officer_client.get(LISTING, {"category": "information"}).context

    assert listing["paginator"].items_count_label == "more than 2 messages"
    assert len(listing["object_list"]) == 2
    assert filtered["items_count"] == 3 and len(filtered["object_list"]) == 3


def test_the_listing_searches_subjects_and_recipients_names_and_emails(
    officer_client, send_officer, make_professional
):
    amira = make_professional(full_name="Amira Okonjo", email="amira@brookside.sch.uk")
    other = make_professional(full_name="Ben Hale", email="ben@hillview.sch.uk")
    send_message(amira, "Annual review paperwork", "Body", sender=send_officer)
    send_message(other, "Panel dates for spring", "Body", sender=send_officer)
    send_message(other, "Transport request", "Body", sender=send_officer)

    def found(text):
        html = officer_client.get(LISTING, {"q": text}).content.decode()
        subjects = ["Annual review paperwork", "Panel dates for spring", "Transport request"]
        return {subject for subject in subjects if subject in html}

    assert found("PANEL dates") == {"Panel dates for spring"}
    assert found("okonjo") == {"Annual review paperwork"}
    assert found("hillview.sch") == {"Panel dates for spring", "Transport request"}
    assert found("nothing like this") == set()


def test_a_sent_message_cannot_be_edited_or_deleted_by_the_send_team(
    officer_client, send_officer, professional
):
    message = send_message(professional, "Final words", "Body", sender=send_officer)

    for url in [
        f"/admin/inbox_messages/edit/{message.pk}/",
        f"/admin/inbox_messages/delete/{message.pk}/",
    ]:
        response = officer_client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert officer_client.get(f"/admin/inbox_messages/inspect/{message.pk}/").status_code == 200


def test_professionals_cannot_reach_the_compose_screen(professional_client):
    response = professional_client.get(COMPOSE)

    assert response.status_code == 302
    assert not response["Location"].startswith(COMPOSE)
