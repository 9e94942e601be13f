"""The SEND team's admin screens: EHC cases, professionals' child records and linking one
to the other. Every change goes through `cases`, which logs it."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.views.snippets import SnippetViewSet

from portal_pages.accounts.admin_views import AdminFormPage
from portal_pages.accounts.models import Registration, User
from portal_pages.children import cases, teams
from portal_pages.children.forms import CHILD_DETAIL_FIELDS, HandoverForm
from portal_pages.children.keydates import case_key_dates
from portal_pages.children.models import Child, EHCCase, StageExplanation
from portal_pages.children.stages import Stage
from portal_pages.children.timescales import DUE_SOON_DAYS

CASE_PERMISSION = "children.change_ehccase"


def due_filter(queryset, today, due):
    """Cases with an open key date overdue, or due within the due-soon window."""
    if due == "overdue":
        return queryset.filter(next_due_on__lt=today)
    if due == "soon":
        soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
        return queryset.filter(next_due_on__gte=today, next_due_on__lte=soon)
    return queryset


class EHCCaseFilterSet(WagtailFilterSet):
    """Filters for the case listing: stage, due soon or overdue key dates, and closed."""

    stage = django_filters.ChoiceFilter(choices=Stage.choices, label="Stage")
    closed = django_filters.BooleanFilter(
        field_name="closed_on", lookup_expr="isnull", exclude=True, label="Closed"
    )
    due = django_filters.ChoiceFilter(
        choices=[("overdue", "Overdue"), ("soon", f"Due in the next {DUE_SOON_DAYS} days")],
        label="Key dates",
        method="filter_due",
    )

    class Meta:
        model = EHCCase
        fields = ["stage"]

    def filter_due(self, queryset, name, value):
        return due_filter(queryset, timezone.localdate(), value)


class EHCCaseEditView(generic.EditView):
    """Saving a case logs a stage change and tells `case_stage_changed` listeners."""

    def save_instance(self):
        old_stage = self.form.initial.get("stage")
        case = super().save_instance()
        cases.case_saved(case, self.request.user, old_stage)
        return case


class EHCCaseCreateView(generic.CreateView):
    """A new case starts its key dates like any other save."""

    def save_instance(self):
        case = super().save_instance()
        cases.case_saved(case, self.request.user, None)
        return case


class KeyDatesPanel(Panel):
    """Read-only: every key date of the case as the timescales work it out from the dates
    recorded below, with its status today, so the officer never works one out by hand."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "children/admin/key_dates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.pk:
                context["key_dates"] = case_key_dates(self.instance, timezone.localdate())
            return context


class NextKeyDateColumn(Column):
    """The earliest open key date with its status, so overdue cases stand out in the list."""

    def get_value(self, instance):
        today = timezone.localdate()
        open_dates = [key_date for key_date in case_key_dates(instance, today) if key_date.open]
        if not open_dates:
            return "None open"
        first = min(open_dates, key=lambda key_date: key_date.due)
        return f"{first.label}: {first.due:%-d %b %Y} ({first.status.value})"


class EHCCaseIndexView(generic.IndexView):
    """Each case's buttons with those other areas add through `register_ehc_case_buttons`
    (each hook takes the case and the user and returns a list of ListingButtons)."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for case_buttons in hooks.get_hooks("register_ehc_case_buttons"):
            buttons.extend(case_buttons(instance, self.request.user))
        return buttons


class EHCCaseViewSet(ModelViewSet):
    """EHC cases as the SEND team holds them: the child's identity, the stage and the actual
    dates. Due dates are never entered: they are worked out from the dates recorded here."""

    model = EHCCase
    icon = "folder-open-inverse"
    menu_label = "EHC cases"
    name = "ehc-cases"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EHCCaseIndexView
    edit_view_class = EHCCaseEditView
    add_view_class = EHCCaseCreateView
    filterset_class = EHCCaseFilterSet
    search_fields = ["reference", "given_name", "family_name", "upn"]
    list_display = [
        "reference",
        Column("name", label="Name", accessor=lambda case: f"{case.given_name} {case.family_name}"),
        "date_of_birth",
        "stage",
        NextKeyDateColumn("next_due_on", label="Next key date", sort_key="next_due_on"),
        "closed_on",
    ]
    list_export = [
        "reference",
        "given_name",
        "family_name",
        "date_of_birth",
        "stage",
        "next_due_on",
    ]
    ordering = ["next_due_on", "reference"]
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("reference"),
                FieldRowPanel([FieldPanel("given_name"), FieldPanel("family_name")]),
                FieldPanel("date_of_birth"),
                FieldRowPanel(
                    [FieldPanel("upn"), FieldPanel("nhs_number"), FieldPanel("home_postcode")]
                ),
            ],
            "The council's record of the child",
        ),
        FieldRowPanel([FieldPanel("stage"), FieldPanel("closed_on")]),
        KeyDatesPanel(heading="Key dates", help_text="Worked out from the dates recorded below."),
        MultiFieldPanel(
            [
                FieldPanel("request_received_on"),
                FieldPanel("decision_on"),
                FieldRowPanel(
                    [FieldPanel("advice_requested_on"), FieldPanel("advice_received_on")]
                ),
                FieldPanel("issue_decision_on"),
                FieldRowPanel(
                    [FieldPanel("draft_plan_issued_on"), FieldPanel("draft_comments_received_on")]
                ),
                FieldPanel("final_plan_issued_on"),
            ],
            "Assessment and plan: dates reached",
        ),
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed_on"),
                FieldPanel("review_meeting_on"),
                FieldRowPanel(
                    [
                        FieldPanel("review_advice_sent_on"),
                        FieldPanel("review_report_sent_on"),
                        FieldPanel("review_decision_on"),
                    ]
                ),
                FieldRowPanel([FieldPanel("phase_transfer_on"), FieldPanel("transfer_to_post_16")]),
                FieldPanel("phase_transfer_amended_on"),
            ],
            "Review and transfer: dates reached",
        ),
    ]


class ChildFilterSet(WagtailFilterSet):
    """Child records by whether the SEND team has linked them to a case yet."""

    linked = django_filters.BooleanFilter(
        field_name="ehc_case", lookup_expr="isnull", exclude=True, label="Linked to a case"
    )

    class Meta:
        model = Child
        fields = []


class FullPagePaginator(WagtailPaginator):
    """Asks the database for a whole page even when the count says fewer rows are left.
    Told `LIMIT 1` (a name search with one match), PostgreSQL, which never expects fewer
    than one record in 10,000 to match a pattern, counts on meeting that one early in name
    order and reads the name index through half a million records; asking for a full page
    keeps it on the trigram indexes, and a page still holds only the rows there are."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)


