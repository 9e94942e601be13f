"""How the guidance area plugs into the portal frame and the EHC forms."""

from wagtail import hooks

from guidance.models import GuidancePage
from guidance.navigation import data_guidance_url, guidance_index_url


@hooks.register("register_portal_navigation_item")
def guidance_navigation_item(request):
    """ "Guidance" in the service navigation, for everyone, signed in or not."""
    href = guidance_index_url()
    if not href:
        return None
    return {"text": "Guidance", "href": href, "current": request.path.startswith(href)}


@hooks.register("register_portal_home_tile")
def guidance_tile(request):
    href = guidance_index_url()
    if not href:
        return None
    count = GuidancePage.objects.live().public().count()
    return {
        "title": "Guidance",
        "href": href,
        "count": count,
        "description": "Guides to the portal and the EHC process, and data guidance for each form.",
    }


@hooks.register("register_ehc_form_links")
def data_guidance_link(request, form):
    """A link from each form's introduction and steps to the form's data guidance."""
    href = data_guidance_url(form)
    if not href:
        return None
    return {"text": f"Data guidance for {form.title}", "href": href}
