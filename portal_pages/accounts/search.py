"""Finding professionals and organisations by part of a name, for the admin listings that
reach them through a join (registrations, messages by recipient, submissions by author)."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q


def professionals_matching(text):
    """The accounts whose email or full name holds `text`: on PostgreSQL each column's
    trigram index answers it."""
    return get_user_model().objects.filter(Q(email__icontains=text) | Q(full_name__icontains=text))


def organisation_name_filter(field_name):
    """A listing filter by part of an organisation's name. Typed rather than chosen: a council
    has thousands of organisations, and a list of every one would cost each page of the
    listing more than its rows do."""
    return django_filters.CharFilter(
        label="Organisation",
        field_name=field_name,
        lookup_expr="icontains",
        help_text="Part of its name",
    )
