"""The one gate in front of every portal screen that shows a professional's own data."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login


def is_signed_in_professional(user):
    """Signed in with both factors and approved by the SEND team."""
    return user.is_authenticated and user.is_verified() and user.is_approved


def professional_required(view):
    """Send anyone else to sign in, then back to where they were going."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_signed_in_professional(request.user):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped
