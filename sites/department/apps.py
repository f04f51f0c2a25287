from django.apps import AppConfig


class DepartmentConfig(AppConfig):
    name = "sites.department"
    label = "department"
    default_auto_field = "django.db.models.BigAutoField"
