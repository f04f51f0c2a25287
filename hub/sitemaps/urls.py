from django.urls import path

from . import views

# Inside the language prefixes: /wzdt/ (网站地图), /ug/wzdt/ …
urlpatterns = [
    path("", views.site_map_page, name="site_map"),
]
