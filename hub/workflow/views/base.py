from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class ReviewAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin screen of the review chain: its title is the last breadcrumb."""

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]
