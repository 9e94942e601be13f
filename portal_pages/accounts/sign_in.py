"""The sign-in journey on django-two-factor-auth: email and password, then a code emailed
at every sign-in (or from an authenticator app, if the professional added one).

What the portal adds to two_factor's LoginView: the per-account lock for wrong codes, the
emailed code sent through the task queue, "Send a new code" with its cooldown shown, and
the account's state told only after a correct password."""

import functools
import time

from django.conf import settings
from django.template.response import TemplateResponse
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_email.models import EmailDevice
from two_factor.plugins.email.utils import mask_email
from two_factor.utils import USER_DEFAULT_DEVICE_ATTR_NAME, default_device
from two_factor.views import LoginView, SetupView

from portal_pages.accounts import lockout
from portal_pages.accounts.emails import email_user
from portal_pages.accounts.forms import SignInForm
from portal_pages.accounts.services import ensure_email_device
from portal_pages.govuk.forms import GovukFormMixin, use_govuk
from portal_pages.pages.task_retry import delivery_problem


def send_code(device):
    """Email a new code unless one went less than OTP_EMAIL_COOLDOWN_DURATION ago.
    Returns the seconds to wait before another may be sent (0 when this one was sent) and
    the id of the email's task (None when none was queued)."""
    if not isinstance(device, EmailDevice):
        return 0, None
    allowed, details = device.generate_is_allowed()
    if not allowed:
        wait = details["next_generation_at"].timestamp() - time.time()
        return max(1, round(wait)), None
    device.cooldown_set(commit=False)
    device.generate_token(valid_secs=settings.OTP_EMAIL_TOKEN_VALIDITY, commit=True)
    result = email_user(
        device.user,
        "sign_in_code",
        code=device.token,
        minutes=settings.OTP_EMAIL_TOKEN_VALIDITY // 60,
    )
    return 0, result.id


class PortalCodeErrorsMixin(GovukFormMixin):
    """Code errors in the portal's words and by the code field, where GOV.UK puts them
    (django-otp raises them for the whole form), drawn with GOV.UK markup."""

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": "Enter the security code",
        "invalid_token": "The code is wrong or has expired. Check it, or ask for a new code",
    }

    def add_error(self, field, error):
        # django-otp repeats, for the whole form, a problem the field has already reported
        # (an empty code): say it once.
        if field is None and "otp_token" in self._errors:
            return
        super().add_error(field or "otp_token", error)


@functools.cache
def with_portal_code_errors(form_class):
    if issubclass(form_class, PortalCodeErrorsMixin):
        return form_class
    return type(f"Portal{form_class.__name__}", (PortalCodeErrorsMixin, form_class), {})


CODE_EMAIL_KEY = "code_email"


