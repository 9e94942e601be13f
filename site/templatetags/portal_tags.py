"""Template tags the base template uses to let each app add to the shared page frame."""

from django import template
from django.utils.http import urlencode
from wagtail import hooks

register = template.Library()


@register.inclusion_tag("portal_site/service_navigation.html", takes_context=True)
def service_navigation(context):
    """Builds the navigation from every `register_portal_navigation_item` hook.

    Each hook takes the request and returns a dict with `text`, `href` and `current`, or
    None when the item does not apply (for example to a signed-out visitor), so areas add
    their own links without the base template knowing about them.
    """
    request = context.get("request")
    items = []
    if request is not None:
        for build_item in hooks.get_hooks("register_portal_navigation_item"):
            item = build_item(request)
            if item:
                items.append(item)
    return {"items": items, "settings": context.get("settings"), "request": request}


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed; any change but a page number
    goes back to the first page, because the list it paged through is a different one."""
    params = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.items())) if params else "?"


def field_anchor(bound_field):
    """The id of the input a summary link should focus: the label's target, which for a date
    is its day box (GOV.UK: "link to the first field"); radios have none, and the portal's
    radio templates give the first radio the field's own id."""
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


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form=None, items=None):
    """GOV.UK's error summary, for a Django form (`{% error_summary form %}`) or for pages
    that build their own (anchor, message) pairs (`{% error_summary items=pairs %}`)."""
    if items is None:
        items = form_error_items(form) if form is not None else []
    return {"items": items}


@register.filter
def date_boxes(bound_field):
    """The boxes of a GovukDateInput field, with what was typed (after an error) or saved."""
    return bound_field.field.widget.boxes(
        bound_field.html_name, bound_field.auto_id, bound_field.value()
    )
