import datetime

import pytest
from django.utils import timezone

from portal_pages.accounts.testing import sign_in_verified
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message
from tests.factories import MessageFactory


@pytest.fixture
def other_professional(make_professional):
    return make_professional()


def make_messages(user, count, **fields):
    Message.objects.bulk_create(MessageFactory.build_batch(count, recipient=user, **fields))


def test_signed_out_visitors_are_sent_to_sign_in(client, professional):
    message = send_message(professional, "Welcome", "Hello")

    for url in ["/messages/", f"/messages/{message.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")


def test_unread_messages_are_bold_and_read_ones_are_not(professional_client, professional):
    send_message(professional, "Old news", "Read already")
    Message.objects.update(read_at=timezone.now())
    send_message(professional, "Fresh news", "Not read")

    html = professional_client.get("/messages/").content.decode()

    assert '<span class="govuk-visually-hidden">Unread: </span>Fresh news' in html
    assert "Unread: </span>Old news" not in html
    assert "govuk-!-font-weight-regular" in html.split("Old news")[0].rsplit("<tr", 1)[1]
    assert "You have 1 unread message." in html


def test_opening_a_message_marks_it_read_and_shows_it_all(professional_client, professional, child):
    message = send_message(
        professional,
        "Annual review due",
        "Please send your advice.\nThank you.",
        category=Message.Category.ACTION,
        due=datetime.date(2030, 3, 1),
        child=child,
        link_url="/forms/submissions/3/",
        link_text="Your annual review advice",
    )

    html = professional_client.get(f"/messages/{message.pk}/").content.decode()

    message.refresh_from_db()
    assert message.read_at is not None
    assert "Annual review due" in html
    assert "Please send your advice.<br>Thank you." in html
    assert "Ada Lovelace" in html
    assert "by 1 March 2030" in html
    assert (
        '<a class="govuk-link" href="/forms/submissions/3/">Your annual review advice</a>' in html
    )


