"""Admin screens for submissions to the portal: offer a page, work the queue, see what became of it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from hub.tenancy.scoping import department_for_page, departments_for_user

from .actions import (
    AcceptSubmission,
    RejectSubmission,
    SubmitToPortal,
    SyndicationError,
    WithdrawSubmission,
    can_review,
    can_submit,
    portal_columns,
)
from .forms import AcceptForm, OptionalReasonForm, ReasonForm, SubmitForm
from .models import Submission

RECENT = 30


def _submissions():
    return Submission.objects.select_related(
        "department", "page", "column", "copy", "suggested_column", "submitted_by", "decided_by"
    )


def _own(user):
    return _submissions().filter(department__in=departments_for_user(user))


def _visible(user, pk):
    """A submission the user may see: any for the portal's reviewers, else their own tenants' only."""
    queryset = _submissions() if can_review(user) else _own(user)
    return get_object_or_404(queryset, pk=pk)


def _render(request, template, title, context):
    context.update({"page_title": title, "header_title": title, "header_icon": "upload"})
    return TemplateResponse(request, template, context)


def index(request):
    reviewer = can_review(request.user)
    own = list(_own(request.user).exclude(department__kind="portal")[:RECENT]) if not reviewer else []
    context = {
        "reviewer": reviewer,
        "pending": list(_submissions().pending().order_by("submitted_at")) if reviewer else [],
        "decided": list(_submissions().exclude(status=Submission.Status.PENDING).order_by("-decided_at")[:RECENT])
        if reviewer
        else [],
        "own": own,
    }
    if not reviewer and not departments_for_user(request.user).exists():
        raise PermissionDenied
    return _render(request, "syndication/index.html", _("信息报送"), context)


def detail(request, pk):
    submission = _visible(request.user, pk)
    reviewer = can_review(request.user)
    columns = portal_columns(locale_id=submission.page.locale_id, page_model=submission.page.specific_class)
    initial = {"column": submission.suggested_column_id}
    context = {
        "submission": submission,
        "reviewer": reviewer,
        "accept_form": AcceptForm(columns=columns, initial=initial),
        "reject_form": ReasonForm(),
        "withdraw_form": OptionalReasonForm(),
        "can_withdraw": _can(WithdrawSubmission(submission, user=request.user)),
    }
    return _render(request, "syndication/detail.html", submission.title, context)


def _can(action):
    try:
        action.check()
    except (PermissionDenied, SyndicationError):
        return False
    return True


def submit(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    department = department_for_page(page)
    if not can_submit(request.user, page, department):
        raise PermissionDenied
    columns = portal_columns(locale_id=page.locale_id, page_model=page.specific_class)
    form = SubmitForm(request.POST or None, columns=columns)
    if request.method == "POST" and form.is_valid():
        action = SubmitToPortal(
            page,
            user=request.user,
            suggested_column=form.cleaned_data["suggested_column"],
            note=form.cleaned_data["note"],
        )
        try:
            submission = action.execute()
        except SyndicationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("“%(title)s”正等待门户网站编辑处理。") % {"title": page.title})
            return redirect("syndication:detail", submission.pk)
    standing = Submission.objects.active().filter(page=page).first()
    return _render(
        request,
        "syndication/submit.html",
        _("报送门户网站"),
        {"page": page, "form": form, "standing": standing, "department": department},
    )


def _decide(request, pk, form_class, make_action, done_message):
    submission = _visible(request.user, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("请改正表单：%(errors)s") % {"errors": form.errors.as_text()})
        return redirect("syndication:detail", pk)
    try:
        make_action(submission, form.cleaned_data).execute()
    except SyndicationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done_message % {"title": submission.title})
    return redirect("syndication:detail", pk)


@require_POST
def accept(request, pk):
    submission = _visible(request.user, pk)
    columns = portal_columns(locale_id=submission.page.locale_id, page_model=submission.page.specific_class)
    return _decide(
        request,
        pk,
        lambda data: AcceptForm(data, columns=columns),
        lambda s, data: AcceptSubmission(s, user=request.user, column=data["column"]),
        _("“%(title)s”已在门户网站上显示。"),
    )


@require_POST
def reject(request, pk):
    return _decide(
        request,
        pk,
        ReasonForm,
        lambda s, data: RejectSubmission(s, user=request.user, reason=data["reason"]),
        _("“%(title)s”已退回部门。"),
    )


@require_POST
def withdraw(request, pk):
    return _decide(
        request,
        pk,
        OptionalReasonForm,
        lambda s, data: WithdrawSubmission(s, user=request.user, reason=data["reason"]),
        _("“%(title)s”已撤回。"),
    )
