"""The professional's screens: SEND home (their child records), adding and correcting a
record, confirming its details, and the child's own SEND home with the stage tracker."""

from html import escape

from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, F, Func, IntegerField, Model, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from portal_pages.accounts.access import professional_required
from portal_pages.children import teams
from portal_pages.children.access import (
    children_visible_to,
    get_managed_child_or_404,
    get_own_child_or_404,
    get_visible_child_or_404,
    may_manage,
)
from portal_pages.children.deletion import deletable, delete_child
from portal_pages.children.forms import (
    TEAM,
    ChildForm,
    PortalHandoverForm,
    SharingForm,
    TeamSettingsForm,
    person_filter,
)
from portal_pages.children.keydates import STAGE_ORDER, case_key_dates
from portal_pages.children.models import Child, StageExplanation
from portal_pages.children.stages import Stage
from portal_pages.children.timescales import DueStatus
from portal_pages.govuk.pagination import query_with
from portal_pages.govuk.rows import ListDates, url_for_id

PER_PAGE = 50
#: What a row of SEND home shows, read as plain values (see `send_home_rows`).
ROW_FIELDS = [
    "pk",
    "family_name",
    "given_name",
    "hidden",
    "moved_on_at",
    "date_of_birth",
    "setting",
    "last_activity_at",
    "shared_with_team",
    "created_by_id",
    "created_by__full_name",
    "ehc_case__stage",
]
RECENT_MONTHS = 18
VIEW_ACTION = "children.view_child"


def recent_since():
    """The start of the "Recent 18 months" window: activity on or after it counts. Counted in
    local time, so the window ends at the same clock time across a change to summer time."""
    return timezone.localtime() - relativedelta(months=RECENT_MONTHS)


def view_conditions():
    """The list's views, in the order the selector shows them."""
    return {
        "active": ("Active", Q(hidden=False, moved_on_at__isnull=True)),
        "hidden": ("Hidden", Q(hidden=True)),
        "recent": (f"Recent {RECENT_MONTHS} months", Q(last_activity_at__gte=recent_since())),
        "moved_on": ("Moved on", Q(moved_on_at__isnull=False)),
        "all": ("All", Q()),
    }


#: Whose records the list shows: every record the user can see, or only those they added.
WHOSE = {"team": "Team", "mine": "Mine"}


class StagePosition(Func):
    """Where the child's EHC stage comes in the process, for sorting by stage; -1 before the
    SEND team links a case. One simple `CASE stage WHEN ...` on the column: Django's
    `Case(When(...))` resolved the join to the case and a lookup for each of the six stages
    on every request, a sixth of the time of the sorted page's query."""

    output_field = IntegerField()

    def __init__(self):
        super().__init__(F("ehc_case__stage"))

    def as_sql(self, compiler, connection, **extra_context):
        stage_sql, stage_params = compiler.compile(self.get_source_expressions()[0])
        whens = " ".join(f"WHEN %s THEN {position}" for position, _ in enumerate(Stage))
        return (
            f"CASE {stage_sql} {whens} ELSE -1 END",
            [*stage_params, *(stage.value for stage in Stage)],
        )


SORTS = {
    "name": ("Name", ["family_name", "given_name", "pk"]),
    "dob": ("Date of birth", ["date_of_birth", "pk"]),
    "setting": ("Setting", ["setting", "family_name", "pk"]),
    "stage": ("EHC stage", [StagePosition, "family_name", "pk"]),
    "activity": ("Last activity", ["last_activity_at", "pk"]),
}


def sorted_rows(children, sort, descending):
    """`children` in the order of SEND home's column `sort`. The stage's position is an
    expression in ORDER BY, not an annotation: selecting it as a column too cost 0.2 ms
    more to build on each sorted page."""

    def order(field):
        if isinstance(field, str):
            return f"-{field}" if descending else field
        return field().desc() if descending else field().asc()

    return children.order_by(*(order(field) for field in SORTS[sort][1]))


