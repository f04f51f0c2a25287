"""Pages that put the citizen channels on a site: mailbox, consultation, service catalogue, disclosure requests.

The pages only route and render; storing, looking up and counting are done by `hub.interaction`
and `hub.services`. A submission is saved in one transaction before the citizen is redirected to
the page that shows its tracking code and password (once; reloading shows nothing again).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.interaction import antispam, consultations, disclosure, letters, public, statistics, tracking
from hub.interaction.forms import CommentForm, DisclosureRequestForm, FollowUpForm, LetterForm, LookupForm
from hub.interaction.models import DisclosureRequest, Letter
from hub.services import catalogue
from hub.services.applications import submit_application
from hub.services.forms import ApplicationForm
from hub.services.models import ServiceApplication
from hub.tenancy.models import Department

from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from .mixins import BasePage

LETTERS_PER_PAGE = 20
TOO_MANY = public.TOO_MANY
LOOKUP_FAILED = gettext_lazy("查询码或查询密码不正确，请核对后重新输入。")
LOOKUP_BLOCKED = gettext_lazy("查询失败次数过多，请一小时后再试。")


class CitizenPageMixin(RoutablePageMixin):
    """Routing helpers shared by the citizen-facing pages; `receipt_kind` names what done/ shows."""

    receipt_kind = None

    def route_url(self, request, name, *args):
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def respond(self, request, template, status=200, private=False, **context):
        context.setdefault("page_url", self.get_url(request))
        response = self.render(request, template=template, context_overrides=context)
        response.status_code = status
        return public.private(response) if private else response

    def submit(self, request, form, scope, save, refusal=None):
        """Handle a citizen's form: (redirect, 302) once stored, else (None, status) with the form's errors.

        A valid form within the rate limit for `scope` is stored by `save(cleaned_data)`, which
        returns where to go next; a `refusal` (the channel is closed) turns every post away.
        """
        return public.submit(request, form, scope, save, refusal)

    def show_receipt(self, request, kind, **values):
        """Keep the code for the receipt page (shown once); that page's address."""
        public.remember_receipt(request, kind, **values)
        return self.route_url(request, "done")

    @path("done/", name="done")
    def done(self, request):
        receipt = public.pop_receipt(request, self.receipt_kind)
        if receipt is None:
            return redirect(self.get_url(request))
        template = self.get_template(request).replace(".html", "_done.html")
        return self.respond(request, template, private=True, receipt=receipt)

    def lookup(self, request, model):
        """Look a submission up by code and password, with the failures rate-limited per address and per code."""
        form = LookupForm(request.POST or None)
        found = None
        status = 200
        if request.method == "POST":
            by_address = antispam.for_request(request, "lookup")
            by_code = antispam.RateLimit("lookup_code", tracking.normalise_code(request.POST.get("code")))
            if by_address.exceeded or by_code.exceeded:
                form.is_valid()
                form.add_error(None, LOOKUP_BLOCKED)
                status = 429
            elif form.is_valid():
                found = tracking.find(model, form.cleaned_data["code"], form.cleaned_data["password"])
                if found is None:
                    by_address.hit()
                    by_code.hit()
                    form.add_error(None, LOOKUP_FAILED)
            if found is None and status == 200:
                status = 400
        return found, form, status


