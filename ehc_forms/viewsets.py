"""The SEND team's submissions workspace in the Wagtail admin: the listing of sent versions
with filters, search and sorting; a submission's page with everything sent; status changes;
downloads of its documents and its PDF."""

import json

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import ModelLogEntry, Site
from wagtail.permission_policies.base import ModelPermissionPolicy

from ehc_forms.documents import attached, stream
from ehc_forms.exporting import exported_answers, submission_record
from ehc_forms.models import Document, EHCFormPage, FormWebhook, Submission, WebhookDelivery
from ehc_forms.pdf import submission_pdf
from ehc_forms.reviewing import StatusNotAllowed, change_status, next_statuses
from ehc_forms.submitting import changes, summary, versions_of
from portal_pages.accounts.search import (
    any_part_matching,
    organisation_name_filter,
    professionals_matching,
)
from portal_pages.children.models import Child

EXPORT_ACTION = "ehc_forms.submissions_exported"
VIEW_PERMISSION = "ehc_forms.view_submission"
STATUS_PERMISSION = "ehc_forms.change_submission"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records nobody adds, edits or deletes in the admin: what professionals sent (the
    SEND team reads it and moves its status on; StatusView checks that permission itself)
    and the log of webhook deliveries."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class SubmissionFilterSet(WagtailFilterSet):
    """Filters for the submissions listing."""

    form = django_filters.ModelChoiceFilter(
        queryset=EHCFormPage.objects.defer("steps").order_by("title"), label="Form"
    )
    review_status = django_filters.ChoiceFilter(choices=Submission.Review.choices, label="Status")
    submitted_at = django_filters.DateFromToRangeFilter(
        label="Submitted", widget=DateRangePickerWidget
    )
    organisation = organisation_name_filter("author__organisation__name")
    linked = django_filters.BooleanFilter(
        field_name="child__ehc_case",
        lookup_expr="isnull",
        exclude=True,
        label="Child linked to a case",
    )

    class Meta:
        model = Submission
        fields = []


# The columns every export starts with, before the forms' own field keys.
SUBMISSION_COLUMNS = {
    "submission_reference": ("Reference", lambda s: s.reference),
    "submission_version": ("Version", lambda s: s.version_number),
    "submission_form": ("Form", lambda s: s.form.title),
    "submission_child": ("Child", lambda s: s.child.full_name),
    "submission_professional": ("Professional", lambda s: s.author.full_name),
    "submission_organisation": ("Organisation", lambda s: str(s.author.organisation or "")),
    "submission_sent_at": ("Sent at", lambda s: s.submitted_at.isoformat()),
    "submission_status": ("Status", lambda s: s.get_review_status_display()),
    "submission_edit_reason": ("Reason for this version", lambda s: s.edit_reason),
}


def as_json_text(value):
    return json.dumps(value, ensure_ascii=False)


class SubmissionIndexView(generic.IndexView):
    """Sent versions only (drafts are the professionals' own), each with the names the
    listing shows loaded in the same query.

    The filtered set exports, one row per sent version, through Wagtail's listing export
    as CSV or XLSX (the form's answers in columns named by field key; repeating groups and
    documents as JSON in their column), or as JSON (each version's answers nested in the
    shape of its form's JSON Schema)."""

    FORMAT_JSON = "json"
    FORMATS = (*generic.IndexView.FORMATS, FORMAT_JSON)
    export_filename = "submissions"
    # First, so it wins over Wagtail's own joining of lists (which holds only strings).
    custom_value_preprocess = {
        (list, dict): {
            generic.IndexView.FORMAT_CSV: as_json_text,
            generic.IndexView.FORMAT_XLSX: as_json_text,
        },
        **generic.IndexView.custom_value_preprocess,
    }
    list_export = list(SUBMISSION_COLUMNS)

    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .filter(status=Submission.Status.SUBMITTED)
            .select_related("form", "child", "author__organisation")
        )
        if self.is_export:
            return queryset.select_related("revision").defer("form__steps")
        return queryset.defer("form__steps", "answers", "step_states", "professional_details")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return submissions_matching(queryset, self.search_query)

    def get_heading(self, queryset, field):
        return SUBMISSION_COLUMNS[field][0] if field in SUBMISSION_COLUMNS else field

    def to_row_dict(self, item):
        row = {name: value(item) for name, (_label, value) in SUBMISSION_COLUMNS.items()}
        answers = exported_answers(item)
        row.update((key, answers.get(key, "")) for key in self.list_export[len(row) :])
        return row

    def as_spreadsheet(self, queryset, spreadsheet_format):
        submissions = list(queryset)
        log_export(submissions, spreadsheet_format, self.request)
        if spreadsheet_format == self.FORMAT_JSON:
            return self.json_response(submissions)
        keys = {}
        for submission in submissions:
            for step in submission.definition.steps:
                keys.update((field.key, None) for field in step.answer_fields)
        self.list_export = [*SUBMISSION_COLUMNS, *keys]
        return super().as_spreadsheet(submissions, spreadsheet_format)

    def json_response(self, submissions):
        rows = [submission_record(submission) for submission in submissions]
        response = JsonResponse(rows, safe=False, json_dumps_params={"ensure_ascii": False})
        response["Content-Disposition"] = f'attachment; filename="{self.export_filename}.json"'
        return response

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                "Download JSON",
                url=self.get_export_url(self.FORMAT_JSON),
                icon_name="download",
                priority=110,
            ),
        ]


