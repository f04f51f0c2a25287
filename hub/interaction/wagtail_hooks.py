from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import (
    removal,
    todo,  # noqa: F401  (registers the to-do panel's letters section)
)
from .views import RemoveRecordView
from .viewsets import InteractionViewSetGroup

register_snippet(InteractionViewSetGroup)


@hooks.register("register_admin_urls")
def register_removal_url():
    return [path("interaction/remove/", RemoveRecordView.as_view(), name="interaction_remove_record")]


class CentralAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return removal.can_remove(request.user)


@hooks.register("register_settings_menu_item")
def register_removal_menu_item():
    return CentralAdminMenuItem(
        _("删除记录"), reverse("interaction_remove_record"), icon_name="bin", order=900, name="remove-record"
    )


@hooks.register("register_log_actions")
def register_interaction_log_actions(actions):
    for action, label in [
        ("interaction.letter.accept", "受理来信"),
        ("interaction.letter.forward", "转办来信"),
        ("interaction.letter.reply", "答复来信"),
        ("interaction.letter.publish", "公开来信"),
        ("interaction.letter.unpublish", "撤销公开来信"),
        ("interaction.letter.message", "回复来信人补充"),
        ("interaction.letter.reject", "来信不予受理"),
        ("interaction.letter.archive", _("归档来信")),
        ("interaction.letter.restore", _("取消归档来信")),
        ("interaction.record.remove", _("删除记录")),
        ("interaction.disclosure.accept", "受理依申请公开"),
        ("interaction.disclosure.reply", "答复依申请公开"),
        ("interaction.disclosure.reject", "依申请公开不予受理"),
        ("interaction.error_report.reply", _("答复纠错")),
        ("interaction.error_report.close", _("办结纠错")),
    ]:
        actions.register_action(action, label, label)
