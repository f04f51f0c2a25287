from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub.sitemaps import views as sitemap_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Tenant-scoped versions of admin screens Wagtail offers no hook for; must precede the admin.
    path("admin/", include("hub.isolation.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # One sitemap and robots.txt per tenant hostname, covering every language it publishes.
    path("sitemap.xml", sitemap_views.sitemap_xml, name="sitemap_xml"),
    path("robots.txt", sitemap_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Chinese at /, other languages under /ug/, /ky/, /en/; search before Wagtail's catch-all page route.
urlpatterns += i18n_patterns(
    path("search/", include("hub.search.urls")),
    path("feeds/", include(("hub.feeds.urls", "feeds"))),
    path("wzdt/", include("hub.sitemaps.urls")),
    path("jiucuo/", include("hub.interaction.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