def submissions_matching(queryset, text):
    """The versions whose reference, child's name, or author's email or name holds `text`:
    what Wagtail's search over `search_fields` finds."""
    children = Child.objects.filter(Q(given_name__icontains=text) | Q(family_name__icontains=text))
    return any_part_matching(
        queryset,
        Submission.objects.filter(reference__icontains=text),
        Submission.objects.filter(child__in=children),
        Submission.objects.filter(author__in=professionals_matching(text)),
    )


def log_export(submissions, export_format, request):
    """Audit: each exported version's history says who exported it, in which format, with
    which filters and how many rows the export held. The entries are the ones Wagtail's
    `log()` makes, written in one query however many rows the export has."""
    filters = {name: value for name, value in request.GET.items() if name != "export" and value}
    data = {"format": export_format, "filters": filters, "rows": len(submissions)}
    content_type = ContentType.objects.get_for_model(Submission)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            label=str(submission.reference_label),
            action=EXPORT_ACTION,
            user=request.user,
            object_id=str(submission.pk),
            timestamp=now,
            data=data,
        )
        for submission in submissions
    )


def sent_submission_or_404(pk):
    return get_object_or_404(
        Submission.objects.filter(status=Submission.Status.SUBMITTED).select_related(
            "revision", "form", "child__ehc_case", "author__organisation"
        ),
        pk=pk,
    )


class SubmissionHistoryView(history.HistoryView):
    """The status changes logged for a sent version, for those who may read it."""

    any_permission_required = ["view"]


class StatusForm(forms.Form):
    """The officer's next status for a sent version, and what is needed when asking for
    action."""

    status = forms.ChoiceField(label="New status")
    action_needed = forms.CharField(
        label="What the professional needs to do",
        help_text="Sent to the professional's inbox when the status is Action needed.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in next_statuses(submission)
        ]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Submission.Review.ACTION_NEEDED
            and not (cleaned.get("action_needed") or "").strip()
        ):
            self.add_error("action_needed", "Write what the professional needs to do")
        return cleaned


class SubmissionInspectView(generic.InspectView):
    """A sent version as the SEND team reads it: the child and their case, the professional
    and organisation, every answer by step, the documents, declarations, every version with
    its reason and changes, the PDF and the status."""

    template_name = "ehc_forms/admin/submission.html"

    def get_object(self, queryset=None):
        return sent_submission_or_404(self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        versions = versions_of(submission)
        context.update(
            submission=submission,
            sections=summary(submission),
            documents=attached(submission),
            versions=[
                {"version": newer, "changes": changes(older, newer) if older else None}
                for older, newer in zip([None, *versions], versions, strict=False)
            ],
            webhook_deliveries=submission.webhook_deliveries.all()[:10],
            status_form=StatusForm(submission=submission)
            if self.request.user.has_perm(STATUS_PERMISSION) and next_statuses(submission)
            else None,
        )
        return context


class StatusView(generic.base.WagtailAdminTemplateMixin, FormView):
    """Moves a sent version to its next status; errors show on the submission's page."""

    template_name = "ehc_forms/admin/status.html"
    form_class = StatusForm
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms([VIEW_PERMISSION, STATUS_PERMISSION]):
            raise PermissionDenied
        self.submission = sent_submission_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Change the status of {self.submission.reference_label}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submission": self.submission}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submission": self.submission}

    def form_valid(self, form):
        try:
            submission = change_status(
                self.submission,
                form.cleaned_data["status"],
                self.request.user,
                form.cleaned_data["action_needed"].strip(),
            )
        except StatusNotAllowed:
            form.add_error("status", "That status cannot follow the current one")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{submission.reference_label} is now {submission.get_review_status_display()}.",
        )
        return redirect("submissions:inspect", submission.pk)


