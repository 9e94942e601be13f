"""What every area needs when it deletes or anonymises something it logged in Wagtail's
audit log: the log keeps each object's name as its entries' label, and that name is personal
data that must go with the object."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry


def forget_names_in_log(instance, title, *models):
    """Relabel every log entry of `instance` as `title` (words with its id and no name).
    `models` are the proxy models it may also have been logged as."""
    content_types = ContentType.objects.get_for_models(
        type(instance), *models, for_concrete_models=False
    ).values()
    ModelLogEntry.objects.filter(
        content_type__in=list(content_types), object_id=str(instance.pk)
    ).update(label=title)
