from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "hub.services"
    label = "services"
    verbose_name = _("办事服务")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from hub.interaction import removal
        from hub.tenancy.signals import tenant_onboarded
        from hub.tenancy.snippets import register_tenant_owned

        from .models import ServiceApplication, ServiceItem
        from .permissions import SERVICE_GRANTS

        register_tenant_owned(ServiceItem)
        # An application is a record kept like a letter: no role deletes it.
        register_tenant_owned(ServiceApplication, kept=True)
        removal.register(ServiceApplication, files=lambda application: [f.file for f in application.files.all()])
        tenant_onboarded.connect(SERVICE_GRANTS.on_onboarding, dispatch_uid="services_grant_roles")
        post_migrate.connect(SERVICE_GRANTS.after_migrate, sender=self, dispatch_uid="services_grants")