def view_permission_required(view):
    def check(request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return check


@view_permission_required
def download_document(request, document_key):
    """A document from a sent version, for the SEND team."""
    document = get_object_or_404(
        Document.objects.filter(submission__status=Submission.Status.SUBMITTED), key=document_key
    )
    return stream(document)


@view_permission_required
def download_pdf(request, pk):
    submission = sent_submission_or_404(pk)
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("No site.")
    response = HttpResponse(submission_pdf(submission, site), content_type="application/pdf")
    filename = f"{submission.reference}-v{submission.version_number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SubmissionViewSet(ModelViewSet):
    """Sent forms for the SEND team: filter, search and sort them, read each one in full and
    move its status on. Nothing a professional sent can be changed here."""

    model = Submission
    icon = "doc-full"
    menu_label = "Submissions"
    name = "submissions"
    add_to_admin_menu = True
    menu_order = 190
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    history_view_class = SubmissionHistoryView
    filterset_class = SubmissionFilterSet
    search_fields = [
        "reference",
        "child__given_name",
        "child__family_name",
        "author__full_name",
        "author__email",
    ]
    list_display = [
        TitleColumn(
            "reference",
            label="Reference",
            accessor="reference_label",
            sort_key="reference",
            url_name="submissions:inspect",
        ),
        Column("form", label="Form", accessor="form", sort_key="form__title"),
        Column("child", label="Child", accessor="child", sort_key="child__family_name"),
        Column("author", label="Professional", accessor="author", sort_key="author__full_name"),
        Column(
            "organisation",
            label="Organisation",
            accessor="author.organisation",
            sort_key="author__organisation__name",
        ),
        Column("submitted_at", label="Submitted", sort_key="submitted_at"),
        Column(
            "review_status",
            label="Status",
            accessor="get_review_status_display",
            sort_key="review_status",
        ),
    ]
    ordering = ["-submitted_at"]
    list_per_page = 50
    form_fields = []

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/status/", StatusView.as_view(), name="status"),
            path("<int:pk>/pdf/", download_pdf, name="pdf"),
            path("documents/<uuid:document_key>/", download_document, name="document"),
        ]


class FormWebhookForm(WagtailAdminModelForm):
    """A form's webhook. The saved secret is never shown again, only its last characters;
    leaving the field empty keeps it."""

    url = forms.URLField(
        label="Webhook URL",
        max_length=500,
        assume_scheme="https",
        help_text=FormWebhook._meta.get_field("url").help_text,
        error_messages={"invalid": "Enter a full web address, such as https://…"},
    )
    secret = forms.CharField(
        widget=forms.PasswordInput(render_value=False),
        required=False,
        min_length=16,
        max_length=200,
        help_text="At least 16 characters, shared with the receiver to check the signature.",
        error_messages={"min_length": "Enter a secret of at least 16 characters"},
    )

    class Meta:
        model = FormWebhook
        fields = ["form", "url", "secret"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["secret"].help_text = (
                f"A secret ending {self.instance.secret_hint} is saved. Leave this empty to "
                "keep it, or enter a new one of at least 16 characters."
            )

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if secret:
            return secret
        if self.instance.pk:
            return self.instance.secret
        raise forms.ValidationError("Enter a secret of at least 16 characters")


class FormWebhookIndexView(generic.IndexView):
    """Each webhook's form is loaded with the webhook, not once per row."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("form")


class FormWebhookViewSet(ModelViewSet):
    """Administrators point a form's submissions at another system: each version sent and
    each status change is posted there, signed with the secret (ehc_forms.webhooks)."""

    model = FormWebhook
    icon = "link-external"
    menu_label = "Form webhooks"
    name = "form_webhooks"
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = FormWebhookIndexView
    list_display = ["form", "url"]

    def get_form_class(self, for_update=False):
        return FormWebhookForm


class WebhookDeliveryIndexView(generic.IndexView):
    """Each try's submission is loaded with the try, not once per row."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("submission")


class WebhookDeliveryViewSet(ModelViewSet):
    """Every try at posting a submission's event to its form's webhook, with the
    receiver's answer, newest first, for the SEND team. Nothing here can be changed."""

    model = WebhookDelivery
    icon = "resubmit"
    menu_label = "Webhook deliveries"
    name = "webhook_deliveries"
    menu_hook = "register_reports_menu_item"
    copy_view_enabled = False
    index_view_class = WebhookDeliveryIndexView
    list_display = [
        DateColumn("at", label="Time", sort_key="at"),
        Column("event", label="Event", accessor="get_event_display", sort_key="event"),
        TitleColumn(
            "submission",
            label="Submission",
            accessor="submission.reference_label",
            url_name="submissions:inspect",
            id_accessor="submission_id",
        ),
        Column("url", label="URL"),
        Column("attempt", label="Try", sort_key="attempt"),
        Column("outcome", label="Response or error"),
    ]
    list_filter = ["event"]
    search_fields = ["submission__reference", "url"]
    ordering = ["-at", "-id"]
    list_per_page = 50
    form_fields = []
