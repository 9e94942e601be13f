"""The SEND team's Registrations screens in the Wagtail admin: the listing (a
SnippetViewSet on the `Registration` proxy), its filters, the bulk actions that approve,
reject, suspend and reactivate, and the dashboard panel counting those waiting."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from portal_pages.accounts import services
from portal_pages.accounts.models import Organisation, Registration, User


class RegistrationFilterSet(WagtailFilterSet):
    """Filters of the Registrations listing."""

    status = django_filters.MultipleChoiceFilter(
        choices=User.Status.choices, widget=forms.CheckboxSelectMultiple
    )
    organisation = django_filters.ModelChoiceFilter(queryset=Organisation.objects.all())
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
