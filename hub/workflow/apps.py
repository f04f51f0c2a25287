from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "hub.workflow"
    label = "workflow"
    verbose_name = _("三审")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from hub.tenancy.signals import tenant_onboarded

        from . import notifications
        from .provisioning import provision_new_locale_root, provision_on_onboarding

        tenant_onboarded.connect(provision_on_onboarding, dispatch_uid="workflow_provision_tenant")
        post_save.connect(provision_new_locale_root, dispatch_uid="workflow_provision_locale_root")
        notifications.register_signal_handlers()
