"""Forms of the review chain's admin screens."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class ReviewCommentForm(TaskStateCommentForm):
    """Approval: the comment is optional and goes into the approval record."""

    comment = forms.CharField(label=_("审核意见"), required=False, widget=forms.Textarea({"rows": 3}))


class ReturnForm(TaskStateCommentForm):
    """Returning a page to its author needs a comment: it is what the author reads."""

    comment = forms.CharField(
        label=_("退回意见"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("写明需要修改的地方；作者会在编辑页和通知邮件里看到这段意见。"),
    )
