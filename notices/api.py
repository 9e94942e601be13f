"""Active notices for other systems, such as the council's website."""

from django.http import Http404
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from wagtail.api.v2.views import BaseAPIViewSet

from notices.active import active_notices
from notices.models import Notice


def notice_data(notice):
    return {
        "id": notice.id,
        "severity": notice.severity,
        "heading": notice.heading,
        "message": notice.message_html,
        "placement": notice.placement,
        "forms": sorted(notice.form_ids),
        "go_live_at": notice.go_live_at,
        "expire_at": notice.expire_at,
    }


class NoticeAPIViewSet(BaseAPIViewSet):
    """`/api/v2/notices/` lists the notices in force now, most severe first, from the same
    cache the pages use. `?placement=` keeps those shown on that kind of page (notices for
    every page included); with `placement=forms`, `&form=<id>` names the form."""

    model = Notice
    name = "notices"

    def listing_view(self, request):
        notices = active_notices()
        placement = request.GET.get("placement")
        if placement:
            if placement not in Notice.Placement.values:
                raise ValidationError(
                    {"placement": f"Use one of: {', '.join(Notice.Placement.values)}."}
                )
            form = request.GET.get("form", "")
            # isdecimal, not isdigit: "²" is a digit that int() refuses.
            if form and not form.isdecimal():
                raise ValidationError({"form": "Use the id of an EHC form, a whole number."})
            form_id = int(form) if form else None
            notices = [notice for notice in notices if notice.shows_on({placement}, form_id)]
        return Response(
            {"meta": {"total_count": len(notices)}, "items": list(map(notice_data, notices))}
        )

    def detail_view(self, request, pk):
        for notice in active_notices():
            if notice.id == int(pk):
                return Response(notice_data(notice))
        raise Http404("No notice in force has this id.")


API_ENDPOINTS = {"notices": NoticeAPIViewSet}
