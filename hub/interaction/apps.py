from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    name = "hub.interaction"
    label = "interaction"
    verbose_name = _("互动交流")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from hub.tenancy.signals import tenant_onboarded
        from hub.tenancy.snippets import register_tenant_owned

        from . import checks, removal  # noqa: F401
        from .models import ConsultationComment, DisclosureRequest, ErrorReport, Letter, Mailbox
        from .permissions import INTERACTION_GRANTS

        # Every permission check on these records is valid for the tenant of the granting group only.
        register_tenant_owned(Mailbox)
        # Records citizens submit are kept: no role deletes them (the central admins remove one, logged).
        for model in (Letter, ConsultationComment, DisclosureRequest, ErrorReport):
            register_tenant_owned(model, kept=True)
        removal.register(Letter, files=lambda letter: [letter.attachment])
        removal.register(DisclosureRequest, files=lambda request: [request.attachment])
        removal.register(ConsultationComment, code_field="receipt_code")
        removal.register(ErrorReport, code_field="receipt_code")

        tenant_onboarded.connect(INTERACTION_GRANTS.on_onboarding, dispatch_uid="interaction_grant_roles")
        tenant_onboarded.connect(_ensure_mailbox, dispatch_uid="interaction_ensure_mailbox")
        post_migrate.connect(INTERACTION_GRANTS.after_migrate, sender=self, dispatch_uid="interaction_grants")


def _ensure_mailbox(sender, department, steps, **kwargs):
    from .letters import ensure_mailbox

    mailbox, created = ensure_mailbox(department)
    if created:
        steps.append(f"mailbox {mailbox.name}")
