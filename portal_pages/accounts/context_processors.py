"""Template variables about the visitor, so pages outside this app can tell a signed-in
professional from anyone else without importing it."""

from django.utils.functional import SimpleLazyObject

from portal_pages.accounts.access import is_signed_in_professional


def professional(request):
    """`signed_in_professional`: signed in with both factors and approved."""
    return {
        "signed_in_professional": SimpleLazyObject(lambda: is_signed_in_professional(request.user))
    }
