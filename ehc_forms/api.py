"""The JSON Schema of each live form's answers, for systems that receive submissions."""

from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.views import BaseAPIViewSet

from ehc_forms.models import EHCFormPage


class FormSchemaAPIViewSet(BaseAPIViewSet):
    """`/api/v2/form-schemas/` lists the live forms; `/api/v2/form-schemas/<id>/` is one
    form's JSON Schema, built from its published definition by the field-type registry."""

    model = EHCFormPage
    name = "form-schemas"

    def get_queryset(self):
        return EHCFormPage.objects.live().order_by("path")

    def listing_view(self, request):
        forms = self.get_queryset().defer("steps")
        return Response(
            {
                "items": [
                    {
                        "id": form.pk,
                        "title": form.title,
                        "schema_url": request.build_absolute_uri(f"{form.pk}/"),
                    }
                    for form in forms
                ]
            }
        )

    def detail_view(self, request, pk):
        # By `id` (the page's own integer key), whose lookup turns a number too large for the
        # column into no match; `pk` (the parent link) would send it to the database.
        form = self.get_queryset().filter(id=pk).first()
        if form is None:
            raise Http404("No such form.")
        schema = form.definition.json_schema(form.title)
        schema["$id"] = request.build_absolute_uri()
        return Response(schema)


API_ENDPOINTS = {"form-schemas": FormSchemaAPIViewSet}
