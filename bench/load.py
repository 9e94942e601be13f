"""`make load`: LOAD_USERS professionals (50) at once against gunicorn and PostgreSQL for
LOAD_SECONDS (300). Each signs in once with their password and the code emailed to them,
then, until the time is up, opens their draft's thirty-question step, autosaves it three
times and saves it with "Save and continue". Afterwards every draft is read from the
database: each answer must be the last one the server acknowledged, and the draft's version
must have moved on once for every acknowledged save. Prints requests, req/s, errors,
p50/p95/p99 and lost saves; exits 1 if anything failed or was lost.

The settings are the bench's (production ones: DEBUG off, the production password hasher,
the database cache and sessions); email goes to files in a temporary folder, where the
codes are read from."""

import asyncio
import datetime
import email
import io
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal_site.settings.bench")
django.setup()

import httpx  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.serving import gunicorn  # noqa: E402
from ehc_forms.bench import LOOKUP, bench_form, thirty_answers  # noqa: E402
from ehc_forms.demo import load_lookups  # noqa: E402
from ehc_forms.models import Submission  # noqa: E402
from ehc_forms.registry import bind_answers  # noqa: E402
from ehc_forms.saving import details_from_account, start_draft  # noqa: E402
from portal_pages.accounts.models import Organisation, User  # noqa: E402
from portal_pages.accounts.services import ensure_email_device  # noqa: E402
from portal_pages.children.models import Child  # noqa: E402

USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "300"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "2"))
# A person pauses between saves; without a pause the run measures a queue, not a service.
THINK_SECONDS = float(os.environ.get("LOAD_THINK_SECONDS", "1"))
PASSWORD = "load-run password, never a real one"  # noqa: S105 (the load accounts' own)
EMAIL_DOMAIN = "load.bench.sch.uk"
LOGIN_STEP_FIELD = "portal_login_view-current_step"
# Each save changes one of these answers, in turn, to a value no other save sends.
CHANGED_ANSWERS = [f"short_{n}" for n in range(1, 11)] + ["memo_1", "memo_2"]
AUTOSAVES_PER_VISIT = 3


@dataclass
class Professional:
    """One simulated professional: their account, draft and what the server acknowledged."""

    email: str
    draft_id: int
    start_version: int
    base_answers: dict
    acknowledged: dict = field(default_factory=dict)
    acknowledged_saves: int = 0


@dataclass
class Figures:
    """Every request's time in seconds, and what went wrong."""

    timings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def percentile(self, share):
        ordered = sorted(self.timings)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def create_database():
    """Creates the run's own PostgreSQL database if it is not there yet."""
    database = connection.settings_dict
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{database["NAME"]}"')
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)


def load_accounts(count):
    """`count` approved professionals, each with a child and a new draft of the
    thirty-question form (the same accounts and drafts again on a later run)."""
    call_command("load_demo_content", stdout=io.StringIO())
    form = bench_form()
    organisation, _ = Organisation.objects.get_or_create(
        name="Load Test School", defaults={"kind": Organisation.Kind.SCHOOL}
    )
    password = make_password(PASSWORD)
    code = load_lookups()[LOOKUP].options.first().code
    professionals = []
    for n in range(count):
        user, _ = User.objects.update_or_create(
            email=f"professional{n:03d}@{EMAIL_DOMAIN}",
            defaults={
                "full_name": f"Load Professional {n:03d}",
                "job_title": "SENDCO",
                "organisation": organisation,
                "status": User.Status.APPROVED,
                "password": password,
            },
        )
        ensure_email_device(user)
        child, _ = Child.objects.get_or_create(
            created_by=user,
            defaults={
                "organisation": organisation,
                "given_name": "Load",
                "family_name": f"Child{n:03d}",
                "date_of_birth": datetime.date(2015, 1, 1),
                "home_postcode": "BS1 5TR",
                "setting": "Load Test School",
            },
        )
        draft = start_draft(user, child, form, details_from_account(user))
        fields = draft.definition.step(1).answer_fields
        professionals.append(
            Professional(
                email=user.email,
                draft_id=draft.pk,
                start_version=draft.version,
                base_answers=dict(bind_answers(fields, thirty_answers(code)).lists()),
            )
        )
    return professionals


def code_emailed_to(mail_dir, address):
    """The six-digit code in the newest sign-in email to `address`, or None."""
    for path in sorted(Path(mail_dir).glob("*.log"), reverse=True):
        for text in path.read_text().split("-" * 79):
            message = email.message_from_string(text.strip())
            if message["To"] != address:
                continue
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    body = part.get_payload(decode=True).decode()
                    found = re.search(r"^(\d{6})$", body, re.MULTILINE)
                    if found:
                        return found.group(1)
    return None


class Visitor:
    """An HTTP client that times each request and counts any answer it did not expect."""

    def __init__(self, client, figures):
        self.client = client
        self.figures = figures

    async def send(self, method, url, expect, data=None, headers=None):
        started = time.monotonic()
        try:
            response = await self.client.request(method, url, data=data, headers=headers)
        except httpx.HTTPError as error:
            self.figures.errors.append(f"{method} {url}: {error!r}")
            return None
        self.figures.timings.append(time.monotonic() - started)
        if response.status_code != expect:
            self.figures.errors.append(f"{method} {url}: {response.status_code}, not {expect}")
            return None
        return response

    def csrf(self):
        return self.client.cookies.get("csrftoken", "")


