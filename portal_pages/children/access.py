"""Who may see which child record. Every view, export and file download asks here, so the
rule lives in one place.

A professional sees the records they created for their organisation and the records their
organisation's team shares. Only an approved account sees anything: a suspended or
unapproved member of the team sees none of its records, and one who moved to another
organisation leaves the old one's records (their own too) behind with that team."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from portal_pages.children.models import Child


def children_visible_to(user):
    """The child records `user` may open."""
    if not user.is_authenticated or not user.is_approved:
        return Child.objects.none()
    visible = Q(created_by=user, organisation_id=user.organisation_id)
    if user.organisation_id is not None:
        visible |= Q(shared_with_team=True, organisation_id=user.organisation_id)
    return Child.objects.filter(visible)


def get_visible_child_or_404(user, child_id, **annotations):
    """Another professional's child answers 404, never 403, so its existence is not revealed.
    The linked EHC case, and any `annotations`, come in the same query: most pages about a
    child show its stage."""
    visible = children_visible_to(user).select_related("ehc_case").annotate(**annotations)
    return get_object_or_404(visible, pk=child_id)


def may_manage(user, child):
    """Whether `user` may choose whether `child` is shared with its team: its creator, or a
    team lead of the organisation that holds it. A record held by no organisation has no
    team to share with. Only asked about a child already visible."""
    if child.organisation_id is None:
        return False
    return child.created_by_id == user.pk or user.leads_team_of(child.organisation_id)


def get_managed_child_or_404(user, child_id):
    """A visible child `user` may manage; any other answers 404 like an unseen one."""
    child = get_visible_child_or_404(user, child_id)
    if not may_manage(user, child):
        raise Http404("No such child record.")
    return child


def get_own_child_or_404(user, child_id, **annotations):
    """A visible child that `user` created themselves: only its creator may delete a record,
    so colleagues on a shared record and team leads get 404 like anyone else."""
    child = get_visible_child_or_404(user, child_id, **annotations)
    if child.created_by_id != user.pk:
        raise Http404("No such child record.")
    return child
