"""two_factor's URLs (namespace `two_factor`, same paths as the package's own) with the
portal's views where it changes the behaviour: the sign-in wizard and authenticator-only
setup. two_factor's profile and disable pages are replaced by the account page."""

from django.urls import path
from django.views.generic import RedirectView
from two_factor.views import BackupTokensView, QRGeneratorView, SetupCompleteView

from portal_pages.accounts.sign_in import AuthenticatorSetupView, PortalLoginView

app_name = "two_factor"

urlpatterns = [
    path("account/login/", PortalLoginView.as_view(), name="login"),
    path("account/two_factor/setup/", AuthenticatorSetupView.as_view(), name="setup"),
    path("account/two_factor/qrcode/", QRGeneratorView.as_view(), name="qr"),
    path(
        "account/two_factor/setup/complete/",
        SetupCompleteView.as_view(),
        name="setup_complete",
    ),
    path("account/two_factor/backup/tokens/", BackupTokensView.as_view(), name="backup_tokens"),
    path(
        "account/two_factor/",
        RedirectView.as_view(pattern_name="accounts:account"),
        name="profile",
    ),
]
