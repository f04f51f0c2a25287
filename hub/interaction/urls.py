from django.urls import path

from . import error_report_views

# Inside the language prefixes: /jiucuo/ (我要纠错), /ug/jiucuo/ …
urlpatterns = [
    path("", error_report_views.report_error, name="error_report"),
    path("done/", error_report_views.report_done, name="error_report_done"),
]
