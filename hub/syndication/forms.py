from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ColumnChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # Sub-columns are indented under their column, as in the portal's menu.
        return f"{'— ' * max(obj.depth - 3, 0)}{obj.title}"


class SubmitForm(forms.Form):
    suggested_column = ColumnChoiceField(
        queryset=Page.objects.none(),
        required=False,
        label=_("建议的门户网站栏目"),
        empty_label=_("（由门户网站决定）"),
    )
    note = forms.CharField(label=_("给门户网站编辑的留言"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggested_column"].queryset = columns


class AcceptForm(forms.Form):
    column = ColumnChoiceField(queryset=Page.objects.none(), label=_("门户网站栏目"))

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].queryset = columns


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}))


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
