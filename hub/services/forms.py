"""The online application form: applicant details plus one upload per material the item lists."""

from django import forms
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hub.interaction import conf
from hub.interaction.antispam import HoneypotFormMixin
from hub.interaction.forms import TextAreaField, phone_validator
from hub.interaction.uploads import AttachmentField, upload_rules

from .models import ServiceApplication

# An application carries at most this many files and this much in all.
MAX_FILES = 10
MAX_TOTAL_SIZE_FACTOR = 3


class ApplicationForm(HoneypotFormMixin):
    applicant_name = forms.CharField(label=_("申请人姓名或单位名称"), max_length=100)
    id_number = forms.CharField(
        label=_("证件号码"),
        max_length=40,
        help_text=_("个人填写身份证号码，法人填写统一社会信用代码。"),
        validators=[RegexValidator(r"^[0-9A-Za-z\-]{6,40}$", _("证件号码只能包含字母、数字和连字符。"))],
    )
    phone = forms.CharField(label=_("联系电话"), max_length=30, validators=[phone_validator])
    email = forms.EmailField(label=_("电子邮箱"), max_length=254, required=False)
    note = TextAreaField(label=_("申请说明"), max_length=2000, rows=4, required=False)

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.material_fields = []
        for number, material in enumerate(list(item.materials.all())[:MAX_FILES], start=1):
            name = f"material_{number}"
            self.fields[name] = AttachmentField(
                label=material.name,
                required=material.required,
                help_text=format_lazy("{}{}", _("必交材料。") if material.required else _("可选。"), upload_rules()),
            )
            self.material_fields.append((name, material.name))
        if not self.material_fields:
            self.fields["material_1"] = AttachmentField(label=_("申请材料"))
            self.material_fields.append(("material_1", ""))
        self.use_friendly_messages()

    def uploads(self):
        """(material name, uploaded file) for every file given."""
        return [(label, self.cleaned_data[name]) for name, label in self.material_fields if self.cleaned_data.get(name)]

    def clean(self):
        cleaned = super().clean()
        total = sum(getattr(cleaned.get(name), "size", 0) or 0 for name, _label in self.material_fields)
        limit = conf.upload_max_size() * MAX_TOTAL_SIZE_FACTOR
        if total > limit:
            raise forms.ValidationError(
                _("上传的文件合计 %(total)s，超过了 %(limit)s 的上限。")
                % {"total": filesizeformat(total), "limit": filesizeformat(limit)}
            )
        return cleaned


class HandleApplicationForm(forms.Form):
    status = forms.ChoiceField(
        label="办理状态",
        choices=[
            (value, label)
            for value, label in ServiceApplication.Status.choices
            if value != ServiceApplication.Status.SUBMITTED
        ],
    )
    message = TextAreaField(label="办理意见（申请人可见）", max_length=5000, rows=4, required=False)