def _small_number(value):
    """A short run of ASCII digits as a number, else None (look-alike digits such as ² fail int())."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 6 else None


def _year_month(request, today):
    """The statistics period the address asks for; a missing or bad year is this year, a bad month none."""
    year = _small_number(request.GET.get("year"))
    year = today.year if year is None else min(max(year, 2000), today.year)
    month = _small_number(request.GET.get("month"))
    return year, month if month is not None and 1 <= month <= 12 else None


class MailboxPage(CitizenPageMixin, BasePage):
    """A mailbox (州长信箱, 局长信箱): the letter form, look-up by code, published letters and statistics."""

    mailbox = models.ForeignKey(
        "interaction.Mailbox",
        verbose_name=gettext_lazy("信箱"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=gettext_lazy("留空：使用本站自己的信箱。"),
    )
    intro = RichTextField(gettext_lazy("简介"), blank=True, features=RICH_TEXT_FEATURES)
    notice = RichTextField(gettext_lazy("写信须知"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("mailbox"),
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("notice"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []

    receipt_kind = "letter"

    class Meta:
        verbose_name = gettext_lazy("信箱页面")

    def get_mailbox(self):
        if self.mailbox_id:
            return self.mailbox
        department = self.department
        if department is None:
            raise Http404
        return letters.ensure_mailbox(department)[0]

    @path("")
    def write(self, request):
        mailbox = self.get_mailbox()
        form = LetterForm(request.POST or None, request.FILES or None)

        def save(data):
            letter, password = letters.submit_letter(mailbox, data, attachment=data.get("attachment"))
            return self.show_receipt(
                request, "letter", code=letter.tracking_code, password=password, deadline=f"{letter.deadline:%Y-%m-%d}"
            )

        refusal = None if mailbox.is_open else _("本信箱暂停受理来信。")
        response, status = self.submit(request, form, "letter", save, refusal)
        if response is not None:
            return response
        recent = letters.published_letters(mailbox)[:5]
        return self.respond(
            request, "common/mailbox_page.html", status=status, form=form, mailbox=mailbox, recent_letters=recent
        )

    @path("query/", name="query")
    def query(self, request):
        found, form, status = self.lookup(request, Letter)
        if found is not None and found.mailbox_id == self.get_mailbox().pk:
            public.grant_access(request, found)
            return redirect(self.route_url(request, "letter_status", found.tracking_code))
        if found is not None:
            form.add_error(None, LOOKUP_FAILED)
            status = 400
        return self.respond(request, "common/mailbox_page_query.html", status=status, private=True, form=form)

    @path("query/<str:code>/", name="letter_status")
    def letter_status(self, request, code):
        letter = Letter.objects.filter(tracking_code=tracking.normalise_code(code), mailbox=self.get_mailbox()).first()
        if letter is None or not public.has_access(request, letter):
            return redirect(self.route_url(request, "query"))
        form = FollowUpForm(request.POST or None)

        def save(data):
            letters.add_follow_up(letter, data["text"])
            return self.route_url(request, "letter_status", letter.tracking_code)

        refusal = _("这封来信已不予受理，不能再补充。") if letter.status == Letter.Status.REJECTED else None
        response, status = self.submit(request, form, "follow_up", save, refusal)
        if response is not None:
            return response
        return self.respond(
            request,
            "common/mailbox_page_status.html",
            status=status,
            private=True,
            letter=letter,
            status_label=letters.status_label(letter),
            events=letters.citizen_events(letter),
            form=form,
        )

    @path("letters/", name="letters")
    def letter_list(self, request):
        paginator = Paginator(letters.published_letters(self.get_mailbox()), LETTERS_PER_PAGE)
        items = paginator.get_page(request.GET.get("page"))
        return self.respond(request, "common/mailbox_page_letters.html", items=items)

    @path("letters/<int:pk>/", name="letter")
    def letter_detail(self, request, pk):
        letter = letters.published_letters(self.get_mailbox()).filter(pk=pk).first()
        if letter is None:
            raise Http404
        return self.respond(
            request, "common/mailbox_page_letter.html", letter=letter, follow_ups=letters.published_follow_ups(letter)
        )

    @path("statistics/", name="statistics")
    def statistics_view(self, request):
        mailbox = self.get_mailbox()
        today = timezone.localdate()
        year, month = _year_month(request, today)
        owner = mailbox.department
        if owner.is_portal:
            departments = Department.objects.order_by("sort_order", "code")
        else:
            departments = [owner]
        figures = statistics.letter_statistics(year, month, departments=departments, today=today)
        return self.respond(
            request,
            "common/mailbox_page_statistics.html",
            figures=figures,
            total=statistics.totals(figures, year, month),
            year=year,
            month=month,
            years=list(range(today.year, max(today.year - 5, 1999), -1)),
            months=list(range(1, 13)),
        )


class ConsultationPage(CitizenPageMixin, BasePage):
    """A draft policy open for comment (意见征集) between two dates; afterwards, what was adopted (采纳情况)."""

    opens_on = models.DateField(gettext_lazy("开始日期"), default=datetime.date.today)
    closes_on = models.DateField(gettext_lazy("截止日期"))
    draft = StreamField(BodyBlock(), verbose_name=gettext_lazy("征求意见稿"), blank=True)
    other_channels = RichTextField(gettext_lazy("其他反馈渠道"), blank=True, features=RICH_TEXT_FEATURES)
    adoption = RichTextField(
        gettext_lazy("采纳情况"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=gettext_lazy("截止后公布：收到的意见及采纳情况。"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("draft"),
        FieldPanel("other_channels"),
        FieldPanel("adoption"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("draft"), index.SearchField("adoption")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []

    receipt_kind = "comment"

    class Meta:
        verbose_name = gettext_lazy("意见征集")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("截止日期不能早于开始日期。")})

    @property
    def phase(self):
        return consultations.phase(self.opens_on, self.closes_on).value

    @path("")
    def consultation(self, request):
        form = CommentForm(request.POST or None)

        def save(data):
            comment = consultations.submit_comment(self, self.department, data)
            return self.show_receipt(request, "comment", code=comment.receipt_code)

        closed = self.phase != consultations.Phase.OPEN.value
        refusal = _("本次意见征集不在征集期内，不能提交意见。") if closed else None
        response, status = self.submit(request, form, "comment", save, refusal)
        if response is not None:
            return response
        return self.respond(
            request,
            "common/consultation_page.html",
            status=status,
            form=form,
            phase=self.phase,
            days_left=consultations.days_left(self.closes_on),
        )


class DisclosureRequestPage(CitizenPageMixin, BasePage):
    """Disclosure on application (依申请公开): the request form and look-up; answered within 20 working days."""

    intro = RichTextField(gettext_lazy("申请须知"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []

    receipt_kind = "disclosure"

    class Meta:
        verbose_name = gettext_lazy("依申请公开页面")

    @path("")
    def apply(self, request):
        department = self.department
        if department is None:
            raise Http404
        form = DisclosureRequestForm(request.POST or None, request.FILES or None, initial={"applicant_kind": "citizen"})

        def save(data):
            item, password = disclosure.submit_request(department, data, attachment=data.get("attachment"))
            return self.show_receipt(
                request, "disclosure", code=item.tracking_code, password=password, deadline=f"{item.deadline:%Y-%m-%d}"
            )

        response, status = self.submit(request, form, "disclosure", save)
        if response is not None:
            return response
        return self.respond(request, "common/disclosure_request_page.html", status=status, form=form)

    @path("query/", name="query")
    def query(self, request):
        found, form, status = self.lookup(request, DisclosureRequest)
        if found is not None and found.department_id != getattr(self.department, "pk", None):
            found = None
            form.add_error(None, LOOKUP_FAILED)
            status = 400
        return self.respond(
            request, "common/disclosure_request_page_query.html", status=status, private=True, form=form, found=found
        )


@catalogue.register_catalogue_page
class ServiceIndexPage(CitizenPageMixin, BasePage):
    """The service catalogue (办事服务): every department's items by department, audience and life event."""

    intro = RichTextField(gettext_lazy("简介"), blank=True, features=RICH_TEXT_FEATURES)
    own_items_only = models.BooleanField(
        gettext_lazy("只列本站部门的事项"),
        default=False,
        help_text=gettext_lazy("部门网站可以只列出本部门的事项；门户网站列出所有部门的事项。"),
    )
    per_page = models.PositiveSmallIntegerField(gettext_lazy("每页条数"), default=30)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("own_items_only"), FieldPanel("per_page")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []

    receipt_kind = "application"

    class Meta:
        verbose_name = gettext_lazy("办事服务")

    def scope_departments(self):
        if self.own_items_only and self.department is not None:
            return [self.department]
        return None

    def lists(self, item):
        return not self.own_items_only or item.department_id == getattr(self.department, "pk", None)

    def item_url(self, item, request=None):
        return self.get_url(request) + self.reverse_subpage("item", args=[item.pk])

    def get_item(self, pk):
        items = catalogue.published_items(self.scope_departments()).prefetch_related("materials", "life_events")
        item = items.filter(pk=pk).first()
        if item is None:
            raise Http404
        return item

    @path("")
    def browse(self, request):
        query = catalogue.CatalogueQuery.from_querydict(request.GET)
        departments = self.scope_departments()
        paginator = Paginator(catalogue.browse(query, departments), max(self.per_page, 1))
        return self.respond(
            request,
            "common/service_index_page.html",
            query=query,
            items=paginator.get_page(request.GET.get("page")),
            events=catalogue.life_events_with_counts(departments),
            department_counts=catalogue.departments_with_counts(departments),
            audiences=[("individual", _("个人办事")), ("organisation", _("法人办事"))],
        )

    @path("item/<int:pk>/", name="item")
    def item(self, request, pk):
        item = self.get_item(pk)
        return self.respond(
            request,
            "common/service_index_page_item.html",
            item=item,
            apply_url=self.route_url(request, "apply", pk) if item.accepts_online_applications else None,
        )

    @path("item/<int:pk>/apply/", name="apply")
    def apply(self, request, pk):
        item = self.get_item(pk)
        if not item.accepts_online_applications:
            raise Http404
        form = ApplicationForm(request.POST or None, request.FILES or None, item=item)

        def save(data):
            application, password = submit_application(item, data, form.uploads())
            return self.show_receipt(
                request,
                "application",
                code=application.tracking_code,
                password=password,
                deadline=f"{application.deadline:%Y-%m-%d}",
                item=item.title,
            )

        response, status = self.submit(request, form, "application", save)
        if response is not None:
            return response
        return self.respond(request, "common/service_index_page_apply.html", status=status, item=item, form=form)

    @path("query/", name="query")
    def query(self, request):
        found, form, status = self.lookup(request, ServiceApplication)
        return self.respond(
            request, "common/service_index_page_query.html", status=status, private=True, form=form, found=found
        )