class PortalLoginView(LoginView):
    """two_factor's login wizard with the portal's rules (see the module docstring)."""

    template_name = "two_factor/core/login.html"
    form_list = (
        (LoginView.AUTH_STEP, SignInForm),
        (LoginView.TOKEN_STEP, LoginView.form_list[1][1]),
        (LoginView.BACKUP_STEP, LoginView.form_list[2][1]),
    )

    code_notice = None
    resend_wait = 0
    # True while a posted code holds one of the lock's places and has not been settled.
    code_attempt_open = False

    def get_user(self):
        """The user who gave a correct password. Their emailed-code device is their
        default unless they added an authenticator app (two_factor names that one
        "default"); staff created on the command line get their email device here."""
        user = super().get_user()
        if user and user.is_approved and not default_device(user):
            setattr(user, USER_DEFAULT_DEVICE_ATTR_NAME, ensure_email_device(user))
        return user

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A fresh wizard holds nothing: leaving it out of the session (once the page is
        # drawn from it) keeps a visitor's session empty, so looking at the page stores no
        # session row. The first POST starts the wizard's storage again.
        if not request.user.is_authenticated and isinstance(response, TemplateResponse):
            response.render()
            request.session.pop(self.storage.prefix, None)
        return response

    def post(self, *args, **kwargs):
        user = self.get_user()
        if user and self.steps.current != self.AUTH_STEP:
            if self.posted_code():
                until = lockout.begin_attempt(user.email, lockout.CODE)
                self.code_attempt_open = until is None
            else:
                until = lockout.locked_until(user.email)
            if until:
                return self.render_locked(until)
            if "resend_code" in self.request.POST and not self.expired:
                self.resend_wait = self.send_code()
                self.code_notice = "waiting" if self.resend_wait else "resent"
                return self.render(self.get_form())
        return super().post(*args, **kwargs)

    def send_code(self):
        """Send a code (see `send_code`), remembering its email so later pages can say
        whether it could be sent."""
        wait, email_id = send_code(self.get_device())
        if email_id:
            self.storage.extra_data = {**self.storage.extra_data, CODE_EMAIL_KEY: email_id}
        return wait

    def posted_code(self):
        """Whether this POST carries a code to check (not a resend or a change of step)."""
        field = f"{self.get_form_prefix(self.steps.current)}-otp_token"
        return bool(self.request.POST.get(field, "").strip())

    def render(self, form=None, **kwargs):
        if self.steps.current in (self.TOKEN_STEP, self.BACKUP_STEP):
            form_with_errors = form is not None and form.is_bound and not form.is_valid()
            # Only a wrong code counts towards the lock, not an empty or mistyped one.
            if form_with_errors and form.has_error("otp_token", "invalid_token"):
                user = self.get_user()
                until = lockout.wrong_attempt(user.email, lockout.CODE, user)
                if until:
                    return self.render_locked(until)
            elif form_with_errors and self.code_attempt_open:
                lockout.cancel_attempt(self.get_user().email, lockout.CODE)
            elif (
                not form_with_errors
                and self.steps.current == self.TOKEN_STEP
                and self.code_notice is None
            ):
                self.resend_wait = self.send_code()
                self.code_notice = "sent" if not self.resend_wait else "waiting"
            # two_factor's own render would generate a second, synchronous challenge.
            return super(LoginView, self).render(form, **kwargs)
        return super().render(form, **kwargs)

    def get_form_list(self):
        form_list = super().get_form_list()
        for step in (self.TOKEN_STEP, self.BACKUP_STEP):
            if step in form_list:
                form_list[step] = with_portal_code_errors(form_list[step])
        return form_list

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step, **kwargs)
        if "otp_token" in form.fields:
            token = form.fields["otp_token"]
            backup = (step or self.steps.current) == self.BACKUP_STEP
            token.label = "Backup code" if backup else "Security code"
            token.help_text = "" if backup else "The code is 6 digits, like 123456"
            if backup:
                token.error_messages["required"] = "Enter one of your backup codes"
            else:
                source = "the email" if isinstance(self.get_device(), EmailDevice) else "your app"
                token.error_messages.update(
                    required=f"Enter the 6-digit code from {source}",
                    min_length="The security code must be 6 digits",
                    max_length="The security code must be 6 digits",
                )
            token.error_messages["invalid"] = "Enter the code using numbers only"
            token.widget.attrs.update({"inputmode": "numeric", "class": "govuk-input--width-10"})
        return form

    def render_locked(self, until):
        self.storage.reset()
        return TemplateResponse(
            self.request,
            "accounts/locked.html",
            {"until": lockout.format_lock_time(until)},
            status=429,
        )

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        device = context.get("device")
        context.update(
            {
                "code_notice": self.code_notice,
                "resend_wait": self.resend_wait,
                "is_email_device": isinstance(device, EmailDevice),
                "code_minutes": settings.OTP_EMAIL_TOKEN_VALIDITY // 60,
                "code_email_problem": self.code_email_problem(),
            }
        )
        if isinstance(device, EmailDevice):
            context["masked_email"] = mask_email(device.email or device.user.email)
        return context

    def code_email_problem(self):
        """ "retrying" or "failed" once the last code's email has failed to send."""
        email_id = self.storage.extra_data.get(CODE_EMAIL_KEY)
        return delivery_problem(email_id) if email_id else None

    def done(self, form_list, **kwargs):
        lockout.clear_failures(self.get_user().email)
        return super().done(form_list, **kwargs)


class AuthenticatorSetupView(SetupView):
    """Adding an authenticator app from the account page: only the app (TOTP) is offered,
    as the emailed code exists from approval."""

    def get_available_methods(self):
        return [method for method in super().get_available_methods() if method.code == "generator"]

    def get_form(self, step=None, **kwargs):
        form = use_govuk(super().get_form(step, **kwargs))
        if "token" in form.fields:
            form.fields["token"].widget.attrs["class"] = "govuk-input--width-10"
        return form
