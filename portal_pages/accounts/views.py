"""Registration, emailed links, the account page and the session endpoints."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal_pages.accounts import links, sessions
from portal_pages.accounts.access import professional_required
from portal_pages.accounts.emails import email_user, send_account_email
from portal_pages.accounts.forms import (
    ChangeEmailForm,
    EmailOnlyForm,
    PortalPasswordChangeForm,
    PortalPasswordResetForm,
    PortalSetPasswordForm,
    RegistrationForm,
)
from portal_pages.accounts.models import (
    RegistrationSettings,
    ReplacementRegistration,
    User,
    new_session_token,
)
from portal_pages.pages.models import PortalSettings

REGISTRATION_EMAIL_SESSION_KEY = "accounts:registration-email"
EMAIL_INTERVAL_SECONDS = 60


def posted(request):
    """The submitted data on a POST (even an empty one, so every error shows), else None."""
    return request.POST if request.method == "POST" else None


def link_lifetime_seconds(request):
    return RegistrationSettings.for_request(request).confirmation_link_hours * 60 * 60


def send_confirmation_link(request, user, replacement=None):
    path = links.make_link(
        links.CONFIRM_REGISTRATION,
        "accounts:confirm_email",
        user,
        user.email,
        replacement=replacement and replacement.pk,
    )
    email_user(
        user,
        "confirm_registration",
        link_path=path,
        hours=RegistrationSettings.for_request(request).confirmation_link_hours,
    )


def first_request_in_interval(scope, email):
    """True at most once a minute per address and kind of email: the rule that limits the
    emails anyone can make the portal send to an address. Counted for addresses with and
    without accounts alike, so it reveals nothing."""
    digest = hashlib.sha256(email.encode()).hexdigest()
    return cache.add(f"accounts:{scope}:{digest}", True, EMAIL_INTERVAL_SECONDS)


def register(request):
    """The registration form. Whether or not the address already has an account, the
    visitor sees the same "Check your email" page; an existing owner is told by email."""
    form = RegistrationForm(posted(request), request=request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = User.objects.filter(email=data["email"]).first()
        first_email = first_request_in_interval("confirmation", data["email"])
        details = {
            "full_name": data["full_name"].strip(),
            "job_title": data["job_title"].strip(),
            "phone": data["phone"].strip(),
        }
        if existing and existing.status == User.Status.REGISTERED:
            # Unconfirmed: perhaps someone else registered this address first. The new
            # details wait aside and replace the account's only when their link is used.
            organisation = form.find_or_create_organisation()
            replacement = ReplacementRegistration.objects.create(
                email=existing.email,
                details={**details, "organisation_id": organisation.pk},
                password=make_password(data["password"]),
            )
            if first_email:
                send_confirmation_link(request, existing, replacement)
        elif existing:
            # Hashed and thrown away, so an address with an account answers as slowly as a
            # new one does: the time taken must not tell whether an address is registered.
            make_password(data["password"])
            # Someone could register with another's address over and over: one notice a minute.
            if first_email:
                email_user(existing, "registration_attempt")
        else:
            user = User.objects.create_user(
                email=data["email"],
                password=data["password"],
                organisation=form.find_or_create_organisation(),
                **details,
            )
            send_confirmation_link(request, user)
        request.session[REGISTRATION_EMAIL_SESSION_KEY] = data["email"]
        return redirect("accounts:check_email")
    return render(request, "accounts/register.html", {"form": form})


def check_email(request):
    """After registering or asking for a new link: what to do next, and a resend button."""
    return render(
        request,
        "accounts/check_email.html",
        {
            "email": request.session.get(REGISTRATION_EMAIL_SESSION_KEY, ""),
            "hours": RegistrationSettings.for_request(request).confirmation_link_hours,
        },
    )


def resend_confirmation(request):
    """Send a new confirmation link: at most one a minute for each address."""
    form = EmailOnlyForm(posted(request), initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if first_request_in_interval("confirmation", email):
            user = User.objects.filter(email=email, status=User.Status.REGISTERED).first()
            if user:
                send_confirmation_link(request, user)
            messages.success(request, f"We have sent a new link to {email} if it needs one")
        else:
            messages.info(
                request,
                "We sent a link to this address less than a minute ago. Check your email, "
                "or wait a minute before asking for another",
            )
        request.session[REGISTRATION_EMAIL_SESSION_KEY] = email
        return redirect("accounts:check_email")
    return render(request, "accounts/resend_confirmation.html", {"form": form})


def link_problem(request, check, resend_url_name):
    return render(
        request,
        "accounts/link_problem.html",
        {
            "check": check,
            "resend_url_name": resend_url_name,
            "form": EmailOnlyForm(initial={"email": check.email}),
        },
        status=400 if check.problem == "altered" else 410,
    )


def confirm_email(request, token):
    """The link in the confirmation email. Opening it shows a button; only pressing it
    confirms, because mail scanners open links before people do."""
    check = links.check_link(token, links.CONFIRM_REGISTRATION, link_lifetime_seconds(request))
    if check.problem:
        return link_problem(request, check, "accounts:resend_confirmation")
    if request.method == "POST":
        user = check.user
        replacement = ReplacementRegistration.objects.filter(
            pk=check.replacement, email=user.email
        ).first()
        if replacement:
            replacement.apply_to(user)
        user.status = User.Status.EMAIL_CONFIRMED
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["status", "email_confirmed_at"])
        notify_send_team(request, user)
        return redirect("accounts:awaiting_approval")
    return render(request, "accounts/confirm_email.html", {"email": check.email})


def notify_send_team(request, user):
    send_team_email = PortalSettings.for_request(request).send_team_email
    if send_team_email:
        send_account_email.enqueue(
            "send_team_new_registration",
            [send_team_email],
            {
                "full_name": user.full_name,
                "email": user.email,
                "job_title": user.job_title,
                "organisation": str(user.organisation or ""),
                "admin_path": reverse("wagtailsnippets_accounts_registration:list")
                + "?status=email_confirmed",
            },
        )


def awaiting_approval(request):
    return render(request, "accounts/awaiting_approval.html")


@professional_required
def account(request):
    """The professional's details, organisation and second factors."""
    user = request.user
    devices = list(devices_for_user(user))
    return render(
        request,
        "accounts/account.html",
        {
            "account": user,
            "authenticator": next((d for d in devices if isinstance(d, TOTPDevice)), None),
            "backup_codes": sum(
                d.token_set.count() for d in devices if isinstance(d, StaticDevice)
            ),
        },
    )


