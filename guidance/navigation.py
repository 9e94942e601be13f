"""Where guidance is, for the header navigation, the portal home and the EHC forms' steps,
kept in the page frame's cache (`portal_pages.pages.frame`), which publishing, unpublishing,
moving or deleting any page clears."""

from guidance.models import DataGuidancePage, GuidanceIndexPage
from portal_pages.pages.frame import kept_in_frame


def guidance_index_url():
    """The URL of the live guidance index, or "" when there is none."""

    def find():
        index = GuidanceIndexPage.objects.live().public().order_by("path").first()
        return (index.get_url() or "") if index else ""

    return kept_in_frame("guidance:index-url", find)


def data_guidance_url(form):
    """The URL of the form's live, public data guidance, or "" when it has none."""

    def find():
        page = DataGuidancePage.objects.live().public().filter(form=form).order_by("path")
        page = page.first()
        return (page.get_url() or "") if page else ""

    return kept_in_frame(f"guidance:data-guidance-url:{form.pk}", find)
