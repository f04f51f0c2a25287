"""Defences of the public forms: a honeypot field and rate limits kept in Django's cache.

The cache is the one the site already has (local memory in one process, Redis when several
servers share it), so no extra service is needed. Limits count per client address and scope.
"""

import hashlib

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from . import conf

HONEYPOT_FIELD = "hp_homepage"


def client_address(request):
    value = request.META.get(conf.client_ip_header(), "") or request.META.get("REMOTE_ADDR", "")
    # A proxy header may list several addresses; the first is the client's.
    return value.split(",")[0].strip()[:64] or "unknown"


def _key(scope, identity):
    # Addresses are hashed so the cache never holds them in clear.
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()[:32]
    return f"hub:rate:{scope}:{digest}"


class RateLimit:
    """At most `limit` hits per `window` seconds for one identity (fixed window)."""

    def __init__(self, scope, identity):
        self.scope = scope
        self.limit, self.window = conf.rate_limit(scope)
        self.key = _key(scope, identity)

    @property
    def exceeded(self):
        return (cache.get(self.key) or 0) >= self.limit

    def hit(self):
        """Count one hit; returns whether it was still within the limit."""
        if cache.add(self.key, 1, self.window):
            return self.limit >= 1
        try:
            count = cache.incr(self.key)
        except ValueError:  # expired between add and incr
            cache.add(self.key, 1, self.window)
            count = 1
        return count <= self.limit


def for_request(request, scope):
    return RateLimit(scope, client_address(request))


# Plain words for what went wrong; Django's own messages are written for developers.
FRIENDLY_MESSAGES = {
    "required": _("请填写此项。"),
    "max_length": _("最多 %(limit_value)d 个字，您输入了 %(show_value)d 个字。"),
    "min_length": _("至少 %(limit_value)d 个字，您输入了 %(show_value)d 个字。"),
    "invalid_choice": _("请从列表中选择一项。"),
    "null_characters_not_allowed": _("内容中含有无法保存的空字符，请删除后重试。"),
}
FIELD_MESSAGES = {
    forms.EmailField: {"invalid": _("请填写有效的电子邮箱地址，例如 name@example.com。")},
    forms.ChoiceField: {"required": _("请选择此项。")},
    forms.FileField: {
        "required": _("请上传此项材料。"),
        "invalid": _("没有收到文件，请重新选择。"),
        "missing": _("没有收到文件，请重新选择。"),
        "empty": _("文件是空的，请重新选择。"),
        "max_length": _("文件名太长，请改短后重新上传。"),
    },
}


class CitizenForm(forms.Form):
    """A public form whose error messages speak to citizens."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.use_friendly_messages()

    def use_friendly_messages(self):
        """Give every field the plain messages (call again after adding fields)."""
        for field in self.fields.values():
            messages = dict(FRIENDLY_MESSAGES)
            for field_class, specific in FIELD_MESSAGES.items():
                if isinstance(field, field_class):
                    messages.update(specific)
            field.error_messages = {**field.error_messages, **messages}


class HoneypotFormMixin(CitizenForm):
    """A field people never see or fill in; automated posters usually do, and are refused."""

    hp_homepage = forms.CharField(
        label=_("请勿填写此栏"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("提交未通过安全校验，请刷新页面后重新填写。"), code="honeypot")
        return cleaned
