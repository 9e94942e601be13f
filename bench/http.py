"""`make bench HTTP=1`: the plain page and SEND home served by gunicorn (2 workers on
127.0.0.1, a free port) to a bounded number of concurrent clients, in requests a second.
SEND home should keep at least a third of the plain page's rate."""

import os
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal_site.settings.bench")
django.setup()

import requests  # noqa: E402

from bench.cases import collect_cases  # noqa: E402
from bench.serving import gunicorn  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
PAGES = ["portal plain page (StandardPage)", "SEND home, 2,000 children"]


def requests_per_second(url, cookies):
    """CLIENTS threads, each with its own connection, requesting `url` for SECONDS."""
    done = []
    failed = []
    stop_at = time.monotonic() + SECONDS

    def client():
        session = requests.Session()
        session.cookies.update(cookies)
        count = 0
        while time.monotonic() < stop_at:
            if session.get(url, allow_redirects=False, timeout=30).status_code != 200:
                failed.append(url)
            count += 1
        done.append(count)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failed:
        raise RuntimeError(f"{len(failed)} requests to {url} did not answer 200")
    return sum(done) / SECONDS


def main():
    cases = {case.label: case for case in collect_cases() if case.label in PAGES}
    rates = {}
    with gunicorn() as base:
        for label in PAGES:
            case = cases[label]
            cookies = {name: morsel.value for name, morsel in case.client.cookies.items()}
            requests_per_second(base + case.url, cookies)  # warm both workers
            rates[label] = requests_per_second(base + case.url, cookies)
    print(f"\ngunicorn, 2 workers, {CLIENTS} concurrent clients, {SECONDS:.0f} s a page")
    plain = rates[PAGES[0]]
    for label, rate in rates.items():
        print(f"{label:44} {rate:8.1f} req/s {rate / plain:6.2f} × plain")


if __name__ == "__main__":
    main()
