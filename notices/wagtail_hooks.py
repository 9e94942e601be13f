"""Admin screens and portal wiring of the notices area."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from notices.models import Notice


class NoticeViewSet(SnippetViewSet):
    """Current-issue banners: editors draft, preview, schedule (go-live and expiry in the
    publishing panel) and publish them like pages."""

    model = Notice
    icon = "warning"
    menu_label = "Notices"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["title", "severity", "placement", "live", "go_live_at", "expire_at"]
    list_filter = ["severity", "placement", "live"]
    search_fields = ["title"]


register_snippet(NoticeViewSet)
