"""Unread and action-needed counts, worked out once per request and shared by the header,
the home tile and the inbox page."""

from django.db.models import Count, Q

from portal_pages.accounts.access import is_signed_in_professional
from portal_pages.inbox.models import Message

_REQUEST_CACHE = "_inbox_counts"


def inbox_counts(request):
    """{"current": n, "unread": n, "action": n} for the signed-in professional, in one
    query, or None for anyone else. The counts leave archived messages out."""
    if not is_signed_in_professional(request.user):
        return None
    if not hasattr(request, _REQUEST_CACHE):
        counts = (
            Message.objects.for_recipient(request.user)
            .current()
            .aggregate(
                current=Count("pk"),
                unread=Count("pk", filter=Q(read_at__isnull=True)),
                action=Count("pk", filter=Q(category=Message.Category.ACTION)),
            )
        )
        setattr(request, _REQUEST_CACHE, counts)
    return getattr(request, _REQUEST_CACHE)
