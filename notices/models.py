"""Current-issue banners: a notice editors draft, preview, schedule and publish."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.rich_text import expand_db_html
from wagtail.search import index


class Notice(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, ClusterableModel):
    """A GOV.UK notification banner about a current issue, such as a known problem with a
    form's output. Shown before the page heading wherever its placement says; the go-live
    and expiry times are Wagtail's scheduled publishing."""

    class Severity(models.TextChoices):
        INFORMATION = "information", "Information"
        IMPORTANT = "important", "Important"
        CRITICAL = "critical", "Critical"

    class Placement(models.TextChoices):
        EVERYWHERE = "everywhere", "Every page"
        SIGN_IN = "sign_in", "Sign-in and registration pages"
        FORMS = "forms", "Pages of the chosen EHC forms"
        SEND_HOME = "send_home", "SEND home (children's records)"
        MESSAGES = "messages", "Messages"
        GUIDANCE = "guidance", "Guidance"

    title = models.CharField(
        "internal title",
        max_length=120,
        help_text="For editors only: names the notice in the admin, never shown to users.",
    )
    message = RichTextField(features=["bold", "italic", "link", "ol", "ul"])
    severity = models.CharField(
        max_length=20,
        choices=Severity.choices,
        default=Severity.IMPORTANT,
        help_text="Information notices can be dismissed; Important and Critical ones cannot. "
        "Critical ones are announced to screen readers as soon as the page opens.",
    )
    placement = models.CharField(
        "where it shows", max_length=20, choices=Placement.choices, default=Placement.EVERYWHERE
    )
    forms = ParentalManyToManyField(
        "ehc_forms.EHCFormPage",
        blank=True,
        related_name="+",
        help_text="For 'Pages of the chosen EHC forms': the forms whose start page, task list, "
        "steps and other pages show the notice.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="notice")

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("severity"),
        MultiFieldPanel([FieldPanel("placement"), FieldPanel("forms")], "Where it shows"),
        # Go-live and expiry times, in the editor's status side panel.
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("message")]

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "notices/notice_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["preview_notices"] = [BannerNotice.from_notice(self)]
        return context


@dataclass(frozen=True)
class BannerNotice:
    """What a page needs to draw one live notice, kept in the cache instead of the model so
    a cached page frame never touches the database."""

    id: int
    severity: str
    placement: str
    message_html: str
    form_ids: frozenset = frozenset()
    go_live_at: datetime | None = None
    expire_at: datetime | None = None

    @classmethod
    def from_notice(cls, notice, form_ids=()):
        return cls(
            id=notice.pk,
            severity=notice.severity,
            placement=notice.placement,
            message_html=expand_db_html(notice.message),
            form_ids=frozenset(form_ids),
            go_live_at=notice.go_live_at,
            expire_at=notice.expire_at,
        )

    @property
    def heading(self):
        return Notice.Severity(self.severity).label

    @property
    def is_critical(self):
        return self.severity == Notice.Severity.CRITICAL

    @property
    def dismissible(self):
        return self.severity == Notice.Severity.INFORMATION

    def in_force(self, now):
        """Between its go-live and expiry times: the expiry is honoured to the second even
        before the scheduled-publishing command has unpublished the notice."""
        started = self.go_live_at is None or self.go_live_at <= now
        return started and (self.expire_at is None or now < self.expire_at)

    def shows_on(self, placements, form_id):
        """Whether a page with these placements (and this EHC form, if any) shows it."""
        if self.placement == Notice.Placement.EVERYWHERE:
            return True
        if self.placement == Notice.Placement.FORMS:
            return form_id in self.form_ids
        return self.placement in placements
