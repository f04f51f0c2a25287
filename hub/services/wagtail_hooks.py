from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import ServicesViewSetGroup

register_snippet(ServicesViewSetGroup)


@hooks.register("register_log_actions")
def register_services_log_actions(actions):
    actions.register_action("services.application.handle", "办理网上申请", "办理网上申请")
