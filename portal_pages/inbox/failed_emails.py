""" "Failed emails" in the admin: every email whose last try failed, so the SEND team can
tell the person another way or send it again once mail works."""

from django.urls import path, reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from portal_pages.accounts.emails import send_account_email
from portal_pages.accounts.models import Registration
from portal_pages.inbox.models import Message
from portal_pages.inbox.tasks import email_new_message

EMAIL_TASKS = [send_account_email.module_path, email_new_message.module_path]
# Who may see the listing: the SEND team, who decide registrations. Nobody changes task
# results here.
SEND_TEAM_POLICY = ModelPermissionPolicy(Registration)


class FailedEmail:
    """What the listing shows of a failed email task: its kind and addresses, never the
    body (a sign-in code or a link)."""

    def __init__(self, result):
        self.result = result
        self.failed_at = result.finished_at
        self.error = result.exception_class_path.rpartition(".")[2]
        args = result.args_kwargs["args"]
        if result.task_path == send_account_email.module_path:
            self.kind = args[0].replace("_", " ").capitalize()
            self.to = ", ".join(args[1])
        else:
            self.kind = "New message alert"
            message = Message.objects.filter(pk=args[0]).select_related("recipient").first()
            self.to = message.recipient.email if message else "(message deleted)"


class FailedEmailIndexView(generic.IndexView):
    """The listing, newest failure first."""

    model = DBTaskResult
    page_title = "Failed emails"
    header_icon = "warning"
    paginate_by = 50
    index_url_name = "failed_emails:index"
    index_results_url_name = "failed_emails:index_results"
    permission_policy = SEND_TEAM_POLICY
    permission_required = "view"
    columns = [
        Column("kind", label="Email"),
        Column("to", label="To"),
        DateColumn("failed_at", label="Last try"),
        Column("error", label="Error"),
    ]

    def get_base_queryset(self):
        return DBTaskResult.objects.filter(
            status=TaskResultStatus.FAILED, task_path__in=EMAIL_TASKS
        ).order_by("-finished_at")

    def get_table(self, object_list):
        return super().get_table([FailedEmail(result) for result in object_list])


class FailedEmailsMenuItem(MenuItem):
    def is_shown(self, request):
        return SEND_TEAM_POLICY.user_has_permission(request.user, "view")


class FailedEmailViewSet(ViewSet):
    """ "Failed emails" in the admin's Reports menu."""

    name = "failed_emails"
    icon = "warning"
    menu_label = "Failed emails"
    menu_hook = "register_reports_menu_item"
    menu_item_class = FailedEmailsMenuItem

    @property
    def menu_url(self):
        return reverse("failed_emails:index")

    def get_urlpatterns(self):
        index = FailedEmailIndexView.as_view()
        results = FailedEmailIndexView.as_view(results_only=True)
        return [path("", index, name="index"), path("results/", results, name="index_results")]
