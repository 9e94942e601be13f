"""Template tags of the EHC forms pages."""

from django import template
from wagtail import hooks

register = template.Library()


@register.inclusion_tag("ehc_forms/includes/form_links.html", takes_context=True)
def form_links(context, form):
    """Links other areas offer beside a form's pages (such as its data guidance): each
    `register_ehc_form_links` hook takes the request and the form and returns a dict with
    `text` and `href`, or None."""
    request = context["request"]
    links = [build(request, form) for build in hooks.get_hooks("register_ehc_form_links")]
    return {"links": [link for link in links if link]}
