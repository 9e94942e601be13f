"""Who may see which child record. Every view, export and file download asks here, so the
rule lives in one place and can grow (team sharing) without touching the callers."""

from django.shortcuts import get_object_or_404

from portal_pages.children.models import Child


def children_visible_to(user):
    """The child records `user` may open: today, the ones they created."""
    return Child.objects.filter(created_by=user)


def get_visible_child_or_404(user, child_id):
    """Another professional's child answers 404, never 403, so its existence is not revealed.
    The linked EHC case comes in the same query: most pages about a child show its stage."""
    return get_object_or_404(children_visible_to(user).select_related("ehc_case"), pk=child_id)
