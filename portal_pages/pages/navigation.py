"""Addresses for the service navigation, which every page's frame builds."""

import functools

from django.urls import reverse


@functools.cache
def navigation_url(name):
    """The URL named `name`, which takes no arguments, worked out once per process: the
    navigation asks for the same few on every page, and the URLconf does not change while
    the process runs."""
    return reverse(name)
