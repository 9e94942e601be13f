"""The SEND team's Registrations and Organisations screens in the Wagtail admin: the
registrations listing (a SnippetViewSet on the `Registration` proxy), its filters, the bulk
actions that approve, reject, suspend and reactivate, and the dashboard panel counting those
waiting; the organisations viewset, where duplicates are merged and members listed."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.views.generic import FormView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from portal_pages.accounts import services
from portal_pages.accounts.models import Organisation, Registration, User
from portal_pages.accounts.search import organisation_name_filter


class RegistrationFilterSet(WagtailFilterSet):
    """Filters of the Registrations listing."""

    status = django_filters.MultipleChoiceFilter(
        choices=User.Status.choices, widget=forms.CheckboxSelectMultiple
    )
    organisation = organisation_name_filter("organisation__name")
    email_domain = django_filters.CharFilter(
        label="Email domain", method="filter_email_domain", help_text="For example sch.uk"
    )
    date_joined = django_filters.DateFromToRangeFilter(
        label="Registration date", widget=DateRangePickerWidget
    )

    class Meta:
        model = Registration
        fields = ["status", "organisation", "email_domain", "date_joined"]

    def filter_email_domain(self, queryset, name, value):
        domain = value.strip().lstrip("@").lower()
        return queryset.filter(email__iendswith=domain) if domain else queryset


class RegistrationIndexView(IndexView):
    """The listing, with each row's decisions returning to it as the officer left it."""

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *decision_buttons(instance, self.request.user, self.request.get_full_path()),
        ]


class RegistrationViewSet(SnippetViewSet):
    """ "Registrations" in the admin menu: every professional, whatever their status."""

    model = Registration
    index_view_class = RegistrationIndexView
    icon = "user"
    menu_label = "Registrations"
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "registrations"
    filterset_class = RegistrationFilterSet
    search_fields = ["full_name", "email"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-date_joined"]
    list_display = [
        "full_name",
        "email",
        Column("organisation", label="Organisation"),
        Column("job_title", label="Job title"),
        Column("get_status_display", label="Status", sort_key="status"),
        DateColumn("date_joined", label="Registered"),
    ]
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "email",
        "job_title",
        "phone",
        "organisation",
        "status",
        "is_team_lead",
        "status_reason",
        "date_joined",
        "email_confirmed_at",
        "status_changed_at",
    ]
    panels = [
        FieldPanel("full_name"),
        FieldPanel("job_title"),
        FieldPanel("phone"),
        FieldPanel("organisation"),
        FieldPanel("is_team_lead"),
    ]


class ReasonForm(forms.Form):
    """The reason the SEND team gives when it rejects or suspends an account."""

    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Sent to the professional in the email that tells them.",
    )


class DecisionBulkAction(SnippetBulkAction):
    """One of `services.DECISIONS` applied to the chosen registrations. Each is checked
    against its status; those it does not apply to are left as they are and counted."""

    decision = None
    models = [Registration]
    template_name = "accounts/admin/confirm_decision.html"

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_form_class(self):
        return ReasonForm if self.decision.needs_reason else forms.Form

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.decision}

    def get_execution_context(self):
        reason = self.cleaned_form.cleaned_data.get("reason", "")
        return {"by": self.request.user, "reason": reason, "decision": self.decision}

    @classmethod
    def execute_action(cls, objects, by=None, reason="", decision=None, **kwargs):
        changed = sum(services.decide(decision, obj, by=by, reason=reason) for obj in objects)
        return changed, len(objects) - changed

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = f"{self.decision.log_message}: {num_parent_objects}."
        if num_child_objects:
            message += (
                f" {num_child_objects} left unchanged because their status does not allow it."
            )
        return message


def make_bulk_action(decision, priority):
    return type(
        f"{decision.name.title()}BulkAction",
        (DecisionBulkAction,),
        {
            "decision": decision,
            "display_name": decision.label,
            "action_type": decision.name,
            "aria_label": f"{decision.label} selected registrations",
            "action_priority": priority,
        },
    )


BULK_ACTIONS = [
    make_bulk_action(decision, priority)
    for priority, decision in enumerate(services.DECISIONS, start=10)
]


def listing_url(next_url):
    """Where to return after an action: the listing with its search and filters. A search or
    filter reloads only the listing's results fragment, whose address is no page to land on."""
    listing = reverse("wagtailsnippets_accounts_registration:list")
    results = reverse("wagtailsnippets_accounts_registration:list_results")
    path, _, query = (next_url or listing).partition("?")
    if path == results:
        path = listing
    return path + (f"?{query}" if query else "")


def decision_buttons(instance, user, next_url):
    """The same actions on each row, through the bulk action's confirmation page."""
    if not user.has_perm("accounts.change_registration"):
        return []
    return [
        ListingButton(
            decision.label,
            reverse("wagtail_bulk_action", args=["accounts", "registration", decision.name])
            + "?"
            + urlencode({"id": instance.pk, "next": listing_url(next_url)}),
            priority=10 + index,
        )
        for index, decision in enumerate(services.DECISIONS)
        if instance.status in decision.allowed_from
    ]


class AwaitingApprovalPanel(Component):
    """Dashboard panel: how many professionals are waiting for the SEND team."""

    name = "registrations_awaiting_approval"
    order = 50
    template_name = "accounts/admin/awaiting_approval_panel.html"

    def get_context_data(self, parent_context):
        return {
            "count": Registration.objects.filter(status=User.Status.EMAIL_CONFIRMED).count(),
            "url": reverse("wagtailsnippets_accounts_registration:list")
            + "?status=email_confirmed",
        }