@professional_required
def index(request):
    """SEND home: the child records the professional can see (their own and their team's
    shared ones, or only their own), filtered by person and view, sorted and paged. The
    views' counts come from one aggregate and the page from one query, so the number of
    queries does not grow with the number of children."""
    views = view_conditions()
    view = request.GET.get("view") if request.GET.get("view") in views else "active"
    whose = request.GET.get("whose") if request.GET.get("whose") in WHOSE else "team"
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "name"
    descending = request.GET.get("order") == "desc"
    person = request.GET.get("person", "").strip()[:100]

    mine = children_visible_to(request.user).filter(person_filter(person))
    if whose == "mine":
        mine = mine.filter(created_by=request.user)
    counts = mine.aggregate(
        **{key: Count("pk", filter=condition) for key, (_, condition) in views.items()}
    )
    # The page's ids are sorted and skipped in a subquery of the records alone (joined to the
    # case only to sort by stage), and only its 50 rows are joined and read in full: sorting
    # whole joined rows to skip most of them made the SQL of a deep page twice as slow.
    paginator = Paginator(
        sorted_rows(mine.filter(views[view][1]), sort, descending).values_list("pk", flat=True),
        PER_PAGE,
    )
    paginator.count = counts[view]  # already counted above: spare the database a query
    page = paginator.get_page(request.GET.get("page"))
    page_rows = sorted_rows(Child.objects.filter(pk__in=page.object_list), sort, descending)
    columns = [
        {
            "key": key,
            "label": label,
            "aria_sort": ("descending" if descending else "ascending") if key == sort else "none",
            "href": query_with(
                request.GET, sort=key, order="desc" if key == sort and not descending else "asc"
            ),
        }
        for key, (label, _) in SORTS.items()
    ]
    return render(
        request,
        "children/index.html",
        {
            "views": [(key, label, counts[key]) for key, (label, _) in views.items()],
            "view": view,
            "whose_options": WHOSE.items() if request.user.organisation_id else [],
            "whose": whose,
            "person": person,
            "columns": columns,
            "page": page,
            "rows": send_home_rows(page_rows.values(*ROW_FIELDS), request.user),
        },
    )


HIDDEN_TAG = ' <strong class="govuk-tag govuk-tag--grey">Hidden</strong>'
MOVED_ON_TAG = ' <strong class="govuk-tag govuk-tag--grey">Moved on</strong>'
NO_CASE_YET = '<span class="govuk-hint govuk-!-margin-0">Not linked to a case yet</span>'
SHARED_NOTE = '<br><span class="govuk-hint govuk-!-margin-0">Shared with the team</span>'


def send_home_rows(children, user):
    """SEND home's table rows, each with the child's name and its row's HTML.

    Building 150 model instances for 50 rows, looking their attributes up through the
    template engine and formatting dates with the `date` filter took more time than the
    rest of the page, and so did `format_html` with its escaping of every value: here the
    values come plain from the query, the dates are formatted once per list, and each row is
    one string in which only the text typed by people (names, setting) is escaped."""
    confirm_url, hide_url, unhide_url = (
        url_for_id(name) for name in ("children:confirm", "children:hide", "children:unhide")
    )
    dates = ListDates()
    local_zone = timezone.get_current_timezone()
    stages = {stage.value: escape(str(stage.label)) for stage in Stage}
    rows = []
    for child in children:
        given_name, family_name = escape(child["given_name"]), escape(child["family_name"])
        hidden = child["hidden"]
        if child["created_by_id"] == user.pk:
            added_by = "You"
        else:
            added_by = escape(child["created_by__full_name"])
        html = (
            '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
            f'<a class="govuk-link" href="{confirm_url(child["pk"])}">{family_name}, '
            f"{given_name}</a>{HIDDEN_TAG if hidden else ''}"
            f"{MOVED_ON_TAG if child['moved_on_at'] is not None else ''}</th>"
            f'<td class="govuk-table__cell">{dates.short(child["date_of_birth"])}</td>'
            f'<td class="govuk-table__cell">{escape(child["setting"] or "Not given")}</td>'
            f'<td class="govuk-table__cell">'
            f"{stages.get(child['ehc_case__stage']) or NO_CASE_YET}</td>"
            f'<td class="govuk-table__cell">'
            f"{dates.short(child['last_activity_at'].astimezone(local_zone))}</td>"
            f'<td class="govuk-table__cell">{added_by}'
            f"{SHARED_NOTE if child['shared_with_team'] else ''}</td>"
            '<td class="govuk-table__cell"><button type="submit" '
            f'formaction="{(unhide_url if hidden else hide_url)(child["pk"])}" '
            'class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" '
            f'data-module="govuk-button">{"Unhide" if hidden else "Hide"}'
            f'<span class="govuk-visually-hidden"> {given_name} {family_name}</span>'
            "</button></td></tr>"
        )
        rows.append(
            {
                "full_name": f"{child['given_name']} {child['family_name']}",
                "html": mark_safe(html),  # noqa: S308 - every typed value is escaped above
            }
        )
    return rows


