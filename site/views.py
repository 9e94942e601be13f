"""Views that belong to the running service rather than to any one area."""

import sys

from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Load balancers call this; it answers 200 only when the database answers too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


# Seconds a browser or script is asked to wait before trying again after an outage.
RETRY_AFTER_SECONDS = 60


def server_error(request):
    """A plain render: the 500 page must not depend on the database or site settings.

    A database that cannot be reached (a lost or refused connection, wherever it is met:
    session, middleware or view) is not a fault of the request, so it answers 503 "try again
    in a few minutes", as JSON for scripts that ask for it."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return service_unavailable(request)
    return render(request, "500.html", status=500)


def service_unavailable(request):
    return plain_error_page(
        request,
        "503.html",
        503,
        "The service is unavailable, so your latest changes are not saved yet. Nothing you "
        "saved before has been lost. Try again in a few minutes.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def bad_request(request, exception):
    """A form larger than DATA_UPLOAD_MAX_MEMORY_SIZE gets its own 413 page; any other bad
    request Django's 400 page."""
    if isinstance(exception, RequestDataTooBig):
        return plain_error_page(
            request,
            "413.html",
            413,
            "These answers are too large to save. Nothing you saved before has been lost. "
            "Shorten the longest answer and try again.",
        )
    return defaults.bad_request(request, exception)


def plain_error_page(request, template, status, message, headers=None):
    """An error page rendered without the request's context processors (which may need the
    database), or the same message as JSON for scripts that ask for it."""
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"message": message}, status=status)
    else:
        response = HttpResponse(render_to_string(template), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response