# Merging needs no delete permission: the duplicate is deleted only by the merge itself,
# once its members have moved, so the SEND team never deletes an organisation directly.
MERGE_PERMISSION = "accounts.change_organisation"


class OrganisationInspectView(generic.InspectView):
    """An organisation with its members, their account status and who leads the team."""

    def get_field_label(self, field_name, field):
        if field_name == "members":
            return "Members"
        return super().get_field_label(field_name, field)

    def get_members_display_value(self):
        members = self.object.members.order_by("full_name")
        if not members:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} ({}): {}{}</li>",
                (
                    (
                        member.full_name,
                        member.email,
                        member.get_status_display(),
                        ", team lead" if member.is_team_lead else "",
                    )
                    for member in members
                ),
            ),
        )


class OrganisationIndexView(generic.IndexView):
    """Counts each organisation's members in the listing's one query, and offers the merge
    of a duplicate on each row."""

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(member_count=Count("members"))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm(MERGE_PERMISSION):
            buttons.append(
                ListingButton(
                    "Merge into another organisation",
                    url=reverse("organisations:merge", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=20,
                )
            )
        return buttons


class MergeForm(forms.Form):
    """The organisation to keep when this one turns out to be a duplicate of it."""

    kept = forms.ModelChoiceField(
        label="Keep this organisation",
        queryset=Organisation.objects.none(),
        help_text="Members, their child records and forms move to it; this one is deleted.",
        error_messages={"required": "Choose the organisation to keep"},
    )
    confirm = forms.BooleanField(
        label="I have checked that both are the same school, setting or service",
        error_messages={"required": "Confirm that they are the same organisation"},
    )


class AdminFormPage(generic.base.WagtailAdminTemplateMixin, FormView):
    """An admin page that explains an action in a few paragraphs and asks for a form to
    confirm it. Subclasses load `self.object` in `get_object` and say who may use it."""

    template_name = "accounts/admin/form_page.html"
    form_class = forms.Form
    permissions = []
    submit_label = "Confirm"
    cancel_url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(self.permissions):
            raise PermissionDenied
        self.object = self.get_object(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, pk):
        raise NotImplementedError

    def get_intro(self):
        """The paragraphs above the form."""
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            intro=self.get_intro(),
            submit_label=self.submit_label,
            warning=True,
            cancel_url=reverse(self.cancel_url_name),
            **kwargs,
        )


class MergeOrganisationView(AdminFormPage):
    """Merge a duplicate made at registration into the organisation the SEND team keeps."""

    form_class = MergeForm
    header_icon = "resubmit"
    permissions = [MERGE_PERMISSION]
    submit_label = "Merge"
    cancel_url_name = "organisations:index"

    def get_object(self, pk):
        return get_object_or_404(Organisation, pk=pk)

    def get_page_title(self):
        return f"Merge {self.object}"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["kept"].queryset = Organisation.objects.exclude(pk=self.object.pk)
        return form

    def get_intro(self):
        duplicate = self.object
        members = duplicate.members.count()
        return [
            f"{duplicate} ({duplicate.get_kind_display()}, URN {duplicate.urn or 'not given'}, "
            f"postcode {duplicate.postcode or 'not given'}) has {members} "
            f"member{'s' if members != 1 else ''}.",
            "Merging moves them, with their child records and forms, to the organisation "
            "you keep. The merge is recorded in the kept organisation's history.",
        ]

    def form_valid(self, form):
        kept = form.cleaned_data["kept"]
        moved = services.merge_organisations(self.object, kept, self.request.user)
        messages.success(
            self.request,
            f"{self.object} is merged into {kept}: "
            f"{moved} member{'s' if moved != 1 else ''} moved.",
        )
        return redirect("organisations:inspect", kept.pk)


class OrganisationFilterSet(WagtailFilterSet):
    """Organisations by kind and whether the SEND team has confirmed them."""

    class Meta:
        model = Organisation
        fields = ["kind", "confirmed"]


class OrganisationViewSet(ModelViewSet):
    """ "Organisations": the schools, settings and services professionals register with.
    The SEND team confirms each (name, type, URN, postcode), merges duplicates made at
    registration, sets whether new records are shared with the team, and sees the members
    (team leads are chosen on each member's registration)."""

    model = Organisation
    icon = "home"
    menu_label = "Organisations"
    menu_order = 160
    add_to_admin_menu = True
    name = "organisations"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = OrganisationInspectView
    index_view_class = OrganisationIndexView
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "urn", "postcode"]
    list_per_page = 50
    ordering = ["name"]
    list_display = [
        "name",
        Column("get_kind_display", label="Type", sort_key="kind"),
        "urn",
        "postcode",
        Column("member_count", label="Members", sort_key="member_count"),
        BooleanColumn("confirmed"),
        BooleanColumn("share_new_records", label="Shares new records"),
    ]
    inspect_view_fields = [
        "name",
        "kind",
        "urn",
        "postcode",
        "confirmed",
        "share_new_records",
        "created_at",
        "members",
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("urn"), FieldPanel("postcode")]),
        FieldPanel("confirmed"),
        FieldPanel("share_new_records"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/merge/", MergeOrganisationView.as_view(), name="merge"),
        ]