def safe_next(request, default):
    """Where to go after a POST: the page it came from, if that is on this site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def set_hidden(request, child_id, hidden):
    child = get_visible_child_or_404(request.user, child_id)
    child.hidden = hidden
    child.save(update_fields=["hidden"])
    if hidden:
        messages.success(request, f"{child.full_name} is hidden. You can find them under Hidden.")
    else:
        messages.success(request, f"{child.full_name} is back in your active list.")
    return redirect(safe_next(request, reverse("children:index")))


@require_POST
@professional_required
def hide(request, child_id):
    """Hide a child from the active list; nothing is deleted."""
    return set_hidden(request, child_id, True)


@require_POST
@professional_required
def unhide(request, child_id):
    """Bring a hidden child back to the active list."""
    return set_hidden(request, child_id, False)


def edit_child(request, instance, template, saved_message):
    """Add or correct a record. A likely duplicate (same name and date of birth in the
    professional's own records) stops the save once, with the choice to save anyway."""
    form = ChildForm(request.POST or None, instance=instance)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = list(form.likely_duplicates(request.user)[:5])
        if not duplicates or request.POST.get("save_anyway") == "yes":
            child = form.save(commit=False)
            if instance is None:
                child.created_by = request.user
                child.organisation = request.user.organisation
                child.shared_with_team = bool(
                    child.organisation and child.organisation.share_new_records
                )
            child.last_activity_at = timezone.now()
            child.save()
            messages.success(request, saved_message(child))
            return redirect("children:confirm", child_id=child.pk)
    return render(request, template, {"form": form, "child": instance, "duplicates": duplicates})


@professional_required
def add(request):
    """Add Person."""
    return edit_child(
        request, None, "children/add.html", lambda child: f"{child.full_name} has been added."
    )


@professional_required
def edit(request, child_id):
    """Correct the details of a record."""
    child = get_visible_child_or_404(request.user, child_id)
    return edit_child(
        request, child, "children/edit.html", lambda child: "The details have been updated."
    )


def log_view(request, child):
    """Audit: who opened which child's record, in Wagtail's log. The entry is the one
    Wagtail's `log()` makes, saved without the validation its `save()` adds: that costs two
    queries (do the content type and the signed-in user exist?) on every view of a child."""
    entry = ModelLogEntry(
        content_type=ContentType.objects.get_for_model(child),
        label=str(child),
        action=VIEW_ACTION,
        user=request.user,
        object_id=str(child.pk),
        timestamp=timezone.now(),
        data={},
    )
    Model.save(entry)


@professional_required
def confirm(request, child_id):
    """Confirm these details: the record as held, with a way to correct it, before going on
    to the child's SEND home."""
    child = get_object_or_404(
        children_visible_to(request.user).select_related("created_by", "organisation"),
        pk=child_id,
    )
    log_view(request, child)
    return render(
        request,
        "children/confirm.html",
        {"child": child, "may_manage": may_manage(request.user, child)},
    )


@professional_required
def sharing(request, child_id):
    """Choose whether the record is private to its creator or shared with their team:
    for its creator and the organisation's team leads."""
    child = get_managed_child_or_404(request.user, child_id)
    form = SharingForm(request.POST if request.method == "POST" else None, child=child)
    if request.method == "POST" and form.is_valid():
        teams.set_sharing(child, form.cleaned_data["sharing"] == TEAM, request.user)
        if child.shared_with_team:
            messages.success(request, f"{child.full_name}'s record is shared with your team.")
        else:
            messages.success(request, f"{child.full_name}'s record is private.")
        return redirect("children:confirm", child_id=child.pk)
    return render(request, "children/sharing.html", {"child": child, "form": form})


@professional_required
def moved_on(request, child_id):
    """A team lead marks a child who left for another setting; the record stays readable."""
    child = get_visible_child_or_404(request.user, child_id)
    if not request.user.leads_team_of(child.organisation_id) or child.moved_on_at:
        raise Http404("No such child record.")
    if request.method == "POST":
        teams.mark_moved_on(child, request.user)
        messages.success(
            request,
            f"{child.full_name} is marked as moved on. Their record stays under Moved on.",
        )
        return redirect("children:home", child_id=child.pk)
    return render(request, "children/moved_on.html", {"child": child})


@professional_required
def delete(request, child_id):
    """Its creator deletes a record they no longer need, after confirming. A record with a
    submitted form is kept under the council's records policy: the page says so and offers
    hiding instead, and a POST deletes nothing."""
    child = get_own_child_or_404(request.user, child_id, deletable=deletable())
    if not child.deletable:
        status = 409 if request.method == "POST" else 200
        return render(request, "children/cannot_delete.html", {"child": child}, status=status)
    if request.method == "POST":
        delete_child(child, reason="deleted by the professional who added it", by=request.user)
        messages.success(request, f"{child.full_name}'s record has been deleted.")
        return redirect("children:index")
    return render(request, "children/delete.html", {"child": child})


def led_organisation_or_404(user):
    """The organisation `user` leads; anyone who leads none finds no team pages."""
    if not user.leads_team_of(user.organisation_id):
        raise Http404("No such page.")
    return user.organisation


@professional_required
def team(request):
    """A team lead's page: the members of their organisation with how many records each
    added, the default sharing of new records, and handing over a leaver's work."""
    organisation = led_organisation_or_404(request.user)
    form = TeamSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"share_new_records": TEAM if organisation.share_new_records else "private"},
    )
    if request.method == "POST" and form.is_valid():
        organisation.share_new_records = form.cleaned_data["share_new_records"] == TEAM
        organisation.save(update_fields=["share_new_records"])
        log(
            instance=organisation,
            action=teams.TEAM_SETTINGS_ACTION,
            user=request.user,
            data={"share_new_records": organisation.share_new_records},
        )
        messages.success(request, "Your team's setting for new records has been saved.")
        return redirect("children:team")
    members = organisation.members.annotate(
        records=Count("child_records", filter=Q(child_records__organisation=organisation))
    ).order_by("full_name")
    return render(
        request,
        "children/team.html",
        {"organisation": organisation, "members": members, "form": form},
    )


