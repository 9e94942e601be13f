"""Template helpers for the children area's GOV.UK markup."""

from django import template

from portal_pages.children.timescales import DueStatus

register = template.Library()

TAG_COLOURS = {
    DueStatus.DONE: "govuk-tag--green",
    DueStatus.OVERDUE: "govuk-tag--red",
    DueStatus.DUE_SOON: "govuk-tag--orange",
    DueStatus.UPCOMING: "govuk-tag--blue",
    DueStatus.NOT_KNOWN: "govuk-tag--grey",
    DueStatus.NOT_RECORDED: "govuk-tag--grey",
}


@register.filter
def tag_colour(status):
    """The GOV.UK tag colour for a key date's status."""
    return TAG_COLOURS[status]
