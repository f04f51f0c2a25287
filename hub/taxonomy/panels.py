"""Editor panels page types use to attach the shared classification; sites import these, hub never imports sites."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultipleChooserPanel


def topic_panel():
    """Pick any number of topics (专题) at once; the links live on every page type (`page.topic_links`)."""
    return MultipleChooserPanel(
        "topic_links",
        chooser_field_name="topic",
        heading=_("专题"),
        label=_("专题"),
        help_text=_("专题由各站点共用，由中心管理员维护列表。"),
    )