async def sign_in(visitor, professional, mail_dir):
    login = reverse("two_factor:login")
    await visitor.send("GET", login, 200)
    password = await visitor.send(
        "POST",
        login,
        200,
        data={
            "csrfmiddlewaretoken": visitor.csrf(),
            LOGIN_STEP_FIELD: "auth",
            "auth-username": professional.email,
            "auth-password": PASSWORD,
        },
    )
    if password is None:
        return False
    code = None
    for _ in range(100):
        code = code_emailed_to(mail_dir, professional.email)
        if code:
            break
        await asyncio.sleep(0.1)
    if code is None:
        visitor.figures.errors.append(f"no code reached {professional.email}")
        return False
    signed_in = await visitor.send(
        "POST",
        login,
        302,
        data={
            "csrfmiddlewaretoken": visitor.csrf(),
            LOGIN_STEP_FIELD: "token",
            "token-otp_token": code,
        },
    )
    return signed_in is not None


async def work_on_draft(visitor, professional, stop_at):
    """Opens the step, autosaves it and saves it with "Save and continue", until stop_at."""
    step = reverse("ehc_forms:step", args=[professional.draft_id, 1])
    autosave = reverse("ehc_forms:autosave", args=[professional.draft_id, 1])
    task_list = reverse("ehc_forms:task_list", args=[professional.draft_id])
    answers = dict(professional.base_answers)
    saves = 0
    while time.monotonic() < stop_at:
        page = await visitor.send("GET", step, 200)
        if page is None:
            return
        version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
        for save in range(AUTOSAVES_PER_VISIT + 1):
            await asyncio.sleep(THINK_SECONDS)
            key = CHANGED_ANSWERS[saves % len(CHANGED_ANSWERS)]
            saves += 1
            answers[key] = [f"{professional.email} save {saves}"]
            data = {**answers, "version": version, "csrfmiddlewaretoken": visitor.csrf()}
            if save < AUTOSAVES_PER_VISIT:
                saved = await visitor.send(
                    "POST", autosave, 200, data=data, headers={"Accept": "application/json"}
                )
                if saved is None:
                    return
                version = str(saved.json()["version"])
            else:
                saved = await visitor.send("POST", step, 302, data={**data, "action": "continue"})
                if saved is None:
                    return
                if saved.headers["location"] != task_list:
                    visitor.figures.errors.append(f"save went to {saved.headers['location']}")
                    return
            professional.acknowledged[key] = answers[key][0]
            professional.acknowledged_saves += 1
        if await visitor.send("GET", task_list, 200) is None:
            return


async def simulate(base, professionals, mail_dir):
    """Signs everyone in (each once), then has everyone work for SECONDS; gives the figures
    of the sign-ins and of the working period."""
    sign_ins, work = Figures(), Figures()
    limits = httpx.Limits(max_connections=1)
    clients = [httpx.AsyncClient(base_url=base, timeout=120, limits=limits) for _ in professionals]
    try:
        signed_in = await asyncio.gather(
            *(
                sign_in(Visitor(client, sign_ins), professional, mail_dir)
                for client, professional in zip(clients, professionals, strict=True)
            )
        )
        if not all(signed_in):
            return sign_ins, work, 0.0
        started = time.monotonic()
        await asyncio.gather(
            *(
                work_on_draft(Visitor(client, work), professional, started + SECONDS)
                for client, professional in zip(clients, professionals, strict=True)
            )
        )
        return sign_ins, work, time.monotonic() - started
    finally:
        for client in clients:
            await client.aclose()


def lost_saves(professionals):
    """Acknowledged saves the database does not hold: an answer that is not the last one
    acknowledged, or fewer versions than acknowledged saves."""
    lost = 0
    connection.close()  # the setup's connection may have been idle past the server's limits
    for professional in professionals:
        draft = Submission.objects.get(pk=professional.draft_id)
        for key, value in professional.acknowledged.items():
            lost += draft.answers.get(key) != value
        applied = draft.version - professional.start_version
        lost += max(0, professional.acknowledged_saves - applied)
    return lost


def report(sign_ins, work, elapsed, lost, professionals):
    requests = len(work.timings) + len(work.errors)
    print(f"\nmake load: {USERS} professionals × {SECONDS:.0f} s, gunicorn {WORKERS} workers")
    print(
        f"sign-in     {len(sign_ins.timings):>7,} requests, {len(sign_ins.errors)} errors, "
        f"p50 {sign_ins.percentile(0.5) * 1000:.0f} ms, "
        f"p95 {sign_ins.percentile(0.95) * 1000:.0f} ms"
    )
    if work.timings:
        print(
            f"working     {requests:>7,} requests, {requests / elapsed:.1f} req/s, "
            f"{len(work.errors)} errors, "
            f"mean {statistics.fmean(work.timings) * 1000:.0f} ms, "
            f"p50 {work.percentile(0.5) * 1000:.0f} ms, "
            f"p95 {work.percentile(0.95) * 1000:.0f} ms, "
            f"p99 {work.percentile(0.99) * 1000:.0f} ms"
        )
    saves = sum(professional.acknowledged_saves for professional in professionals)
    print(f"saves       {saves:>7,} acknowledged, {lost} lost")
    for error in (sign_ins.errors + work.errors)[:10]:
        print(f"  error: {error}")


def main():
    if connection.vendor != "postgresql":
        sys.exit("make load runs on PostgreSQL: set LOAD_DATABASE_URL to a postgres:// URL")
    started = time.monotonic()
    create_database()
    professionals = load_accounts(USERS)
    print(f"set-up (database, accounts and drafts): {time.monotonic() - started:.0f} s")
    with tempfile.TemporaryDirectory() as mail_dir:
        mail = {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": mail_dir,
        }
        with gunicorn(workers=WORKERS, env=mail) as base:
            sign_ins, work, elapsed = asyncio.run(simulate(base, professionals, mail_dir))
    lost = lost_saves(professionals)
    report(sign_ins, work, elapsed, lost, professionals)
    if sign_ins.errors or work.errors or lost or not work.timings:
        sys.exit(1)


if __name__ == "__main__":
    main()
