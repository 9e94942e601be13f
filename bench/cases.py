"""The pages of the bench: the references first, then each installed app's `bench.py`."""

import statistics
from dataclasses import dataclass, field

from bench import references
from portal_site.discovery import app_modules

# No page of the portal may need more queries than this (a POST that saves a draft and its
# history may say more); the tests assert every bench page's budget.
DEFAULT_QUERY_BUDGET = 12


@dataclass
class Case:
    """One page of the bench and its timings."""

    label: str
    client: object
    url: str
    post: object = None
    queries: int = DEFAULT_QUERY_BUDGET
    key: str | None = None
    versus: str | None = None
    rounds: int | None = None
    before: object = None
    timings: list = field(default_factory=list)

    def prepare(self):
        """What the request sends, made before it is timed (a POST reads the draft's version).
        `before` first undoes what an earlier request left behind, such as a cached file."""
        if self.before is not None:
            self.before()
        return None if self.post is None else self.post()

    def send(self, data):
        # A function of the client in place of a url makes its own request (a form post).
        if callable(self.url):
            return self.url(self.client)
        if data is None:
            return self.client.get(self.url)
        return self.client.post(self.url, data)

    def request(self):
        return self.send(self.prepare())

    @property
    def median(self):
        return statistics.median(self.timings)

    @property
    def p95(self):
        return sorted(self.timings)[int(len(self.timings) * 0.95)]


def collect_cases():
    rows = list(references.pages())
    for module in app_modules("bench"):
        rows.extend(module.pages())
    return [
        Case(label, client, url, **(options[0] if options else {}))
        for label, client, url, *options in rows
    ]