def test_message_bodies_are_escaped(professional_client, professional):
    message = send_message(professional, "<b>Hi</b>", "<script>alert(1)</script>")

    html = professional_client.get(f"/messages/{message.pk}/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_another_professionals_message_answers_404_everywhere(
    professional_client, other_professional
):
    theirs = send_message(other_professional, "Private", "Not yours")

    assert professional_client.get(f"/messages/{theirs.pk}/").status_code == 404
    for action in ["archive", "restore", "unread"]:
        assert professional_client.post(f"/messages/{theirs.pk}/{action}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None and theirs.archived_at is None
    assert "Private" not in professional_client.get("/messages/").content.decode()


def test_archive_and_restore_move_a_message_between_the_lists(professional_client, professional):
    message = send_message(professional, "Move me", "Body")

    response = professional_client.post(f"/messages/{message.pk}/archive/")
    assert response.status_code == 302 and response["Location"] == "/messages/"
    assert "Move me" not in professional_client.get("/messages/").content.decode()
    assert "Move me" in professional_client.get("/messages/?show=archived").content.decode()

    response = professional_client.post(f"/messages/{message.pk}/restore/")
    assert response["Location"] == f"/messages/{message.pk}/"
    assert "Move me" in professional_client.get("/messages/").content.decode()
    assert "Move me" not in professional_client.get("/messages/?show=archived").content.decode()


def test_archive_restore_and_unread_refuse_get(professional_client, professional):
    message = send_message(professional, "Stay", "Body")

    for action in ["archive", "restore", "unread"]:
        assert professional_client.get(f"/messages/{message.pk}/{action}/").status_code == 405
    message.refresh_from_db()
    assert message.archived_at is None


def test_mark_as_unread_brings_the_bold_back(professional_client, professional):
    message = send_message(professional, "Again", "Body")
    professional_client.get(f"/messages/{message.pk}/")

    professional_client.post(f"/messages/{message.pk}/unread/")

    message.refresh_from_db()
    assert message.read_at is None


def test_filters_show_unread_action_needed_and_archived(professional_client, professional):
    action = Message.Category.ACTION
    send_message(professional, "Unread info", "x")
    read = send_message(professional, "Read info", "x")
    send_message(professional, "Please act", "x", category=action)
    put_away = send_message(professional, "Put away", "x", category=action)
    Message.objects.filter(pk=read.pk).update(read_at=timezone.now())
    Message.objects.filter(pk=put_away.pk).update(archived_at=timezone.now())

    def subjects(show):
        response = professional_client.get(f"/messages/?show={show}")
        return {m.subject for m in response.context["page_obj"].object_list}

    assert subjects("") == {"Unread info", "Read info", "Please act"}
    assert subjects("unread") == {"Unread info", "Please act"}
    assert subjects("action") == {"Please act"}
    assert subjects("archived") == {"Put away"}
    html = professional_client.get("/messages/?show=unread").content.decode()
    assert 'aria-current="page">Unread (2)</a>' in html
    assert "Action needed (1)" in html


def test_pages_of_25_newest_first(professional_client, professional):
    make_messages(professional, 60)

    first = professional_client.get("/messages/")
    last = professional_client.get("/messages/?page=3")

    assert [m.subject for m in first.context["page_obj"]][:2] == ["Message 0", "Message 1"]
    assert len(first.context["page_obj"]) == 25
    assert [m.subject for m in last.context["page_obj"]] == [f"Message {n}" for n in range(50, 60)]
    html = first.content.decode()
    assert 'class="govuk-pagination"' in html and 'href="?page=2" rel="next"' in html


def test_pagination_keeps_the_filter(professional_client, professional):
    make_messages(professional, 30)

    html = professional_client.get("/messages/?show=unread").content.decode()

    assert 'href="?page=2&amp;show=unread" rel="next"' in html


def test_the_header_and_home_tile_show_the_unread_count(
    professional_client, professional, demo_site
):
    make_messages(professional, 3)
    make_messages(professional, 2, read_at=timezone.now())
    make_messages(professional, 4, archived_at=timezone.now())

    html = professional_client.get("/").content.decode()

    assert "Messages (3 unread)" in html
    tile = html.split('href="/messages/">Messages</a>')[1]
    assert ">3</p>" in tile.split("</li>")[0]
    assert "Unread messages</p>" in tile.split("</li>")[0]


def test_each_professional_sees_their_own_counts(
    client, professional_client, professional, other_professional, demo_site
):
    make_messages(professional, 2, category=Message.Category.ACTION)
    make_messages(other_professional, 5)
    make_messages(other_professional, 1, category=Message.Category.ACTION, read_at=timezone.now())
    make_messages(
        other_professional, 6, category=Message.Category.ACTION, archived_at=timezone.now()
    )

    mine = professional_client.get("/").content.decode()
    theirs = sign_in_verified(client, other_professional).get("/").content.decode()

    assert "Messages (2 unread)" in mine
    assert "Unread messages, 2 asking you to do something</p>" in mine
    assert "Messages (5 unread)" in theirs
    assert "Unread messages, 1 asking you to do something</p>" in theirs


def test_the_header_says_just_messages_when_all_are_read(professional_client, professional):
    make_messages(professional, 2, read_at=timezone.now())

    html = professional_client.get("/messages/").content.decode()

    assert "unread)" not in html
    assert 'active-fallback">Messages</strong>' in html


def test_signed_out_visitors_get_no_messages_link(client, demo_site):
    assert "/messages/" not in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/messages/", "/messages/?show=unread", "/messages/?page=150"])
def test_a_5000_message_inbox_takes_a_bounded_number_of_queries(
    professional_client, professional, demo_site, django_assert_max_num_queries, url
):
    make_messages(professional, 5000)

    with django_assert_max_num_queries(12):
        response = professional_client.get(url)

    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 25


def test_opening_one_of_5000_messages_takes_a_bounded_number_of_queries(
    professional_client, professional, demo_site, django_assert_max_num_queries
):
    make_messages(professional, 5000)
    message = Message.objects.first()

    with django_assert_max_num_queries(12):
        assert professional_client.get(f"/messages/{message.pk}/").status_code == 200
