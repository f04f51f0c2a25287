"""The prefecture portal's home page, with the headline (头条) and featured items its editors pin."""

from functools import partial

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from hub.directory.queries import entry_for
from hub.tenancy.models import Department
from hub.tenancy.scoping import department_for_request, pages_q
from sites.common.blocks import RICH_TEXT_FEATURES, BodyBlock
from sites.common.models import ArticlePage, BasePage
from sites.common.queries import latest_across_sites, latest_in_site

FEATURED_MAX = 8


def portal_content_q():
    """What the headline and featured choosers accept: pages of the portal's own tree, which holds
    its own pages and the synced copies of accepted submissions (a department's original is not)."""
    portal = Department.objects.filter(kind=Department.Kind.PORTAL).first()
    if portal is None:
        return Q(pk__in=[])
    return pages_q([portal]) & Q(depth__gt=2)


def portal_page_field(**options):
    return models.ForeignKey("wagtailcore.Page", related_name="+", limit_choices_to=portal_content_q, **options)


class PortalHomePage(BasePage):
    """The portal's front page: headline, featured items, notices and the latest from every department."""

    welcome = RichTextField(_("欢迎词"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    latest_count = models.PositiveSmallIntegerField(_("每个列表的条数"), default=8)
    headline = portal_page_field(
        verbose_name=_("头条"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_(
            "置顶为首页头条的稿件（本站稿件或已采用的报送稿件）。不选时，头条为本站最新的政务要闻，部门报送的稿件不会自动成为头条。"
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                PageChooserPanel("headline", ["common.ArticlePage", "common.GovernmentDocumentPage"]),
                InlinePanel("featured_items", label=_("推荐稿件"), max_num=FEATURED_MAX),
            ],
            heading=_("头条与推荐"),
        ),
        FieldPanel("welcome"),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("latest_count")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "common.ColumnIndexPage",
        "common.StandardPage",
        "portal.TopicIndexPage",
        "portal.DepartmentIndexPage",
    ]
    max_count_per_parent = None

    search_type_label = _("网站首页")

    class Meta:
        verbose_name = _("门户网站首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = latest_in_site(self, kind="news", count=self.latest_count)
        context["notices"] = latest_in_site(self, kind="notice", count=self.latest_count)
        context["documents"] = latest_in_site(self, model="common.GovernmentDocumentPage", count=self.latest_count)
        # Callables, run by the template only when its fragment cache misses (keyed on the site
        # group's generation, hub/tenancy/generations.py): the department news and 领导之窗.
        context["department_news"] = partial(latest_across_sites, exclude_root=self, count=self.latest_count)
        context["headline"], context["featured"] = self.pinned(news=context["news"])
        context["leaders"] = partial(self.leaders, request)
        return context

    def leaders(self, request):
        """领导之窗: the portal tenant's leaders from the shared department directory."""
        department = department_for_request(request)
        if department is None or department.site.root_page_id != self.pk:
            department = self.department
        entry = entry_for(department)
        return list(entry.leaders.all()) if entry else []

    def pinned(self, news=None):
        """(headline, featured items) as this page's visitors may see them: live, public, in its
        language (a pin made on the Chinese page shows its translation on a translated home page).

        Without a pinned headline (or when it is no longer public) the headline is the newest of the
        portal's own news: synced copies of submissions enter the lists, never the headline by
        themselves. `news` is the home's news list, newest first, when the caller has it.
        """
        featured_ids = [item.page_id for item in self.featured_items.all()]
        shown = self._shown([self.headline_id, *featured_ids])
        headline = shown.get(self.headline_id) or self._newest_own_news(news)
        return headline, [shown[pk] for pk in featured_ids if pk in shown]

    def _shown(self, ids):
        """{chosen page id: the page in this home's language}, for those visitors may see."""
        ids = [pk for pk in ids if pk]
        if not ids:
            return {}
        keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        live = Page.objects.live().public().filter(translation_key__in=keys.values(), locale_id=self.locale_id)
        by_key = {page.translation_key: page for page in live.specific()}
        return {pk: by_key[key] for pk, key in keys.items() if key in by_key}

    def _newest_own_news(self, news=None):
        own = [item for item in news or [] if item.alias_of_id is None]
        if own:
            return own[0]
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id, kind=ArticlePage.Kind.NEWS, alias_of__isnull=True)
            .order_by("-date", "-pk")
            .first()
        )


class PortalFeaturedItem(Orderable):
    """One item the portal's editors feature on the home page (推荐稿件)."""

    home = ParentalKey(PortalHomePage, related_name="featured_items", on_delete=models.CASCADE)
    page = portal_page_field(verbose_name=_("稿件"), on_delete=models.CASCADE)

    panels = [PageChooserPanel("page", ["common.ArticlePage", "common.GovernmentDocumentPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("推荐稿件")
        verbose_name_plural = _("推荐稿件")
