"""Template tags the base template uses to let each app add to the shared page frame."""

import functools

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
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


@register.simple_tag
@functools.cache
def frame_static(path):
    """`{% static %}` for the files every page's frame links to, worked out once per process:
    their URLs cannot change while it runs, and each `{% static %}` costs a page more than
    the rest of its header."""
    return static(path)


@register.filter
def back_navigation(html):
    """Puts what a page shows before its main content (its back link) in a navigation
    landmark, so nothing on the page sits outside a landmark; nothing when there is none."""
    return format_html('<nav aria-label="Back">{}</nav>', html) if html.strip() else ""