class ChildIndexView(generic.IndexView):
    """Adds "Link to a case" to each record's buttons for those allowed to link."""

    paginator_class = FullPagePaginator

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("created_by", "organisation", "ehc_case")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm(CASE_PERMISSION):
            buttons.append(
                ListingButton(
                    "Link to a case" if instance.ehc_case_id is None else "Change case link",
                    url=reverse("child-records:link", args=[instance.pk]),
                    icon_name="link",
                    priority=5,
                )
            )
            if instance.moved_on_at is None:
                buttons.append(
                    ListingButton(
                        "Mark as moved on",
                        url=reverse("child-records:moved_on", args=[instance.pk]),
                        icon_name="arrow-right",
                        priority=6,
                    )
                )
        return buttons


class LinkForm(forms.Form):
    """The case a professional's record belongs to, with the SEND team's confirmation that
    they compared the details."""

    reference = forms.CharField(label="EHC case reference", max_length=30)
    details_checked = forms.BooleanField(
        label="I have checked that the name, date of birth and identifiers match the case",
        error_messages={"required": "Confirm that you have checked the details"},
    )

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        try:
            return EHCCase.objects.get(reference__iexact=reference)
        except EHCCase.DoesNotExist as error:
            raise forms.ValidationError(f"There is no EHC case {reference}") from error


def likely_cases(child):
    """Cases that may be this child: the same UPN, or the same date of birth and a name
    that matches either way round."""
    same_person = Q(date_of_birth=child.date_of_birth) & (
        Q(family_name__iexact=child.family_name) | Q(given_name__iexact=child.given_name)
    )
    if child.upn:
        same_person |= Q(upn=child.upn)
    return EHCCase.objects.filter(same_person).order_by("reference")[:10]


