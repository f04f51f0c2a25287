"""Forms staff use to act on letters and requests in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hub.tenancy.models import Department

from .forms import TextAreaField
from .models import DisclosureRequest


class NoteForm(forms.Form):
    note = forms.CharField(label="内部备注（来信人看不到）", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ForwardForm(NoteForm):
    department = forms.ModelChoiceField(label="转交单位", queryset=Department.objects.none())

    def __init__(self, *args, letter=None, **kwargs):
        super().__init__(*args, **kwargs)
        departments = Department.objects.order_by("sort_order", "code")
        if letter is not None:
            departments = departments.exclude(pk=letter.department_id)
        self.fields["department"].queryset = departments


PUBLIC_HELP = "已自动隐去电话、身份证号、邮箱和来信人姓名；请再检查一遍，删去其他可识别个人的信息。"


class PublicVersionForm(forms.Form):
    """The public version of a letter: each text prefilled masked, editable, masked again when published."""

    public_subject = forms.CharField(label="公开标题", max_length=100, required=False)
    public_body = TextAreaField(label="公开内容", required=False, help_text=PUBLIC_HELP)
    public_reply = TextAreaField(
        label=_("公开的答复内容"),
        required=False,
        help_text=_("留空则公开隐去个人信息后的答复；填写的内容公开前同样隐去个人信息。"),
    )
    publish_follow_ups = forms.BooleanField(
        label=_("同时公开来信人的补充和工作人员的回复（隐去个人信息）"), required=False, initial=True
    )


class ReplyForm(PublicVersionForm):
    reply = TextAreaField(label="答复内容", max_length=10000, rows=8)
    publish = forms.BooleanField(label="在网站上公开这封来信和答复", required=False)
    field_order = ["reply", "publish", "public_subject", "public_body", "public_reply", "publish_follow_ups"]


class PublishForm(PublicVersionForm):
    public_subject = forms.CharField(label="公开标题", max_length=100)
    public_body = TextAreaField(label="公开内容", help_text=PUBLIC_HELP)


class MessageForm(forms.Form):
    text = TextAreaField(label="回复来信人的补充说明", max_length=5000, rows=4)


class RejectForm(forms.Form):
    reason = TextAreaField(label="不予受理的理由（来信人可见）", max_length=2000, rows=3)


class DisclosureAnswerForm(forms.Form):
    action = forms.ChoiceField(
        label="操作", choices=[("accept", "受理"), ("reply", "答复"), ("reject", "不予受理")], widget=forms.RadioSelect
    )
    decision = forms.ChoiceField(
        label="答复类型", choices=[("", "—")] + DisclosureRequest.Decision.choices, required=False
    )
    reply = TextAreaField(label="答复内容或不予受理理由（申请人可见）", max_length=10000, required=False)
    note = forms.CharField(label="内部备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RemoveRecordForm(forms.Form):
    code = forms.CharField(
        label=_("查询码或回执号"),
        max_length=40,
        help_text=_("来信、依申请公开、网上申请的查询码，或征集意见的回执号。"),
    )
    reason = forms.CharField(
        label=_("删除理由"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("记入操作日志。"),
    )
    confirm = forms.BooleanField(label=_("我确认删除这条记录，删除后不能恢复"))


class ErrorReportReplyForm(forms.Form):
    reply = TextAreaField(label=_("处理意见"), max_length=2000, rows=4)
    close = forms.BooleanField(label=_("办结"), required=False, initial=True)
