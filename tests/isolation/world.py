"""A two-department site group with content of every kind an editor can reach in the admin.

Each tenant gets a Uyghur locale root besides its Chinese one, a live page with an unpublished
draft, a never-published page, a locked page, a page in moderation, a live leader's page whose only
child (a speech) is unpublished, a never-published leader's page, an unpublished mailbox page, an
image, a document, a redirect, per-site options, a 友情链接 snippet, its 信箱, a form page with a
submission, a translation in progress and one user per role. Every name carries the tenant's key,
so a test can tell whether anything of the other tenant shows up on a screen.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage, WorkflowTask
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from hub.interaction.error_reports import submit_report
from hub.interaction.letters import submit_letter
from hub.interaction.models import Letter, Mailbox
from hub.linkcheck.models import LinkSource, Outcome, OutsideLink
from hub.tenancy.models import TenantGroup
from hub.tenancy.onboarding import ensure_central_admin_group, onboard_site
from hub.tenancy.owned import FriendlyLink, SiteOptions
from sites.common.models import ArticlePage, LeaderProfilePage, MailboxPage, SpeechPage
from tests.factories import public_details

from .forms_app.models import SurveyField, SurveyPage

ROLES = ("webmaster", "editor", "reviewer")
REAL_NAMES = {"webmaster": "站长", "editor": "编辑员", "reviewer": "审核员"}


@dataclass
class Tenant:
    key: str
    department: object
    groups: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    root: object = None
    column: object = None
    live: object = None  # published, with an unpublished draft on top
    draft: object = None  # never published
    locked: object = None
    moderated: object = None  # in moderation, never published
    leader: object = None  # a live leader's page whose only child is an unpublished speech
    speech: object = None  # never published (a SpeechPage, with a leader page field)
    leader_draft: object = None  # a leader's page never published
    mailbox_page: object = None  # never published (a MailboxPage, with a 信箱 field)
    mailbox: object = None
    letter: object = None  # a citizen's letter, closed (不予受理), not archived
    error_report: object = None  # a citizen's 纠错 report about its live page, open
    ug_root: object = None
    ug_page: object = None
    survey: object = None
    submission: object = None
    image: object = None
    document: object = None
    redirect: object = None
    link: object = None
    options: object = None
    translation: object = None

    @property
    def live_title(self):
        return f"{self.key}公开稿"

    @property
    def private_markers(self):
        """Strings only this tenant's own editors (and central admins) may ever meet in the admin."""
        return [
            f"{self.key}草稿标题",  # the unpublished draft title of a live page
            f"{self.key}未发布稿",  # a page never published
            f"{self.key}审核稿",  # a page in moderation
            f"{self.key}讲话未发布稿",  # the unpublished speech under the live leader's page
            f"{self.key}领导未发布稿",  # a leader's page never published
            f"{self.key}信箱页",  # a mailbox page never published
            f"{self.key}信箱名",  # its 信箱 (a tenant-owned record)
            f"{self.key}来信标题",  # a citizen's letter to it
            f"{self.key}纠错内容",  # a citizen's error report about one of its pages
            f"{self.key}锁定稿草稿",
            f"{self.key}问卷草稿",
            f"{self.key}提交内容",  # a form submission
            f"{self.key}图片",
            f"{self.key}-photo",  # image file name
            f"{self.key}文件",
            f"{self.key}-report",  # document file name
            f"/{self.key}-old",  # redirect path
            f"{self.key}友情链接",
            f"{self.key}-deadlink",  # an outside link the checker reports broken
            f"{self.key}-wechat",  # per-site option value
            f"{self.key}内部标签",  # a tag on its image
            f"{self.key}文件标签",  # a tag on its document
            f"{self.key}自查问题",  # an inspection finding (made by the inspection probes)
            f"{self.key}暂无说明",  # a column's 暂无信息 note
            *(f"{self.key}_{role}" for role in ROLES),  # user names
            *(f"{self.key}{name}" for name in REAL_NAMES.values()),  # real names
            *(group.name for group in self.groups.values()),  # its groups
        ]

    @property
    def content_markers(self):
        """Its private markers that are content (titles, files, paths, values), not people or groups."""
        people = {f"{self.key}_{role}" for role in ROLES} | {f"{self.key}{name}" for name in REAL_NAMES.values()}
        groups = {group.name for group in self.groups.values()}
        return [marker for marker in self.private_markers if marker not in people | groups]

    @property
    def public_markers(self):
        """What the public sees; other tenants may meet these only where linking needs them."""
        return [self.live_title, f"{self.key}维文稿", f"{self.key}领导之窗", self.department.name]


def _user(username, name, groups):
    user = get_user_model().objects.create_user(
        username=username, password="pw", first_name=name, email=f"{username}@example.org"
    )
    user.groups.add(*groups)
    return user


