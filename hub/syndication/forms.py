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
        label=_("Suggested portal column"),
        empty_label=_("(let the portal decide)"),
    )
    note = forms.CharField(
        label=_("Note to the portal editors"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggested_column"].queryset = columns


class AcceptForm(forms.Form):
    column = ColumnChoiceField(queryset=Page.objects.none(), label=_("Portal column"))

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].queryset = columns


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
