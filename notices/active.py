"""The notices in force, read with one query and kept in each process's `frame` cache, so a
page's frame spends no query on them. Publishing, unpublishing, scheduling, unscheduling or
deleting a notice clears the saving process's copy at once; other processes' copies live a
minute. Go-live and expiry times are compared on every read, so a scheduled notice takes
effect at its second whatever the cache holds."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notices.models import BannerNotice, Notice

CACHE_KEY = "notices:active"
SEVERITY_ORDER = [Notice.Severity.CRITICAL, Notice.Severity.IMPORTANT, Notice.Severity.INFORMATION]


def load_live_notices():
    """Every unexpired notice that is live or scheduled to go live, with the ids of its
    forms, in one query: the join to the chosen forms gives a row per (notice, form),
    folded back into one notice each.

    A scheduled notice's row already holds the scheduled version (Wagtail saves it when
    the editor schedules it), so it shows from its go-live second, before the
    `publish_scheduled` command, which runs every minute or so, publishes it."""
    now = timezone.now()
    scheduled = Q(live_revision__isnull=True, latest_revision__approved_go_live_at__isnull=False)
    rows = (
        Notice.objects.filter(Q(live=True) | scheduled)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .values_list("id", "severity", "placement", "message", "go_live_at", "expire_at", "forms")
        .order_by("-id")
    )
    notices, form_ids = {}, {}
    for notice_id, severity, placement, message, go_live_at, expire_at, form_id in rows:
        if notice_id not in notices:
            notices[notice_id] = Notice(
                pk=notice_id,
                severity=severity,
                placement=placement,
                message=message,
                go_live_at=go_live_at,
                expire_at=expire_at,
            )
            form_ids[notice_id] = set()
        if form_id is not None:
            form_ids[notice_id].add(form_id)
    banners = [BannerNotice.from_notice(notice, form_ids[pk]) for pk, notice in notices.items()]
    return sorted(banners, key=lambda banner: SEVERITY_ORDER.index(banner.severity))


def active_notices(now=None):
    """The notices in force now, most severe first; at most one query, none when cached."""
    banners = caches["frame"].get(CACHE_KEY)
    if banners is None:
        banners = load_live_notices()
        caches["frame"].set(CACHE_KEY, banners)
    now = now or timezone.now()
    return [banner for banner in banners if banner.in_force(now)]


def clear_active_notices(**kwargs):
    """Forget the cached notices now, and again once the change is committed, so a request
    that read the old rows in between cannot keep them cached."""
    caches["frame"].delete(CACHE_KEY)
    transaction.on_commit(lambda: caches["frame"].delete(CACHE_KEY))


def clear_for_notice_revision(instance, **kwargs):
    """A notice's revision was saved: it may have been scheduled or unscheduled."""
    if instance.base_content_type_id == ContentType.objects.get_for_model(Notice).id:
        clear_active_notices()
