"""Which notice placements the page being drawn belongs to, read from the URL it was
resolved from and the page or form in its template context."""

from wagtail.models import Page

from ehc_forms.models import EHCFormPage
from notices.models import Notice

SIGN_IN_VIEWS = {
    "two_factor:login",
    "accounts:register",
    "accounts:check_email",
    "accounts:resend_confirmation",
    "accounts:confirm_email",
    "accounts:awaiting_approval",
    "accounts:password_reset",
    "accounts:password_reset_sent",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}
AREA_NAMESPACES = {
    "children": Notice.Placement.SEND_HOME,
    "inbox": Notice.Placement.MESSAGES,
    "guidance": Notice.Placement.GUIDANCE,
}


def page_placements(request, context):
    """(placements, EHC form id or None) of the page drawn for `request`."""
    placements = set()
    match = request.resolver_match
    if match is not None:
        if match.view_name in SIGN_IN_VIEWS:
            placements.add(Notice.Placement.SIGN_IN)
        if match.namespace in AREA_NAMESPACES:
            placements.add(AREA_NAMESPACES[match.namespace])
    page = context.get("page")
    # Listing views use `page` for a page of results too; only a Wagtail page counts.
    if isinstance(page, Page) and page._meta.app_label == "guidance":
        placements.add(Notice.Placement.GUIDANCE)
    form = context.get("form")
    form_id = form.pk if isinstance(form, EHCFormPage) else None
    return placements, form_id
