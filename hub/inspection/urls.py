from django.urls import path

from . import views

app_name = "inspection"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("export.xlsx", views.GroupExportView.as_view(), name="export_all"),
    path("site/<str:code>/", views.SiteView.as_view(), name="site"),
    path("site/<str:code>/print/", views.PrintView.as_view(), name="print"),
    path("site/<str:code>/export.xlsx", views.SiteExportView.as_view(), name="export"),
    path("site/<str:code>/check/", views.CheckNowView.as_view(), name="check"),
    path("site/<str:code>/columns/", views.ColumnRulesView.as_view(), name="columns"),
]
