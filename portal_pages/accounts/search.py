"""Admin searches by part of a name: professionals and organisations, which the listings
reach through a join (registrations, messages by recipient, submissions by author), and the
union that lets each part of a search use its own index."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q


def any_part_matching(queryset, *parts):
    """`queryset` narrowed to the rows any of `parts` (querysets of its model) finds, each part
    asked of its own table and their ids joined in a UNION, so on PostgreSQL each uses its
    trigram index: one OR across the joins had to read every row."""
    first, *rest = (part.order_by().values("pk") for part in parts)
    return queryset.filter(pk__in=first.union(*rest))


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
