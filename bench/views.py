"""The floor of the bench: a view that does nothing but answer through the middleware."""

from django.http import HttpResponse


def hello(request):
    return HttpResponse("Hello, world")
