"""Public forms: every field says what is wrong with it, and a bound form keeps what was typed."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .antispam import CitizenForm, HoneypotFormMixin
from .models import DisclosureRequest, ErrorReport, Letter
from .uploads import AttachmentField

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{4,24}$", _("请填写有效的电话号码，例如 13912345678 或 0908-4221234。")
)
# Codes typed by hand: letters, digits, spaces and hyphens.
code_validator = RegexValidator(r"^[0-9A-Za-z \-]{6,30}$", _("查询码由字母和数字组成，请核对后重新输入。"))

MAX_TEXT = 5000


def normalise_text(value):
    """Line endings unified, trailing spaces trimmed; everything else is kept as typed."""
    return re.sub(r"[ \t]+\n", "\n", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


class TextAreaField(forms.CharField):
    def __init__(self, *args, max_length=MAX_TEXT, rows=8, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(*args, max_length=max_length, **kwargs)

    def to_python(self, value):
        return normalise_text(super().to_python(value))


class LetterForm(HoneypotFormMixin):
    name = forms.CharField(label=_("姓名"), max_length=50)
    phone = forms.CharField(label=_("联系电话"), max_length=30, required=False, validators=[phone_validator])
    email = forms.EmailField(label=_("电子邮箱"), max_length=254, required=False)
    subject = forms.CharField(label=_("信件标题"), max_length=100)
    category = forms.ChoiceField(label=_("信件类别"), choices=[("", _("请选择"))] + Letter.Category.choices)
    body = TextAreaField(label=_("信件内容"), help_text=_("请写明事情经过、诉求和涉及的地点，不超过5000字。"))
    publish_allowed = forms.BooleanField(
        label=_("同意公开"),
        required=False,
        help_text=_("答复后，信件内容和答复可在网站上公开，您的姓名和联系方式不会公开。"),
    )
    attachment = AttachmentField(label=_("附件"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and "phone" not in self.errors:
            if "email" not in self.errors:
                self.add_error("phone", _("请至少填写联系电话或电子邮箱中的一项，以便我们答复您。"))
        return cleaned


class CodeField(forms.CharField):
    """Full-width letters and digits (typed with a Chinese input method) count as the plain ones."""

    def to_python(self, value):
        return unicodedata.normalize("NFKC", super().to_python(value))


class LookupForm(CitizenForm):
    code = CodeField(label=_("查询码"), max_length=30, validators=[code_validator])
    password = forms.CharField(
        label=_("查询密码"), max_length=64, widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )


class FollowUpForm(HoneypotFormMixin):
    text = TextAreaField(label=_("补充说明"), max_length=2000, rows=5)


class CommentForm(HoneypotFormMixin):
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    organisation = forms.CharField(label=_("单位"), max_length=100, required=False)
    contact = forms.CharField(
        label=_("联系方式"), max_length=100, required=False, help_text=_("电话或电子邮箱，仅用于就您的意见联系您。")
    )
    section = forms.CharField(label=_("涉及条款"), max_length=100, required=False)
    text = TextAreaField(label=_("意见建议"))


class DisclosureRequestForm(HoneypotFormMixin):
    applicant_kind = forms.ChoiceField(
        label=_("申请人类型"), choices=DisclosureRequest.ApplicantKind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("姓名或单位名称"), max_length=100)
    id_number = forms.CharField(
        label=_("证件号码"),
        max_length=40,
        help_text=_("公民填写身份证号码；法人或其他组织填写统一社会信用代码。"),
        validators=[RegexValidator(r"^[0-9A-Za-z\-]{6,40}$", _("证件号码只能包含字母、数字和连字符。"))],
    )
    contact_person = forms.CharField(label=_("联系人"), max_length=50, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30, validators=[phone_validator])
    email = forms.EmailField(label=_("电子邮箱"), max_length=254, required=False)
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    postcode = forms.CharField(
        label=_("邮政编码"),
        max_length=10,
        required=False,
        validators=[RegexValidator(r"^[0-9]{6}$", _("邮政编码为6位数字。"))],
    )
    description = TextAreaField(label=_("所需信息的内容描述"), max_length=3000)
    document_hint = forms.CharField(label=_("文件名称、文号"), max_length=200, required=False)
    medium = forms.ChoiceField(label=_("载体形式"), choices=DisclosureRequest.Medium.choices)
    delivery = forms.ChoiceField(label=_("获取方式"), choices=DisclosureRequest.Delivery.choices)
    attachment = AttachmentField(label=_("身份证明"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delivery") == DisclosureRequest.Delivery.EMAIL and not cleaned.get("email"):
            if "email" not in self.errors:
                self.add_error("email", _("选择电子邮件获取时，请填写电子邮箱。"))
        if cleaned.get("delivery") == DisclosureRequest.Delivery.POST and not cleaned.get("address"):
            if "address" not in self.errors:
                self.add_error("address", _("选择邮寄获取时，请填写通信地址。"))
        return cleaned


def page_address(value):
    """A path on this site (the address the report is about), never another site's address."""
    value = (value or "").strip()
    if not value.startswith("/") or value.startswith("//") or "\\" in value or any(ch < " " for ch in value):
        raise ValidationError(_("页面地址应为本网站的地址，例如 /zwgk/。"), code="page_url")


class ErrorReportForm(HoneypotFormMixin):
    page_url = forms.CharField(label=_("页面地址"), max_length=500, validators=[page_address])
    page_title = forms.CharField(label=_("页面标题"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("错误类型"), choices=[("", _("请选择"))] + ErrorReport.Kind.choices)
    description = TextAreaField(
        label=_("错误描述"), max_length=2000, rows=5, help_text=_("请写明错误所在的位置和正确的内容，不超过2000字。")
    )
    contact = forms.CharField(
        label=_("联系方式"), max_length=100, required=False, help_text=_("选填：电话或电子邮箱，仅用于就纠错联系您。")
    )
