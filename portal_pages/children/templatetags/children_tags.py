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


@register.filter
def date_parts(bound_field):
    """Day, month and year of a date field as typed (after an error) or as saved, each with
    the name and id of its box."""
    value = bound_field.value()
    if not isinstance(value, list | tuple):
        value = bound_field.field.widget.decompress(value)
    return [
        {
            "label": label,
            "name": f"{bound_field.html_name}_{part}",
            "id": f"{bound_field.auto_id}_{part}",
            "value": "" if typed is None else typed,
            "width": 4 if part == "year" else 2,
        }
        for part, label, typed in zip(
            ("day", "month", "year"), ("Day", "Month", "Year"), value, strict=True
        )
    ]
