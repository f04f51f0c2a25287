from django.urls import path, re_path

from . import views

urlpatterns = [
    path("rss.xml", views.feed, {"kind": "rss"}, name="site_rss"),
    path("atom.xml", views.feed, {"kind": "atom"}, name="site_atom"),
    re_path(r"^(?P<column_path>[-\w/]+)/rss\.xml$", views.feed, {"kind": "rss"}, name="column_rss"),
    re_path(r"^(?P<column_path>[-\w/]+)/atom\.xml$", views.feed, {"kind": "atom"}, name="column_atom"),
]
