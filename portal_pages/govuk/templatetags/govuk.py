"""The GOV.UK error summary, for any form of the portal, the attributes of a widget's
control, and pagination for any list."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from portal_pages.govuk import pagination as govuk_pagination

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


@register.filter
def html_attrs(attrs):
    """HTML attributes but `class`, which each template writes with its component's own
    classes: `True` gives the bare name, `False` leaves it out. Drawn here rather than by a
    loop in the template, as every control of a long step has them. A field that sets no
    group attributes gives the template nothing (""), and draws none."""
    if not attrs:
        return ""
    html = "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if name != "class" and value is not False
    )
    return mark_safe(html)  # noqa: S308 - every name and value is escaped above


@register.simple_tag(takes_context=True)
def pagination(context, page, label):
    """GOV.UK pagination for a Django `page` of a list, `label` naming it for screen
    readers; its links keep the other query parameters."""
    return govuk_pagination.pagination(context["request"], page, label)
