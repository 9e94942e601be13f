"""Dismissing an Information notice for the rest of the browser session."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from notices.dismissal import remember_dismissal


@require_POST
def dismiss(request, notice_id):
    """Remembers the dismissal and returns to the page the button was on. Only Information
    notices offer the button, and only they are ever left out for a dismissal."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = redirect(back)
    remember_dismissal(request, response, notice_id)
    return response
