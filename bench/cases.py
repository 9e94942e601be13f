"""The pages of the bench: the references first, then each installed app's `bench.py`."""

import importlib
import statistics
from dataclasses import dataclass, field

from django.apps import apps

from bench import references

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
    timings: list = field(default_factory=list)

    def prepare(self):
        """What the request sends, made before it is timed (a POST reads the draft's version)."""
        return None if self.post is None else self.post()

    def send(self, data):
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


def bench_modules():
    """Each installed app's `bench` module, by convention."""
    for app in apps.get_app_configs():
        try:
            yield importlib.import_module(f"{app.name}.bench")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.bench":
                raise


def collect_cases():
    rows = list(references.pages())
    for module in bench_modules():
        rows.extend(module.pages())
    return [
        Case(label, client, url, **(options[0] if options else {}))
        for label, client, url, *options in rows
    ]
