"""Fixtures of the notices area: publishing notices as an editor would."""

import pytest

from notices.models import Notice


@pytest.fixture
def publish_notice(db):
    """Creates a notice and publishes it (or schedules it, when `go_live_at` is ahead)."""

    def publish(message="<p>Known problem with uploads.</p>", forms=(), **fields):
        fields.setdefault("title", "A current issue")
        notice = Notice.objects.create(message=message, live=False, **fields)
        if forms:
            notice.forms.set(forms)
            notice.save()
        notice.save_revision().publish()
        notice.refresh_from_db()
        return notice

    return publish