@professional_required
def handover(request, member_id):
    """Hand over a leaver's children and drafts, in one action, and suspend their account."""
    organisation = led_organisation_or_404(request.user)
    leaver = get_object_or_404(organisation.members.exclude(pk=request.user.pk), pk=member_id)
    form = PortalHandoverForm(
        request.POST if request.method == "POST" else None,
        colleagues=teams.colleagues_of(leaver),
    )
    if request.method == "POST" and form.is_valid():
        receiver = form.cleaned_data["receiver"]
        moved = teams.hand_over(leaver, request.user, receiver)
        whom = receiver.full_name if receiver else "your team"
        messages.success(
            request,
            f"{leaver.full_name}'s {moved} child record{'s' if moved != 1 else ''} and forms "
            f"have been handed over to {whom}. Their account is suspended.",
        )
        return redirect("children:team")
    return render(request, "children/handover.html", {"leaver": leaver, "form": form})


def child_home_sections(request, child):
    """HTML of every `register_child_home_section` hook, in hook order, skipping None.

    A hook returns its area's rendered template (or `format_html`): HTML already marked safe
    where its data was escaped. Anything else is text and is escaped on the page."""
    sections = []
    for build_section in hooks.get_hooks("register_child_home_section"):
        html = build_section(request, child)
        if html:
            sections.append(html)
    return sections


def stage_tracker(child, today):
    """One entry per stage in order: its explanation, whether it is done, current or still
    to come, and its key dates (only when the SEND team has linked a case). A key date that
    cannot be known yet (no review meeting set, no phase transfer) is left out."""
    case = child.ehc_case
    current = STAGE_ORDER.index(Stage(case.stage)) if case else None
    key_dates = case_key_dates(case, today) if case else []
    explanations = StageExplanation.by_stage()
    tracker = []
    for position, stage in enumerate(STAGE_ORDER):
        if current is None or position > current:
            state = "Not started"
        elif position == current:
            state = "Current stage"
        else:
            state = "Completed"
        tracker.append(
            {
                "stage": stage,
                "state": state,
                "current": position == current,
                "explanation": explanations.get(stage.value, ""),
                "key_dates": [
                    key_date
                    for key_date in key_dates
                    if key_date.stage == stage and key_date.status is not DueStatus.NOT_KNOWN
                ],
            }
        )
    return tracker


@professional_required
def home(request, child_id):
    """The child's SEND home: the stage tracker and the forms section other areas fill."""
    child = get_visible_child_or_404(request.user, child_id, deletable=deletable())
    log_view(request, child)
    return render(
        request,
        "children/home.html",
        {
            "child": child,
            "case": child.ehc_case,
            "tracker": stage_tracker(child, timezone.localdate()),
            "sections": child_home_sections(request, child),
            "may_mark_moved_on": request.user.leads_team_of(child.organisation_id),
            # Only its creator may delete a record, and only one with nothing submitted.
            "deletable": child.deletable if child.created_by_id == request.user.pk else None,
        },
    )
