"""The GOV.UK error summary, for any form of the portal."""

from django import template

register = template.Library()


def field_anchor(bound_field):
    """The id of the input a summary link should focus: the label's target, which for a date
    or radios is the first box or radio (GOV.UK: "link to the first field")."""
    return bound_field.id_for_label or bound_field.auto_id


def form_error_items(form):
    """(anchor, message) pairs for every error of a Django form, in the order of its fields.
    Form-wide errors (and those of hidden fields, which have nothing to focus) link to the
    first visible field."""
    visible = form.visible_fields()
    first = field_anchor(visible[0]) if visible else ""
    items = [(first, error) for error in form.non_field_errors()]
    items += [(first, error) for field in form.hidden_fields() for error in field.errors]
    items += [(field_anchor(field), error) for field in visible for error in field.errors]
    return items


@register.inclusion_tag("govuk/error_summary.html")
def error_summary(form=None, items=None):
    """GOV.UK's error summary, for a Django form (`{% error_summary form %}`) or for pages
    that build their own (anchor, message) pairs (`{% error_summary items=pairs %}`)."""
    if items is None:
        items = form_error_items(form) if form is not None else []
    return {"items": items}