@professional_required
def change_email(request):
    """Ask for a new address; it takes effect when the link sent to it is followed."""
    user = request.user
    form = ChangeEmailForm(posted(request), request=request, user=user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        owner = User.objects.filter(email=new_email).first()
        if owner:
            email_user(owner, "email_change_attempt")
        else:
            user.pending_email = new_email
            user.save(update_fields=["pending_email"])
            path = links.make_link(
                links.CONFIRM_NEW_EMAIL, "accounts:confirm_new_email", user, new_email
            )
            send_account_email.enqueue(
                "confirm_new_email",
                [new_email],
                {
                    "full_name": user.full_name,
                    "link_path": path,
                    "hours": RegistrationSettings.for_request(request).confirmation_link_hours,
                },
            )
            email_user(user, "email_change_requested", new_email=new_email)
        return render(request, "accounts/change_email_sent.html", {"new_email": new_email})
    return render(request, "accounts/change_email.html", {"form": form})


def confirm_new_email(request, token):
    """The link sent to a new address: pressing its button makes it the account's address."""
    check = links.check_link(token, links.CONFIRM_NEW_EMAIL, link_lifetime_seconds(request))
    if check.problem:
        return link_problem(request, check, "accounts:change_email")
    if request.method == "POST":
        user = check.user
        old_email = user.email
        if User.objects.filter(email=check.email).exists():
            check.problem = "used"
            return link_problem(request, check, "accounts:change_email")
        user.email = check.email
        user.pending_email = ""
        user.save(update_fields=["email", "pending_email"])
        user.emaildevice_set.update(email=None)
        send_account_email.enqueue(
            "email_changed", [old_email], {"full_name": user.full_name, "new_email": user.email}
        )
        messages.success(request, f"Your email address is now {user.email}")
        return redirect("accounts:account" if request.user.is_authenticated else "two_factor:login")
    return render(request, "accounts/confirm_email.html", {"email": check.email, "change": True})


@require_POST
@professional_required
def sign_out_everywhere(request):
    """End every other session of this account, keeping this one."""
    user = request.user
    user.session_token = new_session_token()
    user.save(update_fields=["session_token"])
    update_session_auth_hash(request, user)
    messages.success(request, "You have been signed out on every other device and browser")
    return redirect("accounts:account")


@require_POST
@professional_required
def remove_authenticator(request):
    """Remove the authenticator app and its backup codes; the emailed code stays."""
    TOTPDevice.objects.filter(user=request.user).delete()
    StaticDevice.objects.filter(user=request.user).delete()
    messages.success(
        request,
        "Your authenticator app has been removed. We will email you a code each time you sign in",
    )
    return redirect("accounts:account")


def safe_next(request, url):
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if url and allowed else ""


def sign_out(request):
    """GET asks to confirm; POST signs out. After an idle timeout the page's script posts
    `next`, so signing in again returns to the page the person was on."""
    if request.method != "POST":
        return render(request, "accounts/sign_out.html")
    next_url = safe_next(request, request.POST.get("next", ""))
    logout(request)
    if next_url:
        messages.info(
            request,
            "You were signed out because you were inactive for "
            f"{settings.PORTAL_IDLE_TIMEOUT_SECONDS // 60} minutes. Sign in to "
            "carry on where you left off",
        )
        return redirect(reverse("two_factor:login") + "?" + urlencode({"next": next_url}))
    messages.success(request, "You have signed out")
    return redirect("/")


def remaining_response(request):
    """Seconds left before the session ends, or 401 when it already has."""
    if not request.user.is_authenticated:
        return JsonResponse({"remaining": 0}, status=401)
    return JsonResponse({"remaining": sessions.seconds_remaining(request)})


@require_POST
def keep_alive(request):
    """ "Stay signed in": the request itself is activity, so the idle clock restarts."""
    return remaining_response(request)


def session_status(request):
    """Seconds left before the idle timeout; asking does not count as activity."""
    return remaining_response(request)


@method_decorator(professional_required, name="dispatch")
class ChangePasswordView(auth_views.PasswordChangeView):
    """Change password; other sessions end, this one continues."""

    form_class = PortalPasswordChangeForm
    template_name = "accounts/change_password.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Your password has been changed")
        email_user(form.user, "password_changed")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; the same page follows whether or not the address is known,
    and at most one link a minute goes to an address."""

    form_class = PortalPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if first_request_in_interval("password-reset", email):
            return super().form_valid(form)
        return redirect(self.success_url)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The emailed reset link: valid for PASSWORD_RESET_TIMEOUT and once only, because the
    token is made from the password it replaces."""

    form_class = PortalSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
