"""Addresses the frame of every page links to: its service navigation and the signed-in
session-timeout dialog."""

import functools

from django.urls import reverse


@functools.cache
def navigation_url(name):
    """The URL named `name`, which takes no arguments, worked out once per process: the
    frame asks for the same few on every page, and the URLconf does not change while
    the process runs."""
    return reverse(name)
