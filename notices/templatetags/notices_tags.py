"""The notices region of the page frame."""

from django import template

from notices.active import active_notices
from notices.dismissal import dismissed_notice_ids
from notices.placements import page_placements

register = template.Library()


@register.inclusion_tag("notices/banners.html", takes_context=True)
def notice_banners(context):
    """The notices in force for this page, less the Information ones dismissed this session."""
    request = context.get("request")
    if request is None:
        return {"notices": []}
    placements, form_id = page_placements(request, context)
    dismissed = dismissed_notice_ids(request)
    notices = [
        notice
        for notice in active_notices()
        if notice.shows_on(placements, form_id)
        and not (notice.dismissible and notice.id in dismissed)
    ]
    return {"notices": notices, "request": request, "csrf_token": context.get("csrf_token")}
