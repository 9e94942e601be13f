"""The SEND team's screens for a closed case: download its portal data, then delete it."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.admin.auth import permission_required
from wagtail.admin.widgets.button import ListingButton

from portal_pages.accounts.admin_views import AdminFormPage
from portal_pages.children.models import EHCCase
from retention import cases


def closed_case_or_404(pk):
    return get_object_or_404(EHCCase, pk=pk, closed_on__isnull=False)


@require_GET
@permission_required(cases.PERMISSION)
def export_case_data(request, pk):
    """The ZIP of a closed case's portal data; downloading it allows the deletion."""
    case = closed_case_or_404(pk)
    response = HttpResponse(cases.export_zip(case, request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="case-{case.pk}-portal-data.zip"'
    response["Cache-Control"] = "no-store"
    return response


class ConfirmDeletionForm(forms.Form):
    stored = forms.BooleanField(
        label="I have stored the downloaded export in the council's records",
        error_messages={"required": "Confirm that you have stored the export"},
    )


class DeleteCaseDataView(AdminFormPage):
    """What deleting a closed case's portal data removes, the export to download first and
    the confirmation; refused until an export has been downloaded since the case closed."""

    template_name = "retention/admin/delete_case_data.html"
    form_class = ConfirmDeletionForm
    header_icon = "bin"
    permissions = [cases.PERMISSION]
    submit_label = "Delete the portal data"
    cancel_url_name = "ehc-cases:index"

    def get_object(self, pk):
        return closed_case_or_404(pk)

    def get_page_title(self):
        return f"Delete the portal data of {self.object.reference}"

    def get_intro(self):
        return [
            f"The case was closed on {self.object.closed_on:%-d %B %Y}. Download its portal "
            "data, store it in the council's records, then delete it from the portal.",
            "Deleting removes the professionals' child records linked to the case, every form "
            "sent or started for them with their files, the messages about them, and the "
            "portal's copy of the case. It cannot be undone.",
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contents=cases.contents(self.object),
            export_url=reverse("closed_cases:export", args=[self.object.pk]),
            exported=cases.exported_since_closed(self.object),
            **kwargs,
        )

    def form_valid(self, form):
        if not cases.exported_since_closed(self.object):
            form.add_error(None, "Download the export before deleting the portal data.")
            return self.form_invalid(form)
        reference = self.object.reference
        cases.delete_case_data(self.object, self.request.user)
        messages.success(self.request, f"The portal data of {reference} has been deleted.")
        return redirect("ehc-cases:index")


def case_data_button(case, user):
    """ "Export and delete portal data" on each closed case, for those allowed."""
    if case.closed_on is None or not user.has_perm(cases.PERMISSION):
        return []
    return [
        ListingButton(
            "Export and delete portal data",
            reverse("closed_cases:delete", args=[case.pk]),
            icon_name="bin",
            priority=40,
        )
    ]
