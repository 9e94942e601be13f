"""URLs of the accounts area, under /account/ (sign-in itself is two_factor's, at
/account/login/: see two_factor_urls.py)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from portal_pages.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("register/", views.register, name="register"),
    path("register/check-your-email/", views.check_email, name="check_email"),
    path("register/send-link-again/", views.resend_confirmation, name="resend_confirmation"),
    path("register/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("register/waiting-for-approval/", views.awaiting_approval, name="awaiting_approval"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("session/", views.session_status, name="session_status"),
    path("session/keep-alive/", views.keep_alive, name="keep_alive"),
    path("password/", views.ChangePasswordView.as_view(), name="change_password"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("email/", views.change_email, name="change_email"),
    path("email/confirm/<str:token>/", views.confirm_new_email, name="confirm_new_email"),
    path("authenticator/remove/", views.remove_authenticator, name="remove_authenticator"),
]
