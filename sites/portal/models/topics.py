"""Topic pages (专题): one portal page lists every topic, and each topic's content from all departments."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from hub.taxonomy.models import Topic
from hub.tenancy.scoping import paths_q
from sites.common.across import attach_departments, originals_q, tenant_roots
from sites.common.blocks import RICH_TEXT_FEATURES
from sites.common.models import BasePage

from .mixins import PortalOnlyMixin


def paginate(request, items, per_page):
    paginator = Paginator(items, max(per_page, 1))
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class TopicIndexPage(PortalOnlyMixin, RoutablePageMixin, BasePage):
    """专题专栏: the shared topics; <topic slug>/ lists that topic's pages from every online site."""

    intro = RichTextField(_("简介"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    parent_page_types = ["portal.PortalHomePage", "common.ColumnIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("专题列表")

    def tagged_q(self, roots, prefix=""):
        """Live pages in this page's language under the online tenants' roots; synced copies left out."""
        return paths_q(list(roots), prefix=prefix) & Q(
            **{
                f"{prefix}live": True,
                f"{prefix}locale_id": self.locale_id,
                f"{prefix}alias_of__isnull": True,
                f"{prefix}depth__gt": 2,
            }
        )

    @path("")
    def topic_list(self, request):
        roots = tenant_roots(locale_id=self.locale_id)
        topics = Topic.objects.filter(is_active=True).annotate(
            item_count=Count("page_links", filter=self.tagged_q(roots, prefix="page_links__page__"))
        )
        return self.render(request, context_overrides={"topics": topics})

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def topic_detail(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        roots = tenant_roots(locale_id=self.locale_id)
        pages = (
            Page.objects.public()
            .filter(self.tagged_q(roots), topic_links__topic=topic)
            .filter(originals_q(roots))
            .specific()
            .order_by("-first_published_at", "-pk")
        )
        items = paginate(request, pages, self.per_page)
        attach_departments(items.object_list, roots)
        return self.render(
            request,
            context_overrides={"topic": topic, "items": items},
            template="portal/topic_index_page_topic.html",
        )