def _reload(user):
    # Permissions are cached on user objects; a fresh object sees grants made since.
    return get_user_model().objects.get(pk=user.pk)


def _review_workflow(tenant):
    """A one-step review by the tenant's reviewers on its column, so the test does not depend on
    which review chain the installation gives new sites."""
    task = GroupApprovalTask.objects.create(name=f"{tenant.key}审核")
    task.groups.add(tenant.groups["reviewer"], tenant.groups["webmaster"])
    workflow = Workflow.objects.create(name=f"{tenant.key}流程")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=tenant.column, workflow=workflow)


def build_tenant(key, name, short_name, link_to=None):
    """One tenant; its never-published page links to `link_to` (another tenant's page) if given."""
    department = onboard_site(
        code=key,
        name=name,
        hostname=f"{key}.localhost",
        short_name=short_name,
        **public_details(key, name, ord(key[-1])),
    ).department
    tenant = Tenant(key=key, department=department)
    tenant.groups = {tg.role: tg.group for tg in TenantGroup.objects.filter(department=department)}
    for role in ROLES:
        tenant.users[role] = _user(f"{key}_{role}", f"{key}{REAL_NAMES[role]}", [tenant.groups[role]])
    editor, webmaster = tenant.users["editor"], tenant.users["webmaster"]

    tenant.root = department.site.root_page.specific
    tenant.column = tenant.root.get_children().get(slug="gzdt").specific
    # The world keeps pages of every type in one column, so it is a general column (综合栏目), which
    # accepts them all; the news column's own kind is tested in tests/sites/test_column_kinds.py.
    tenant.column.column_kind = "general"
    tenant.column.save(update_fields=["column_kind"])
    _review_workflow(tenant)

    live = tenant.column.add_child(instance=ArticlePage(title=tenant.live_title, slug=f"{key}-live", owner=editor))
    live.save_revision(user=editor).publish(user=webmaster)
    live.title = f"{key}草稿标题"
    live.save_revision(user=editor, log_action=True)
    tenant.live = Page.objects.get(pk=live.pk).specific

    body = []
    if link_to is not None:
        body = [("paragraph", RichText(f'<p><a linktype="page" id="{link_to.pk}">{key}引用</a></p>'))]
    draft = tenant.column.add_child(
        instance=ArticlePage(title=f"{key}未发布稿", slug=f"{key}-draft", live=False, owner=editor, body=body)
    )
    draft.save_revision(user=editor, log_action=True)
    tenant.draft = draft

    locked = tenant.column.add_child(instance=ArticlePage(title=f"{key}锁定稿", slug=f"{key}-locked", owner=editor))
    locked.save_revision(user=editor).publish(user=webmaster)
    locked.title = f"{key}锁定稿草稿"
    locked.save_revision(user=editor)
    Page.objects.filter(pk=locked.pk).update(locked=True, locked_by=webmaster, locked_at=timezone.now())
    log(locked, "wagtail.lock", user=webmaster)
    tenant.locked = Page.objects.get(pk=locked.pk).specific

    moderated = tenant.column.add_child(
        instance=ArticlePage(title=f"{key}审核稿", slug=f"{key}-moderated", live=False, owner=editor)
    )
    moderated.save_revision(user=editor)
    moderated.get_workflow().start(moderated, editor)
    tenant.moderated = Page.objects.get(pk=moderated.pk).specific

    leader = tenant.column.add_child(
        instance=LeaderProfilePage(title=f"{key}领导之窗", slug=f"{key}-leader", owner=editor)
    )
    leader.save_revision(user=editor).publish(user=webmaster)
    speech = leader.add_child(
        instance=SpeechPage(title=f"{key}讲话未发布稿", slug=f"{key}-speech", live=False, owner=editor)
    )
    speech.save_revision(user=editor)
    tenant.leader = Page.objects.get(pk=leader.pk).specific
    tenant.speech = Page.objects.get(pk=speech.pk).specific
    leader_draft = tenant.column.add_child(
        instance=LeaderProfilePage(
            title=f"{key}领导未发布稿",
            slug=f"{key}-leader-draft",
            live=False,
            owner=editor,
        )
    )
    leader_draft.save_revision(user=editor)
    tenant.leader_draft = leader_draft
    tenant.mailbox = Mailbox.objects.filter(department=department).first() or Mailbox(department=department)
    tenant.mailbox.name = f"{key}信箱名"
    tenant.mailbox.save()
    mailbox_page = tenant.column.add_child(
        instance=MailboxPage(title=f"{key}信箱页", slug=f"{key}-mailbox", live=False, owner=editor)
    )
    mailbox_page.save_revision(user=editor)
    tenant.mailbox_page = mailbox_page
    tenant.letter, _password = submit_letter(
        tenant.mailbox, {"name": "来信人", "subject": f"{key}来信标题", "category": "other", "body": "来信内容"}
    )
    Letter.objects.filter(pk=tenant.letter.pk).update(status=Letter.Status.REJECTED, closed_at=timezone.now())
    tenant.error_report = submit_report(
        department,
        {"page_url": f"/{key}-live/", "kind": "typo", "description": f"{key}纠错内容"},
        page=tenant.live,
    )

    survey = tenant.column.add_child(instance=SurveyPage(title=f"{key}问卷", slug=f"{key}-survey", owner=editor))
    opinion = SurveyField.objects.create(page=survey, label="意见", field_type="multiline")
    survey.save_revision(user=editor).publish(user=webmaster)
    survey.title = f"{key}问卷草稿"
    survey.save_revision(user=editor)
    tenant.survey = Page.objects.get(pk=survey.pk).specific
    tenant.submission = FormSubmission.objects.create(page=survey, form_data={opinion.clean_name: f"{key}提交内容"})

    # A second locale root: translating the site's root after onboarding.
    ug = Locale.objects.get_or_create(language_code="ug")[0]
    tenant.ug_root = tenant.root.copy_for_translation(ug)
    tenant.ug_root.save_revision().publish()
    editor, webmaster = _reload(editor), _reload(webmaster)
    ug_column = tenant.ug_root.add_child(
        instance=type(tenant.column)(title=f"{key}维文栏目", slug=f"{key}-ug-column", locale=ug)
    )
    ug_column.save_revision().publish()
    ug_page = ug_column.add_child(
        instance=ArticlePage(title=f"{key}维文稿", slug=f"{key}-ug-page", locale=ug, owner=editor)
    )
    ug_page.save_revision(user=editor).publish(user=webmaster)
    tenant.ug_page = ug_page

    # A translation in progress (wagtail-localize) of the never-published page, into English (its
    # parents are created as aliases, as the admin's "Translate" does).
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_object(draft, [english], user=webmaster)
    tenant.translation = Translation.objects.get(source__object_id=draft.translation_key, target_locale=english)

    tenant.image = get_image_model().objects.create(
        title=f"{key}图片", file=get_test_image_file(filename=f"{key}-photo.png"), collection=department.collection
    )
    tenant.image.tags.add(f"{key}内部标签")
    log(tenant.image, "wagtail.create", user=editor)
    tenant.document = get_document_model().objects.create(
        title=f"{key}文件",
        file=ContentFile(b"%PDF-1.4 test", name=f"{key}-report.pdf"),
        collection=department.collection,
    )
    tenant.document.tags.add(f"{key}文件标签")
    log(tenant.document, "wagtail.create", user=editor)
    tenant.redirect = Redirect.objects.create(old_path=f"/{key}-old", site=department.site, redirect_page=live)
    log(tenant.redirect, "wagtail.create", user=webmaster)
    tenant.link = FriendlyLink.objects.create(department=department, title=f"{key}友情链接", url="https://www.gov.cn/")
    log(tenant.link, "wagtail.create", user=webmaster)
    now = timezone.now()
    dead = OutsideLink.objects.create(
        department=department,
        url=f"http://{key}-deadlink.example.org/",
        host=f"{key}-deadlink.example.org",
        first_seen_at=now,
        last_seen_at=now,
        checked_at=now,
        outcome=Outcome.BROKEN,
        status_code=404,
        error="http",
        consecutive_failures=2,
    )
    LinkSource.objects.create(link=dead, kind=LinkSource.Kind.PAGE, page=live, title=tenant.live_title)
    tenant.options = SiteOptions.for_site(department.site)
    tenant.options.wechat_account = f"{key}-wechat"
    tenant.options.save()
    log(tenant.options, "wagtail.edit", user=webmaster)
    tenant.users = {role: _reload(user) for role, user in tenant.users.items()}
    return tenant


@dataclass
class World:
    a: Tenant
    b: Tenant
    central: object  # a member of the central admin group, not a superuser
    superuser: object
    outsider: object  # an admin user in no tenant's group

    def user(self, role):
        """The user acting in a test: "webmaster", "editor", "reviewer" of tenant A, or "central"."""
        return self.central if role == "central" else self.a.users[role]

    def tenant(self, scope):
        """Tenant A for "own", tenant B for "other"."""
        return {"own": self.a, "other": self.b}[scope]


def build_world():
    a = build_tenant("isoa", "隔离测试甲局", "甲局")
    b = build_tenant("isob", "隔离测试乙局", "乙局", link_to=a.live)
    central = _user("iso_central", "中心管理员甲", [ensure_central_admin_group()])
    superuser = get_user_model().objects.create_superuser(username="iso_root", password="pw", email="r@example.org")
    outsider_group = Group.objects.get_or_create(name="无归属")[0]
    outsider_group.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = _user("iso_outsider", "无归属用户", [outsider_group])
    return World(a=a, b=b, central=central, superuser=superuser, outsider=outsider)
