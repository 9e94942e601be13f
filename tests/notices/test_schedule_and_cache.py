"""Scheduled go-live and expiry at their boundary times, and the cost of reading notices."""

import datetime

import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notices.active import active_notices
from notices.models import Notice

GO_LIVE = datetime.datetime(2027, 1, 11, 9, 0, tzinfo=datetime.UTC)
EXPIRY = datetime.datetime(2027, 1, 12, 17, 30, tzinfo=datetime.UTC)
SECOND = datetime.timedelta(seconds=1)


def shown_ids(client):
    html = client.get("/").content.decode()
    return {notice.id for notice in active_notices() if f'data-notice="{notice.id}"' in html}


def test_a_scheduled_notice_goes_live_at_its_time_and_expires_at_its_time(
    client, demo_site, publish_notice
):
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=7), tick=False):
        notice = publish_notice(go_live_at=GO_LIVE, expire_at=EXPIRY)
        assert not notice.live
        assert shown_ids(client) == set()

    with time_machine.travel(GO_LIVE - SECOND, tick=False):
        call_command("publish_scheduled")
        assert shown_ids(client) == set()

    # Shown from its go-live second, before the scheduled-publishing command runs ...
    with time_machine.travel(GO_LIVE, tick=False):
        assert shown_ids(client) == {notice.pk}
    # ... which then publishes it.
    with time_machine.travel(GO_LIVE + SECOND, tick=False):
        call_command("publish_scheduled")
        notice.refresh_from_db()
        assert notice.live
        assert shown_ids(client) == {notice.pk}

    with time_machine.travel(EXPIRY - SECOND, tick=False):
        assert shown_ids(client) == {notice.pk}

    # Gone at the second it expires, before the command has unpublished it (the cached
    # list was read while it was live) ...
    with time_machine.travel(EXPIRY, tick=False):
        assert shown_ids(client) == set()
        assert client.get("/api/v2/notices/").json()["items"] == []
    # ... and unpublished by the command afterwards.
    with time_machine.travel(EXPIRY + SECOND, tick=False):
        call_command("publish_scheduled")
    notice.refresh_from_db()
    assert not notice.live


def test_reading_notices_costs_one_query_then_none(
    demo_site, publish_notice, demo_forms, django_assert_num_queries
):
    publish_notice(placement=Notice.Placement.FORMS, forms=list(demo_forms.values())[:2])
    publish_notice(
        severity=Notice.Severity.CRITICAL, message='<p><a href="https://x.example">Status</a></p>'
    )

    with django_assert_num_queries(1):
        notices = active_notices()
    with django_assert_num_queries(0):
        assert active_notices() == notices
    assert len(notices) == 2
    assert notices[0].severity == Notice.Severity.CRITICAL
    assert notices[1].form_ids == {form.pk for form in list(demo_forms.values())[:2]}


def test_a_page_reads_the_notices_table_once_and_then_not_at_all(client, demo_site, publish_notice):
    publish_notice()

    def notice_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return [query for query in queries if "notices_notice" in query["sql"]]

    assert len(notice_queries()) == 1
    assert notice_queries() == []


def test_publishing_and_unpublishing_clear_the_cache(client, demo_site, publish_notice):
    assert shown_ids(client) == set()  # the empty list is now cached

    notice = publish_notice(message="<p>Sign-in codes are delayed.</p>")
    assert "Sign-in codes are delayed." in client.get("/").content.decode()

    notice.message = "<p>Sign-in codes are arriving again.</p>"
    notice.save_revision().publish()
    html = client.get("/").content.decode()
    assert "arriving again" in html and "delayed" not in html

    notice.unpublish()
    assert "arriving again" not in client.get("/").content.decode()

    notice.save_revision().publish()
    assert "arriving again" in client.get("/").content.decode()
    notice.delete()
    assert "arriving again" not in client.get("/").content.decode()


def test_expired_notices_are_not_read_at_all(demo_site, publish_notice):
    with time_machine.travel(GO_LIVE, tick=False):
        publish_notice(expire_at=timezone.now() + SECOND)
    with time_machine.travel(EXPIRY, tick=False):
        assert active_notices() == []


def test_unscheduling_a_notice_clears_the_cache(client, demo_site, publish_notice):
    with time_machine.travel(GO_LIVE - SECOND, tick=False):
        notice = publish_notice(go_live_at=GO_LIVE)
        assert shown_ids(client) == set()
    # What the admin's "Cancel scheduled publish" does.
    revision = notice.latest_revision
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    with time_machine.travel(GO_LIVE + SECOND, tick=False):
        assert shown_ids(client) == set()
