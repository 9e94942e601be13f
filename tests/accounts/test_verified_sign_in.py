from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice

from portal_pages.accounts.testing import sign_in_verified

ACCOUNT = reverse("accounts:account")


def test_a_client_signed_in_with_both_factors_reaches_pages_behind_them(site, professional):
    assert Client().get(ACCOUNT).status_code == 302

    client = sign_in_verified(Client(), professional)

    assert client.get(ACCOUNT).status_code == 200


def test_signing_in_again_reuses_the_one_email_device(site, professional):
    sign_in_verified(Client(), professional)
    sign_in_verified(Client(), professional)

    assert EmailDevice.objects.filter(user=professional, name="email", confirmed=True).count() == 1
