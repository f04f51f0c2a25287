from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    name = "hub.interaction"
    label = "interaction"
    verbose_name = _("互动交流")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from hub.tenancy.isolation.snippets import register_tenant_owned
        from hub.tenancy.signals import tenant_onboarded

        from . import checks  # noqa: F401
        from .models import ConsultationComment, DisclosureRequest, Letter, Mailbox
        from .permissions import INTERACTION_GRANTS

        # Every permission check on these records is valid for the tenant of the granting group only.
        for model in (Mailbox, Letter, ConsultationComment, DisclosureRequest):
            register_tenant_owned(model)

        tenant_onboarded.connect(INTERACTION_GRANTS.on_onboarding, dispatch_uid="interaction_grant_roles")
        tenant_onboarded.connect(_ensure_mailbox, dispatch_uid="interaction_ensure_mailbox")
        post_migrate.connect(INTERACTION_GRANTS.after_migrate, sender=self, dispatch_uid="interaction_grants")


def _ensure_mailbox(sender, department, steps, **kwargs):
    from .letters import ensure_mailbox

    mailbox, created = ensure_mailbox(department)
    if created:
        steps.append(f"mailbox {mailbox.name}")