class LinkChildView(generic.base.WagtailAdminTemplateMixin, FormView):
    """Compare a professional's record with the council's cases and link it to one (or take
    an existing link off)."""

    template_name = "children/admin/link_child.html"
    form_class = LinkForm
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms([CASE_PERMISSION, "children.view_child"]):
            raise PermissionDenied
        self.child = get_object_or_404(
            Child.objects.select_related("created_by__organisation", "ehc_case"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Link {self.child.full_name} to an EHC case"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("child-records:index"), "label": "Child records"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        suggestions = list(likely_cases(self.child))
        if self.child.ehc_case:
            return {"reference": self.child.ehc_case.reference}
        if len(suggestions) == 1:
            return {"reference": suggestions[0].reference}
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(child=self.child, suggestions=likely_cases(self.child))
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "unlink" and self.child.ehc_case:
            reference = self.child.ehc_case.reference
            cases.unlink(self.child, request.user)
            messages.success(request, f"{self.child.full_name} is no longer linked to {reference}.")
            return redirect("child-records:index")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        case = form.cleaned_data["reference"]
        cases.link(self.child, case, self.request.user)
        messages.success(self.request, f"{self.child.full_name} is linked to {case.reference}.")
        return redirect("child-records:index")


class MovedOnView(AdminFormPage):
    """The SEND team marks a record whose child moved to another setting: its team keeps
    reading it, and it gets no more messages, reminders or new forms."""

    header_icon = "arrow-right"
    permissions = [CASE_PERMISSION, "children.view_child"]
    submit_label = "Mark as moved on"
    cancel_url_name = "child-records:index"

    def get_object(self, pk):
        return get_object_or_404(
            Child.objects.select_related("organisation", "created_by"), pk=pk, moved_on_at=None
        )

    def get_page_title(self):
        return f"Mark {self.object.full_name} as moved on"

    def get_intro(self):
        return [
            f"The record held by {self.object.organisation or self.object.created_by} stays "
            "readable to that team for its history. It gets no more stage-change messages, "
            "key-date reminders or new forms, and leaves their Active list.",
            "Link the new setting's own record to the case as usual.",
        ]

    def form_valid(self, form):
        teams.mark_moved_on(self.object, self.request.user)
        messages.success(self.request, f"{self.object.full_name} is marked as moved on.")
        return redirect("child-records:index")


class HandoverView(AdminFormPage):
    """The SEND team hands over a leaver's work, as their team lead can in the portal."""

    header_icon = "user"
    permissions = ["accounts.change_registration"]
    submit_label = "Hand over and suspend"
    cancel_url_name = "wagtailsnippets_accounts_registration:list"

    def get_object(self, pk):
        return get_object_or_404(Registration.objects.filter(organisation__isnull=False), pk=pk)

    def get_form(self, form_class=None):
        return HandoverForm(**self.get_form_kwargs(), colleagues=teams.colleagues_of(self.object))

    def get_page_title(self):
        return f"Hand over {self.object.full_name}'s work"

    def get_intro(self):
        leaver = self.object
        return [
            f"Every child record {leaver.full_name} added for {leaver.organisation}, and "
            "every form they started and did not send, moves in one step to the colleague "
            "you choose, or becomes shared with the team. Forms keep their history with the "
            "original authors.",
            "Their account is suspended. They and the colleague are told.",
        ]

    def form_valid(self, form):
        receiver = form.cleaned_data["receiver"]
        moved = teams.hand_over(self.object, self.request.user, receiver)
        messages.success(
            self.request,
            f"{self.object.full_name}'s work ({moved} child records) is handed over to "
            f"{receiver.full_name if receiver else 'their team'}; their account is suspended.",
        )
        return redirect(self.cancel_url_name)


def handover_button(instance, user, next_url=None):
    """ "Hand over their work" on each registration of a member of an organisation."""
    if not isinstance(instance, Registration) or instance.organisation_id is None:
        return []
    if not user.has_perm("accounts.change_registration"):
        return []
    if instance.status not in (User.Status.APPROVED, User.Status.SUSPENDED):
        return []
    return [
        ListingButton(
            "Hand over their work",
            reverse("child-records:handover", args=[instance.pk]),
            priority=30,
        )
    ]


class ChildViewSet(ModelViewSet):
    """Professionals' child records, read-only to the SEND team apart from linking each to
    the council's EHC case once the details are checked."""

    model = Child
    icon = "group"
    menu_label = "Child records"
    name = "child-records"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ChildIndexView
    filterset_class = ChildFilterSet
    search_fields = ["given_name", "family_name", "upn"]
    list_display = [
        "family_name",
        "given_name",
        "date_of_birth",
        Column("created_by", label="Recorded by", accessor="created_by"),
        Column("organisation", label="Organisation", accessor="organisation"),
        Column(
            "shared_with_team",
            label="Seen by",
            accessor=lambda child: "The team" if child.shared_with_team else "Its creator",
        ),
        "setting",
        Column("ehc_case", label="EHC case", accessor=lambda child: child.ehc_case or "Not linked"),
        Column(
            "moved_on_at",
            label="Moved on",
            accessor=lambda child: f"{child.moved_on_at:%-d %b %Y}" if child.moved_on_at else "",
        ),
    ]
    ordering = ["family_name", "given_name"]
    list_per_page = 50
    inspect_view_fields_exclude = ["id"]
    # Only superusers get the edit screen: the SEND team has no change permission on
    # professionals' records and links them through LinkChildView instead.
    form_fields = [*CHILD_DETAIL_FIELDS, "hidden"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/link/", LinkChildView.as_view(), name="link"),
            path("<int:pk>/moved-on/", MovedOnView.as_view(), name="moved_on"),
            path("member/<int:pk>/hand-over/", HandoverView.as_view(), name="handover"),
        ]


class SENDViewSetGroup(ModelViewSetGroup):
    """The SEND team's menu: cases first, then the professionals' records to link."""

    menu_label = "SEND"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (EHCCaseViewSet, ChildViewSet)


class StageExplanationViewSet(SnippetViewSet):
    """The words under each stage of the professionals' stage tracker, one per stage."""

    model = StageExplanation
    icon = "list-ol"
    menu_label = "Stage explanations"
    list_display = ["stage"]
