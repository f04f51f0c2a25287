"""Forms staff use to act on letters and requests in the admin."""

from django import forms

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


class ReplyForm(forms.Form):
    reply = TextAreaField(label="答复内容", max_length=10000, rows=8)
    publish = forms.BooleanField(label="在网站上公开这封来信和答复", required=False)
    public_subject = forms.CharField(label="公开标题", max_length=100, required=False)
    public_body = TextAreaField(
        label="公开内容",
        required=False,
        help_text="已自动隐去电话、身份证号、邮箱和来信人姓名；请再检查一遍，删去其他可识别个人的信息。",
    )


class PublishForm(forms.Form):
    public_subject = forms.CharField(label="公开标题", max_length=100)
    public_body = TextAreaField(label="公开内容", help_text=ReplyForm.base_fields["public_body"].help_text)


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
