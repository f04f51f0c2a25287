from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class ReviewAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin screen of the review chain: its title is the last breadcrumb."""

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]


class PageReviewAdminView(ReviewAdminView):
    """A review-chain screen about one page (`self.page`, set in dispatch): the page is the subtitle and
    the breadcrumb before the screen's title, linking to its editor."""

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]
