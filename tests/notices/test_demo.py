"""The demo's notices: a live one on the post-16 review form and one scheduled for next week."""

import datetime

from django.utils import timezone

from notices import demo
from notices.active import active_notices
from notices.models import Notice


def test_the_demo_has_a_live_form_notice_and_a_scheduled_one(demo_forms):
    demo.load()
    demo.load()  # a second run changes nothing

    post_16 = demo_forms["post-16-annual-review"]
    live = Notice.objects.get(live=True)
    assert live.title == "Long answers in the post-16 review output"
    assert live.severity == Notice.Severity.IMPORTANT
    assert list(live.forms.all()) == [post_16]
    scheduled = Notice.objects.get(live=False)
    assert scheduled.latest_revision.approved_go_live_at - timezone.now() > datetime.timedelta(
        days=6
    )

    now = [notice.id for notice in active_notices()]
    next_week = [
        notice.id for notice in active_notices(timezone.now() + datetime.timedelta(days=8))
    ]
    assert now == [live.pk]
    assert sorted(next_week) == sorted([live.pk, scheduled.pk])
