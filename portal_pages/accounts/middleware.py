"""Middleware that keeps signed-in sessions honest. Each goes after django_otp's
OTPMiddleware in MIDDLEWARE, so `request.user.is_verified()` is known."""

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from portal_pages.accounts import sessions
from portal_pages.accounts.models import User


def wants_json(request):
    return request.headers.get("Accept", "").startswith("application/json")


class AccountStatusMiddleware:
    """A user suspended (or otherwise no longer approved) while signed in is signed out at
    their next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.status != User.Status.APPROVED:
            logout(request)
            messages.error(
                request,
                "You have been signed out because your account is no longer active. "
                "Contact the SEND team if you think this is a mistake",
            )
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class SessionTimeoutMiddleware:
    """Signs out after PORTAL_IDLE_TIMEOUT_SECONDS without a request, or SESSION_COOKIE_AGE
    after signing in, and sends the person to sign in with `next` set to where they were."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            if sessions.has_expired(request, now):
                logout(request)
                # The page's script posts here at the end of the countdown, with `next`.
                if request.path == reverse("accounts:sign_out"):
                    return self.get_response(request)
                if wants_json(request):
                    return JsonResponse({"remaining": 0}, status=401)
                messages.info(
                    request,
                    "You were signed out because you were inactive. Sign in to carry on "
                    "where you left off",
                )
                return redirect_to_login(request.get_full_path())
            # Asking how long is left is not activity; everything else is.
            if request.path != reverse("accounts:session_status"):
                sessions.record_activity(request, now)
        return self.get_response(request)


class AdminOTPRequiredMiddleware:
    """The Wagtail admin only for sessions that passed the second factor; anyone else is
    sent to the portal's sign-in, which returns them to the admin page afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_home = reverse("wagtailadmin_home")
        # /admin/login/ itself already redirects to the portal's sign-in, keeping `next`.
        is_admin_login = request.path.rstrip("/") == admin_home + "login"
        if (
            request.path.startswith(admin_home)
            and not is_admin_login
            and not (request.user.is_authenticated and request.user.is_verified())
        ):
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """Every answer to someone signed in may carry personal data (children, forms, messages,
    the account, PDFs and files), so no browser, shared computer or proxy may keep a copy:
    `Cache-Control: no-store` (with Django's other never-cache headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in or request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
