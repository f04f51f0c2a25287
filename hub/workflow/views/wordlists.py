"""审校词库: the central admins read, try out and edit the word lists (plain files) in the admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hub.tenancy.scoping import is_central_admin

from ..models import WordListEdit
from ..screening import wording, wordlists
from ..screening.findings import in_context
from .base import ReviewAdminView

NEW_LIST_TEMPLATE = "# 说明这份列表收录什么。\n@名称 新列表\n@级别 提示\n\n# 错误写法 => 建议写法 | 说明\n"


class CentralAdminOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_central_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TryForm(forms.Form):
    text = forms.CharField(label=_("试查文本"), widget=forms.Textarea(attrs={"rows": 4}))


class WordListIndexView(CentralAdminOnlyMixin, ReviewAdminView):
    template_name = "workflow/wordlists/index.html"
    page_title = _("审校词库")
    header_icon = "spell-check"

    def get(self, request, *args, **kwargs):
        new_name = request.GET.get("new", "").strip().lower()
        if new_name:
            if wordlists.NAME_RE.match(new_name):
                return redirect("workflow:wordlist_edit", name=new_name)
            messages.error(request, _("列表名只能用小写字母、数字、下划线和连字符，例如 local-terms。"))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lists, version = wordlists.load()
        form = TryForm(self.request.POST or None)
        matches = []
        if form.is_bound and form.is_valid():
            text = form.cleaned_data["text"]
            for wordlist, entry, start, end in wording.find_in_text(text, lists):
                before, matched, after = in_context(text, start, end)
                matches.append({"list": wordlist, "entry": entry, "before": before, "matched": matched, "after": after})
        context.update(
            lists=lists,
            version=version,
            folder=wordlists.wordlist_dir(),
            try_form=form,
            matches=matches,
            recent_edits=WordListEdit.objects.select_related("edited_by")[:10],
        )
        return context


class EditForm(forms.Form):
    text = forms.CharField(
        label=_("列表内容"), widget=forms.Textarea(attrs={"rows": 30, "style": "font-family: monospace"})
    )


class WordListEditView(CentralAdminOnlyMixin, ReviewAdminView):
    template_name = "workflow/wordlists/edit.html"
    header_icon = "spell-check"

    def dispatch(self, request, *args, name, **kwargs):
        if not wordlists.NAME_RE.match(name):
            raise Http404
        self.name = name
        self.exists = (wordlists.wordlist_dir() / f"{name}.txt").is_file()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("审校词库")

    def get_page_subtitle(self):
        return f"{self.name}.txt"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("workflow:wordlists"), "label": _("审校词库")},
            {"url": "", "label": f"{self.name}.txt"},
        ]

    def get(self, request, *args, **kwargs):
        text = wordlists.read_text(self.name) if self.exists else NEW_LIST_TEMPLATE
        self.form = EditForm(initial={"text": text})
        self.errors = []
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.form = EditForm(request.POST)
        self.errors = []
        if self.form.is_valid():
            try:
                edit = wordlists.save_text(self.name, self.form.cleaned_data["text"], user=request.user)
            except ValueError as exc:
                self.errors = exc.args[0]
            except OSError as exc:
                self.errors = [(0, _("无法写入词库文件：%(error)s") % {"error": exc})]
            else:
                messages.success(
                    request,
                    _("已保存 %(name)s.txt：%(before)s 条 → %(after)s 条，下一次检查起生效。")
                    % {"name": self.name, "before": edit.entries_before, "after": edit.entries_after},
                )
                return redirect("workflow:wordlists")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            name=self.name,
            exists=self.exists,
            form=self.form,
            errors=self.errors,
            path=wordlists.wordlist_dir() / f"{self.name}.txt",
            history=WordListEdit.objects.filter(name=self.name).select_related("edited_by")[:20],
        )
        return context
