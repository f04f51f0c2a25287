from django.apps import AppConfig


class IsolationFormsConfig(AppConfig):
    name = "tests.isolation.forms_app"
    label = "isolation_forms"
    default_auto_field = "django.db.models.BigAutoField"
