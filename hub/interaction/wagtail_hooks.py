from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import todo  # noqa: F401  (registers the to-do panel's letters section)
from .viewsets import InteractionViewSetGroup

register_snippet(InteractionViewSetGroup)


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
        ("interaction.disclosure.accept", "受理依申请公开"),
        ("interaction.disclosure.reply", "答复依申请公开"),
        ("interaction.disclosure.reject", "依申请公开不予受理"),
    ]:
        actions.register_action(action, label, label)
