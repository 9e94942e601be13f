"""The SEND team's dashboard panel on the Wagtail admin home."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from portal_pages.children.models import EHCCase
from portal_pages.children.stages import Stage


class OverdueCasesPanel(Component):
    """How many cases have an overdue key date, at each stage, each linking to that list."""

    name = "overdue_ehc_cases"
    template_name = "children/admin/overdue_cases_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        overdue = dict(
            EHCCase.objects.filter(next_due_on__lt=timezone.localdate())
            .values_list("stage")
            .annotate(count=Count("pk"))
            .order_by()
        )
        index = reverse("ehc-cases:index")
        rows = [
            {
                "stage": stage.label,
                "count": overdue.get(stage.value, 0),
                "url": f"{index}?{urlencode({'stage': stage.value, 'due': 'overdue'})}",
            }
            for stage in Stage
        ]
        return {"rows": rows, "total": sum(overdue.values())}
