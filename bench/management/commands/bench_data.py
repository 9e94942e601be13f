"""Scale data for `make bench`: `--size small` is what the areas' bench pages create
themselves (2,000 children, 5,000 messages, 100+ registrations); `--size large` adds the rows
of a large council around them, owned by other professionals, so the same pages are timed
with big tables. `--scale` shrinks or grows the large counts.

The rows are built once, as unsaved model instances streamed from generators, and `load()`
writes them the fastest way the database offers: on PostgreSQL one `COPY` per table with the
table's secondary indexes dropped and rebuilt after it, elsewhere bulk inserts."""

import datetime
import itertools
import time

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from psycopg.types.json import Jsonb

from ehc_forms.bench import MEMO_ANSWER
from ehc_forms.models import EHCFormPage, Submission
from portal_pages.accounts.models import Organisation, User
from portal_pages.children.models import Child, EHCCase
from portal_pages.children.stages import Stage
from portal_pages.inbox.models import Message

LARGE = {
    "organisations": 2_000,
    "professionals": 20_000,
    "cases": 50_000,
    "children": 500_000,
    "submissions": 1_000_000,
    "messages": 2_000_000,
}
BATCH = 5_000
EMAIL_DOMAIN = "scale.bench.sch.uk"
GIVEN = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hari", "Isla", "Jack"]
FAMILY = ["Ahmed", "Brown", "Cole", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal"]


def name_of(n):
    return GIVEN[n % len(GIVEN)], f"{FAMILY[n % len(FAMILY)]}{n:06d}"


def load(model, rows):
    """Saves the unsaved instances `rows` yields and returns how many there were."""
    if connection.vendor == "postgresql":
        return copy(model, rows)
    return insert(model, rows)


def insert(model, rows):
    """Bulk inserts in batches of 5,000, each batch in its own transaction."""
    total = 0
    for batch in iter(lambda: list(itertools.islice(rows, BATCH)), []):
        with transaction.atomic():
            model.objects.bulk_create(batch, batch_size=BATCH)
        total += len(batch)
    return total


def copy(model, rows):
    """One PostgreSQL `COPY` of every row, in one transaction. Each field prepares its own
    value, as `bulk_create` would, so defaults, `auto_now_add` and JSON match the ORM's.

    Keeping an index up to date row by row costs several times building it once from the
    loaded table, and checking a foreign key row by row costs a lookup per row where adding
    the constraint back checks the whole table in one join. So the table's secondary indexes
    (the model's, the foreign keys' and the trigram ones) and its foreign keys are dropped
    first and put back, from their own definitions, at the end: the data is checked as
    strictly as before, and a row that breaks a constraint still fails the whole load."""
    fields = [
        field
        for field in model._meta.local_concrete_fields
        if not field.primary_key and not field.generated
    ]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    total = 0
    with transaction.atomic(), connection.cursor() as cursor:
        # Building the indexes sorts millions of rows: in memory rather than in batches on
        # disk. lz4 compresses the long JSON answers several times faster than pglz.
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute("SET LOCAL default_toast_compression = 'lz4'")
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid = %s::regclass AND NOT indisunique AND NOT indisprimary",
            [table],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        foreign_keys = cursor.fetchall()
        for name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as stream:
            for values in prepared_values(fields, rows):
                stream.write_row(values)
                total += 1
        for name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute(f"ANALYZE {table}")
    return total


def prepared_values(fields, rows):
    """Each row's values as the database takes them. A value that is the very object the
    row before had (the same long answers on every submission) is prepared, and its JSON
    written out, only once."""
    last = [(object(), None)] * len(fields)
    for row in rows:
        values = []
        for index, field in enumerate(fields):
            value = field.pre_save(row, True)
            source, prepared = last[index]
            if value is not source:
                prepared = field.get_db_prep_save(value, connection)
                if isinstance(prepared, Jsonb):
                    prepared = prepared.dumps(prepared.obj)
                last[index] = (value, prepared)
            values.append(prepared)
        yield values


class Command(BaseCommand):
    help = "Fill the bench database with the small or large data set (COPY on PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=["small", "large"], default="small")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiply the large counts (0.1 for a tenth of a large council).",
        )

    def handle(self, *, size, scale, **options):
        if size == "small":
            self.stdout.write("The small data set is made by the areas' bench pages.")
            return
        # The forms the submissions are answers to.
        call_command("load_demo_content", stdout=self.stdout)
        counts = {name: max(1, int(count * scale)) for name, count in LARGE.items()}
        if User.objects.filter(email__endswith=EMAIL_DOMAIN).count() >= counts["professionals"]:
            self.stdout.write("The large data set is already there.")
            return
        for name, count in counts.items():
            started = time.monotonic()
            made = getattr(self, f"make_{name}")(count, counts)
            self.stdout.write(f"{made:>10,} {name} in {time.monotonic() - started:.0f} s")

    def make_organisations(self, count, counts):
        return load(
            Organisation,
            (
                Organisation(name=f"Scale School {n:05d}", kind="school", urn=f"9{n:05d}")
                for n in range(count)
            ),
        )

    def make_professionals(self, count, counts):
        organisations = list(
            Organisation.objects.filter(name__startswith="Scale School").values_list(
                "pk", flat=True
            )
        )
        password = make_password(None)
        statuses = [User.Status.APPROVED] * 8 + [User.Status.EMAIL_CONFIRMED, User.Status.REJECTED]
        now = timezone.now()
        return load(
            User,
            (
                User(
                    email=f"professional{n:06d}@{EMAIL_DOMAIN}",
                    full_name=" ".join(name_of(n)),
                    job_title="SENDCO",
                    organisation_id=organisations[n % len(organisations)],
                    status=statuses[n % len(statuses)],
                    password=password,
                    date_joined=now - datetime.timedelta(minutes=n),
                )
                for n in range(count)
            ),
        )

    def professional_ids(self):
        return list(
            User.objects.filter(email__endswith=EMAIL_DOMAIN)
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    def make_cases(self, count, counts):
        stages = list(Stage)
        return load(
            EHCCase,
            (
                EHCCase(
                    reference=f"EHC-SCALE-{n:07d}",
                    given_name=name_of(n)[0],
                    family_name=name_of(n)[1],
                    date_of_birth=datetime.date(2008, 1, 1) + datetime.timedelta(days=n % 5000),
                    stage=stages[n % len(stages)],
                    request_received_on=datetime.date(2024, 1, 1)
                    + datetime.timedelta(days=n % 700),
                    next_due_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 400),
                )
                for n in range(count)
            ),
        )

    def make_children(self, count, counts):
        professionals = self.professional_ids()
        first_case = EHCCase.objects.filter(reference__startswith="EHC-SCALE-").order_by("pk")
        first_case = first_case.values_list("pk", flat=True).first()
        return load(
            Child,
            (
                Child(
                    created_by_id=professionals[n % len(professionals)],
                    given_name=name_of(n)[0],
                    family_name=name_of(n)[1],
                    date_of_birth=datetime.date(2008, 1, 1) + datetime.timedelta(days=n % 5000),
                    home_postcode="BS1 5TR",
                    setting=f"Scale School {n % 2000:05d}",
                    hidden=n % 10 == 0,
                    ehc_case_id=first_case + n % counts["cases"] if n % 10 == 1 else None,
                )
                for n in range(count)
            ),
        )

    def make_submissions(self, count, counts):
        forms = list(EHCFormPage.objects.live().values_list("pk", "live_revision_id"))
        children = list(
            Child.objects.filter(created_by__email__endswith=EMAIL_DOMAIN)
            .order_by("pk")
            .values_list("pk", "created_by_id")
        )
        answers = {f"answer_{n}": MEMO_ANSWER for n in range(3)}
        now = timezone.now()
        rows = (
            Submission(
                form_id=forms[(n // len(children)) % len(forms)][0],
                revision_id=forms[(n // len(children)) % len(forms)][1],
                child_id=children[n % len(children)][0],
                author_id=children[n % len(children)][1],
                answers=answers,
                updated_at=now - datetime.timedelta(minutes=n),
                # A third are sent, with the reference and time the Submissions listing shows.
                status=Submission.Status.SUBMITTED if sent else Submission.Status.DRAFT,
                reference=f"SC-{n:09d}" if sent else "",
                submitted_at=now - datetime.timedelta(minutes=n) if sent else None,
            )
            for n in range(min(count, len(children) * len(forms)))
            for sent in [n % 3 == 0]
        )
        return load(Submission, rows)

    def make_messages(self, count, counts):
        professionals = self.professional_ids()
        now = timezone.now()
        return load(
            Message,
            (
                Message(
                    recipient_id=professionals[n % len(professionals)],
                    subject=f"Scale message {n}",
                    body="A message among two million.",
                    category=Message.Category.ACTION
                    if n % 10 == 0
                    else Message.Category.INFORMATION,
                    created=now - datetime.timedelta(seconds=n),
                    read_at=None if n % 5 == 0 else now,
                )
                for n in range(count)
            ),
        )
