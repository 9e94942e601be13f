"""Admin screens and portal wiring of the EHC forms area."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ehc_forms import expiry, reviewing
from ehc_forms.access import drafts_of
from ehc_forms.models import FormShare, LookupList, Submission, WebhookDelivery
from ehc_forms.views import render_child_forms
from ehc_forms.viewsets import (
    EXPORT_ACTION,
    FormWebhookViewSet,
    ReadOnlyPolicy,
    SubmissionViewSet,
    WebhookDeliveryViewSet,
)
from portal_pages.inbox.events import notify_form_shared


class LookupListViewSet(SnippetViewSet):
    """Lookup lists editors share across forms (primary need, year group, ...)."""

    model = LookupList
    icon = "list-ul"
    menu_label = "Lookup lists"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "description"]
    search_fields = ["name"]


class FormShareIndexView(IndexView):
    """Loads each share's form, child and professional with the share, not once per row."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("form", "child", "professional")


class FormShareCreateView(CreateView):
    """Sharing a form tells the professional in their inbox, once the share is saved."""

    def save_instance(self):
        share = super().save_instance()
        transaction.on_commit(lambda: notify_form_shared_with(share, self.request.user))
        return share


def notify_form_shared_with(share, shared_by):
    notify_form_shared(
        share.professional,
        share_id=share.pk,
        form_name=share.form.title,
        link_url=reverse("ehc_forms:start", args=[share.child_id, share.form_id]),
        child=share.child,
        shared_by=shared_by,
        due=share.due_date,
    )


class FormShareViewSet(ModelViewSet):
    """The SEND team shares a form that is not open to everyone with a professional for a
    child, with the date it is needed by."""

    model = FormShare
    icon = "mail"
    menu_label = "Form shares"
    add_to_admin_menu = True
    menu_order = 320
    form_fields = ["form", "child", "professional", "due_date"]
    list_display = ["form", "child", "professional", "due_date", "shared_at"]
    list_filter = ["form"]
    index_view_class = FormShareIndexView
    add_view_class = FormShareCreateView


register_snippet(LookupListViewSet)
register_permission_policy(Submission, ReadOnlyPolicy(Submission), exact_class=True)
register_permission_policy(WebhookDelivery, ReadOnlyPolicy(WebhookDelivery), exact_class=True)


@hooks.register("register_admin_viewset")
def register_form_share_viewset():
    return FormShareViewSet("form_shares")


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet()


@hooks.register("register_admin_viewset")
def register_form_webhook_viewsets():
    return [FormWebhookViewSet(), WebhookDeliveryViewSet()]


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    """The SEND team's status changes and exports, shown in a submission's history in the
    admin, and the deletion of answers under the retention rules."""
    actions.register_action(
        expiry.DELETE_ACTION, "Delete form answers", "Deleted the form's answers and files"
    )

    @actions.register_action(reviewing.STATUS_ACTION)
    class StatusChangeFormatter(LogFormatter):
        label = "Change submission status"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            labels = dict(Submission.Review.choices)
            message = (
                f"Status changed from {labels.get(data.get('old_status'))} "
                f"to {labels.get(data.get('new_status'))}"
            )
            if data.get("action_needed"):
                message += f": {data['action_needed']}"
            return message

    @actions.register_action(EXPORT_ACTION)
    class ExportFormatter(LogFormatter):
        label = "Export submissions"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            # Sorted: PostgreSQL keeps no order for a JSON object's keys.
            filters = ", ".join(
                f"{name}={value}" for name, value in sorted(data.get("filters", {}).items())
            )
            rows = data.get("rows", 0)
            return (
                f"Exported as {str(data.get('format', '')).upper()}: {rows} "
                f"{'row' if rows == 1 else 'rows'} in all, "
                f"{f'filtered by {filters}' if filters else 'no filter'}"
            )


@hooks.register("before_delete_page")
def keep_forms_that_have_answers(request, page):
    """A form that professionals have answered cannot be deleted (their drafts and
    submissions keep its revisions); unpublish it instead so no one new can start it."""
    if Submission.objects.filter(form__path__startswith=page.path).exists():
        messages.error(
            request,
            f"'{page.get_admin_display_title()}' cannot be deleted because professionals have "
            "started it. Unpublish it instead: no one new can start it, and their answers stay.",
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None


@hooks.register("register_child_records_kept")
def submitted_forms_of(child):
    """What professionals sent is kept under the council's records policy, and its child
    record with it."""
    return Submission.objects.filter(child=child, status=Submission.Status.SUBMITTED)


@hooks.register("register_child_home_section")
def child_forms_section(request, child):
    """The forms the professional can start or continue, on the child's SEND home."""
    return render_child_forms(request, child)


@hooks.register("register_portal_home_tile")
def forms_in_progress_tile(request):
    """How many forms the professional has started, linking to the list of them."""
    return {
        "title": "Forms in progress",
        "href": reverse("ehc_forms:my_drafts"),
        "count": drafts_of(request.user).count(),
        "description": "Forms you have started. Your answers are saved as you type.",
    }
