from datetime import timedelta
from urllib.parse import unquote

import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from .conftest import post_password

ACCOUNT = reverse("accounts:account")
LOGIN = reverse("two_factor:login")


def test_idle_for_twenty_minutes_signs_out_and_returns_to_the_page_after_sign_in(
    professional_client,
):
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=19, seconds=50)):
        assert professional_client.get(ACCOUNT).status_code == 200
    with time_machine.travel(start + timedelta(minutes=39)):
        assert professional_client.get(ACCOUNT).status_code == 200
    with time_machine.travel(start + timedelta(minutes=59, seconds=10)):
        response = professional_client.get(ACCOUNT + "?tab=1")

    assert response.status_code == 302
    assert unquote(response.url) == LOGIN + "?next=" + ACCOUNT + "?tab=1"
    assert "_auth_user_id" not in professional_client.session


def test_twelve_hours_after_sign_in_the_session_ends_however_active(professional_client):
    start = timezone.now()
    for minutes in range(15, 12 * 60, 15):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert professional_client.get(ACCOUNT).status_code == 200, minutes
    with time_machine.travel(start + timedelta(hours=12, minutes=1)):
        assert professional_client.get(ACCOUNT).status_code == 302


def test_keep_alive_extends_the_session_and_asking_the_time_left_does_not(professional_client):
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=18)):
        status = professional_client.get(reverse("accounts:session_status")).json()
        assert 110 <= status["remaining"] <= 120
        alive = professional_client.post(reverse("accounts:keep_alive")).json()
        assert alive["remaining"] >= 20 * 60 - 2
    with time_machine.travel(start + timedelta(minutes=37)):
        assert professional_client.get(reverse("accounts:session_status")).json()["remaining"] > 0
        assert professional_client.get(ACCOUNT).status_code == 200


def test_session_status_after_expiry_answers_401(professional_client):
    with time_machine.travel(timezone.now() + timedelta(minutes=21)):
        response = professional_client.get(
            reverse("accounts:session_status"), headers={"Accept": "application/json"}
        )
    assert response.status_code == 401


def test_sessions_are_not_tied_to_the_ip_address(professional_client):
    assert professional_client.get(ACCOUNT, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert professional_client.get(ACCOUNT, REMOTE_ADDR="192.168.7.9").status_code == 200


def test_timeout_sign_out_posts_next_and_sign_in_page_keeps_it(professional_client):
    response = professional_client.post(reverse("accounts:sign_out"), {"next": "/forms/7/step/2/"})

    assert unquote(response.url) == LOGIN + "?next=/forms/7/step/2/"
    page = professional_client.get(response.url).content.decode()
    assert "You were signed out because you were inactive" in page


def test_sign_out_refuses_to_redirect_off_site(professional_client):
    response = professional_client.post(
        reverse("accounts:sign_out"), {"next": "https://evil.example/"}
    )
    assert response.url == "/"


def test_sign_out_everywhere_ends_other_sessions_only(professional, sign_in):
    here, elsewhere = sign_in(Client(), professional), sign_in(Client(), professional)

    here.post(reverse("accounts:sign_out_everywhere"))

    assert here.get(ACCOUNT).status_code == 200
    assert elsewhere.get(ACCOUNT).status_code == 302


def test_signed_in_pages_carry_the_timeout_dialog_and_visitors_do_not(
    professional_client, client, demo_site
):
    page = professional_client.get("/").content.decode()
    assert "<dialog" in page
    assert 'aria-modal="true"' in page
    assert "You will be signed out in 2 minutes" in page
    assert "accounts/session-timeout.js" in page
    assert "session-timeout.js" not in Client().get("/").content.decode()


def test_keep_alive_after_the_session_ended_answers_401_for_the_script(professional_client):
    with time_machine.travel(timezone.now() + timedelta(minutes=21)):
        response = professional_client.post(
            reverse("accounts:keep_alive"), headers={"Accept": "application/json"}
        )
        assert response.status_code == 401
        assert response.json() == {"remaining": 0}
        assert professional_client.get(ACCOUNT).status_code == 302


def test_visiting_the_sign_in_page_without_a_cookie_stores_no_session(client, site, professional):
    for _ in range(3):
        page = client.get(reverse("two_factor:login"))
        assert page.status_code == 200
        assert "Sign in" in page.content.decode()
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in page.cookies

    # The password step, posted straight from that page, still leads to the code.
    page = post_password(client, professional.email)
    assert "Enter your security code" in page.content.decode()
    assert Session.objects.count() == 1
