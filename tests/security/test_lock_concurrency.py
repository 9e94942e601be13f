"""The sign-in lock under parallel guesses: real HTTP requests from many threads at once
against the live server, with the production password hasher and cache backend. Whatever
arrives together, at most five guesses per address are ever checked before the lock.

PostgreSQL only: the live server's threads need a database that serves connections in
parallel with row locks (CI runs the suite on PostgreSQL as well as SQLite)."""

import re
import threading

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice

from portal_pages.accounts.models import Organisation, User

pytestmark = pytest.mark.postgresql

PASSWORD = "correct-horse-battery-staple"
LOGIN_STEP_FIELD = "portal_login_view-current_step"
PARALLEL_WRONG_PASSWORDS = 11
PARALLEL_WRONG_CODES = 15


@pytest.fixture
def production_backends(settings):
    """The password hasher and the shared database cache production uses."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        },
    }
    call_command("createcachetable", verbosity=0)
    # The cache table outlives each test's data; no test may see another's entries.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def account(live_site, production_backends):
    return User.objects.create_user(
        email="target@oakfield.sch.uk",
        password=PASSWORD,
        full_name="Robin Target",
        organisation=Organisation.objects.create(name="Oakfield Primary School"),
        status=User.Status.APPROVED,
    )


def counted(monkeypatch, cls, method):
    """Count the calls to a method from every thread: the guesses actually checked."""
    calls = []
    original = getattr(cls, method)

    def counting(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, method, counting)
    return calls


def login_url(live_site):
    return live_site.url + reverse("two_factor:login")


# Every browser-like session a test opened: closed after it, so the live server's threads
# end their kept-alive connections and close their database connections.
browsers = []


@pytest.fixture(autouse=True)
def close_browsers():
    yield
    while browsers:
        browsers.pop().close()


def browser(cookies=None, csrf=None):
    """A browser-like session; `cookies` and `csrf` make it another tab of an existing one."""
    session = requests.Session()
    session.cookies.update(cookies or {})
    session.csrf = csrf
    browsers.append(session)
    return session


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def opened_sign_in_page(live_site):
    """A new browser on the sign-in page, holding its CSRF token."""
    session = browser()
    session.csrf = csrf_token(session.get(login_url(live_site), timeout=60))
    return session


def post(session, live_site, data):
    return session.post(
        login_url(live_site),
        {"csrfmiddlewaretoken": session.csrf, **data},
        headers={"Referer": login_url(live_site)},
        timeout=120,
    )


def all_at_once(live_site, sessions, data):
    """POST from every session at the same moment; returns the pages in order."""
    start = threading.Barrier(len(sessions))
    pages = [None] * len(sessions)

    def guess(index, session):
        start.wait()
        pages[index] = post(session, live_site, data)

    threads = [threading.Thread(target=guess, args=item) for item in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return pages


def password_data(email, password):
    return {"auth-username": email, "auth-password": password, LOGIN_STEP_FIELD: "auth"}


def test_parallel_wrong_passwords_are_checked_at_most_five_times_and_lock(
    live_site, account, monkeypatch, mailoutbox
):
    checked = counted(monkeypatch, PBKDF2PasswordHasher, "verify")
    sessions = [opened_sign_in_page(live_site) for _ in range(PARALLEL_WRONG_PASSWORDS)]

    pages = all_at_once(
        live_site, sessions, password_data(account.email, "wrong-guess-wrong-guess")
    )

    assert all(page.status_code == 200 for page in pages)
    assert len(checked) <= 5
    assert sum("account is locked until" in page.text for page in pages) >= 7
    right = post(opened_sign_in_page(live_site), live_site, password_data(account.email, PASSWORD))
    assert "account is locked until" in right.text
    assert "Security code" not in right.text
    assert len(checked) <= 5
    assert [m.subject for m in mailoutbox] == ["Your account has been locked for 15 minutes"]


def test_parallel_wrong_codes_are_checked_at_most_five_times_and_lock(
    live_site, account, monkeypatch, mailoutbox
):
    signed_in_with_password = opened_sign_in_page(live_site)
    code_page = post(signed_in_with_password, live_site, password_data(account.email, PASSWORD))
    assert "Security code" in code_page.text
    code = re.search(r"^(\d{6})$", mailoutbox[-1].body, re.MULTILINE).group(1)
    wrong = "000000" if code != "000000" else "111111"
    checked = counted(monkeypatch, EmailDevice, "verify_token")
    cookies = signed_in_with_password.cookies.get_dict()
    tabs = [browser(cookies, csrf_token(code_page)) for _ in range(PARALLEL_WRONG_CODES)]

    pages = all_at_once(live_site, tabs, {"token-otp_token": wrong, LOGIN_STEP_FIELD: "token"})

    assert len(checked) <= 5
    # Every guess is refused: locked, checked and wrong, or (when it read the session after a
    # lock had reset the sign-in wizard) sent back to the password step unchecked. How many
    # land in each depends on timing; that none signs in does not.
    locked = [page for page in pages if page.status_code == 429]
    checked_and_wrong = [
        page for page in pages if page.status_code == 200 and 'name="token-otp_token"' in page.text
    ]
    sent_back = [
        page for page in pages if page.status_code == 200 and 'name="auth-password"' in page.text
    ]
    assert locked
    assert len(checked_and_wrong) <= 5
    assert len(locked) + len(checked_and_wrong) + len(sent_back) == PARALLEL_WRONG_CODES
    real = post(
        signed_in_with_password, live_site, {"token-otp_token": code, LOGIN_STEP_FIELD: "token"}
    )
    # Refused: locked, or back at the password step where the lock sent the wizard.
    assert real.status_code in (200, 429)
    assert len(checked) <= 5
    account_page = signed_in_with_password.get(
        live_site.url + reverse("accounts:account"), allow_redirects=False, timeout=60
    )
    assert account_page.status_code == 302
    assert account_page.headers["Location"].startswith(reverse("two_factor:login"))
