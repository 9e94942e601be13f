"""Demo accounts: a council administrator, a SEND team officer, a content editor and two
approved professionals in one school's team, one of them its team lead."""

from django.contrib.auth.models import Group
from django.utils import timezone

from portal_pages.accounts import services
from portal_pages.accounts.groups import CONTENT_EDITORS, SEND_TEAM
from portal_pages.accounts.models import Organisation, User

# The demo accounts' published password (README, "Demo sign-in details"): it signs in to
# demo content only, never to a real account.
DEMO_PASSWORD = "demo-portal-password"  # noqa: S105

DEMO_ACCOUNTS = [
    {
        "email": "council.admin@exampleshire.gov.uk",
        "full_name": "Morgan Ellis",
        "job_title": "Portal administrator",
        "group": None,
        # The council's administrator runs the whole admin: portal and registration
        # settings, users and groups.
        "superuser": True,
        "organisation": ("Exampleshire SEND team", Organisation.Kind.LOCAL_AUTHORITY, ""),
        "role": "Council administrator (admin at /admin/, including Settings)",
    },
    {
        "email": "send.officer@exampleshire.gov.uk",
        "full_name": "Sam Okafor",
        "job_title": "SEND casework officer",
        "group": SEND_TEAM,
        "organisation": ("Exampleshire SEND team", Organisation.Kind.LOCAL_AUTHORITY, ""),
        "role": "SEND team officer (admin at /admin/)",
    },
    {
        "email": "content.editor@exampleshire.gov.uk",
        "full_name": "Priya Shah",
        "job_title": "Digital content editor",
        "group": CONTENT_EDITORS,
        "organisation": ("Exampleshire SEND team", Organisation.Kind.LOCAL_AUTHORITY, ""),
        "role": "Content editor (admin at /admin/)",
    },
    {
        "email": "sendco@oakfield-primary.sch.uk",
        "full_name": "Jo Marsh",
        "job_title": "SENDCO",
        "group": None,
        "organisation": ("Oakfield Primary School", Organisation.Kind.SCHOOL, "100001"),
        "team_lead": True,
        "role": "Professional and team lead (portal)",
    },
    {
        "email": "teacher@oakfield-primary.sch.uk",
        "full_name": "Amir Hussain",
        "job_title": "Class teacher",
        "group": None,
        "organisation": ("Oakfield Primary School", Organisation.Kind.SCHOOL, "100001"),
        "role": "Professional in the same team (portal)",
    },
]


def is_staff_account(account):
    return bool(account["group"] or account.get("superuser"))


def load():
    """Create each demo account once, in its group. Each professional is approved the way
    the SEND team does it (with its approval email and welcome message); council staff are
    not professionals, so they are only given the emailed-code device they sign in with."""
    sign_ins = []
    for account in DEMO_ACCOUNTS:
        name, kind, urn = account["organisation"]
        organisation, _ = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "urn": urn, "confirmed": True}
        )
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            staff = is_staff_account(account)
            user = User.objects.create_user(
                email=account["email"],
                password=DEMO_PASSWORD,
                full_name=account["full_name"],
                job_title=account["job_title"],
                organisation=organisation,
                is_team_lead=account.get("team_lead", False),
                status=User.Status.APPROVED if staff else User.Status.EMAIL_CONFIRMED,
                email_confirmed_at=timezone.now(),
                status_changed_at=timezone.now(),
                is_superuser=account.get("superuser", False),
            )
            if staff:
                services.ensure_email_device(user)
            else:
                services.decide(services.APPROVE, user)
        if account["group"]:
            user.groups.add(Group.objects.get(name=account["group"]))
        sign_ins.append(f"{account['role']}: {account['email']} / {DEMO_PASSWORD}")
    return sign_ins
