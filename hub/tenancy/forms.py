from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Department


class OnboardingForm(forms.ModelForm):
    """What a central admin types to onboard a subsite; everything else is created for them."""

    port = forms.IntegerField(
        label=_("端口"),
        initial=80,
        min_value=1,
        max_value=65535,
        help_text=_("生产环境为 80；开发服务器为 8000。"),
    )

    class Meta:
        model = Department
        fields = ["code", "name", "short_name", "kind", "hostname", "org_code", "theme_variant"]
