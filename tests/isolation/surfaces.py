"""How to exercise each admin surface over HTTP, and what shows that it worked.

Every probe acts on one *target* tenant through the real admin (Django's test client, logged in as
the acting user) and returns what came back: the response, and whether the evidence of success is
there (the target's content on the screen, or the change in the database).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from hub.tenancy.owned import FriendlyLink, SiteOptions

from .browser import body_text, read_form


@dataclass
class Context:
    world: object
    tenant: object  # the tenant acted on
    client: Client  # logged in as the acting user
    reader: Client  # logged in as a superuser, to read forms a browser would have shown

    @property
    def key(self):
        return self.tenant.key


@dataclass
class Seen:
    response: object
    evidence: bool

    @property
    def text(self):
        if not hasattr(self, "_text"):
            self._text = body_text(self.response)
        return self._text


def read(ctx, url, marker):
    response = ctx.client.get(url)
    seen = Seen(response, False)
    seen.evidence = response.status_code == 200 and marker in seen.text
    return seen


def post(ctx, url, data, effect):
    response = ctx.client.post(url, data)
    return Seen(response, response.status_code in (200, 302) and effect())


def post_form(ctx, url, *, has_field, changes, effect, form_url=None):
    """Read the form (as a superuser's browser would show it), change some fields, post it as the actor."""
    form_page = ctx.reader.get(form_url or url)
    assert form_page.status_code == 200, f"reading the form at {form_url or url}: {form_page.status_code}"
    data = read_form(body_text(form_page), has_field=has_field)
    data.update({name: value if isinstance(value, list) else [value] for name, value in changes.items()})
    return post(ctx, url, data, effect)


def column(tenant, slug):
    return tenant.root.get_children().get(slug=slug)


def page(pk):
    return Page.objects.filter(pk=pk).first()


# Pages ---------------------------------------------------------------------------------------------


def explorer(ctx):
    return read(ctx, f"/admin/pages/{ctx.tenant.column.pk}/", f"{ctx.key}草稿标题")


def explorer_menu(ctx):
    """The sidebar's page explorer, fed by the admin API."""
    return read(ctx, f"/admin/api/main/pages/?child_of={ctx.tenant.column.pk}&for_explorer=1", f"{ctx.key}草稿标题")


def explorer_menu_top(ctx):
    """The top level of the sidebar's page explorer: the sites' roots."""
    return read(ctx, "/admin/api/main/pages/?child_of=root&for_explorer=1", ctx.tenant.department.name)


def explorer_locale_root(ctx):
    return read(ctx, f"/admin/pages/{ctx.tenant.ug_page.get_parent().pk}/", f"{ctx.key}维文稿")


def view_page(ctx):
    return read(ctx, f"/admin/pages/{ctx.tenant.live.pk}/edit/", f"{ctx.key}草稿标题")


def edit_page(ctx):
    target, title = ctx.tenant.column, f"{ctx.key}改过的栏目"
    return post_form(
        ctx,
        f"/admin/pages/{target.pk}/edit/",
        has_field="title",
        changes={"title": title},
        effect=lambda: page(target.pk).draft_title == title,
    )


def approve_page(ctx):
    """Publishing goes through review: approve the page waiting in the tenant's review workflow."""
    target = ctx.tenant.moderated
    task_state = page(target.pk).current_workflow_state.current_task_state
    return post(
        ctx,
        f"/admin/pages/workflow/action/{target.pk}/approve/{task_state.pk}/",
        {"comment": ""},
        lambda: page(target.pk).live,
    )


def approve_page_from_queue(ctx):
    """The same approval from the dashboard's and the review queue's buttons (which confirm it)."""
    target = ctx.tenant.moderated
    task_state = page(target.pk).current_workflow_state.current_task_state
    return post(
        ctx,
        f"/admin/review/action/{target.pk}/approve/{task_state.pk}/",
        {"comment": ""},
        lambda: page(target.pk).live,
    )


def create_page(ctx):
    # A sub-column, under the one column kind of the plan that takes them (政府信息公开).
    parent, slug = column(ctx.tenant, "xxgk"), f"{ctx.key}-new-column"
    return post_form(
        ctx,
        f"/admin/pages/add/common/columnindexpage/{parent.pk}/",
        has_field="title",
        changes={"title": f"{ctx.key}新栏目", "slug": slug},
        effect=lambda: Page.objects.filter(slug=slug, path__startswith=parent.path).exists(),
    )


def delete_page(ctx):
    target = ctx.tenant.live
    return post(ctx, f"/admin/pages/{target.pk}/delete/", {}, lambda: page(target.pk) is None)


def _move(ctx, source, destination):
    return post(
        ctx,
        f"/admin/pages/{source.pk}/move/{destination.pk}/confirm/",
        {},
        lambda: page(source.pk).get_parent().pk == destination.pk,
    )


def move_page(ctx):
    """Move one of the target tenant's pages to another of its columns."""
    return _move(ctx, ctx.tenant.live, column(ctx.tenant, "tzgg"))


def move_into(ctx):
    """Move one of the actor's own tenant's pages into the target tenant's tree."""
    return _move(ctx, ctx.world.a.live, column(ctx.tenant, "tzgg"))


def _copy(ctx, source, destination):
    slug = f"copy-of-{source.slug}-to-{ctx.key}"
    return post_form(
        ctx,
        f"/admin/pages/{source.pk}/copy/",
        has_field="new_title",
        changes={"new_title": "副本", "new_slug": slug, "new_parent_page": str(destination.pk)},
        effect=lambda: Page.objects.filter(slug=slug, path__startswith=destination.path).exists(),
    )


def copy_page(ctx):
    """Copy one of the target tenant's pages (its latest revision, draft included) within its tree."""
    return _copy(ctx, ctx.tenant.live, column(ctx.tenant, "tzgg"))


def copy_into(ctx):
    """Copy one of the actor's own tenant's pages into the target tenant's tree."""
    return _copy(ctx, ctx.world.a.live, column(ctx.tenant, "tzgg"))


def lock_page(ctx):
    target = ctx.tenant.live
    return post(ctx, f"/admin/pages/{target.pk}/lock/", {}, lambda: page(target.pk).locked)


def view_draft(ctx):
    return read(ctx, f"/admin/pages/{ctx.tenant.live.pk}/view_draft/", f"{ctx.key}草稿标题")


def page_history(ctx):
    return read(ctx, f"/admin/pages/{ctx.tenant.live.pk}/history/", f"{ctx.key}编辑员")


def page_chooser(ctx):
    return read(ctx, f"/admin/choose-page/{ctx.tenant.column.pk}/", f"{ctx.key}草稿标题")


def page_chooser_search(ctx):
    return read(ctx, f"/admin/choose-page/search/?q={ctx.key}", f"{ctx.key}草稿标题")


def link_chooser(ctx):
    """The chooser behind the link button of rich text."""
    params = "allow_external_link=true&allow_email_link=true&allow_phone_link=true&allow_anchor_link=true"
    return read(ctx, f"/admin/choose-page/{ctx.tenant.column.pk}/?{params}&link_text=x", f"{ctx.key}草稿标题")


def page_chooser_draft(ctx):
    """Opening a never-published page in the chooser."""
    return read(ctx, f"/admin/choose-page/{ctx.tenant.draft.pk}/", f"{ctx.key}未发布稿")


def page_chosen(ctx):
    return read(ctx, f"/admin/choose-page/chosen-multiple/?id={ctx.tenant.draft.pk}", f"{ctx.key}未发布稿")


def admin_search(ctx):
    return read(ctx, f"/admin/pages/search/?q={ctx.key}", f"{ctx.key}草稿标题")


def page_types_usage(ctx):
    return read(ctx, "/admin/pages/usage/common/articlepage/", f"{ctx.key}草稿标题")


# Images and documents ----------------------------------------------------------------------------------


def images(ctx):
    return read(ctx, "/admin/images/", f"{ctx.key}图片")


def view_image(ctx):
    return read(ctx, f"/admin/images/{ctx.tenant.image.pk}/", f"{ctx.key}-photo")


def edit_image(ctx):
    target, title = ctx.tenant.image, f"{ctx.key}改名图片"
    return post_form(
        ctx,
        f"/admin/images/{target.pk}/",
        has_field="title",
        changes={"title": title},
        effect=lambda: get_image_model().objects.get(pk=target.pk).title == title,
    )


def delete_image(ctx):
    target = ctx.tenant.image
    return post(
        ctx,
        f"/admin/images/{target.pk}/delete/",
        {},
        lambda: not get_image_model().objects.filter(pk=target.pk).exists(),
    )


def upload_image(ctx):
    title = f"{ctx.key}新图片"
    image = get_test_image_file(filename=f"{ctx.key}-new.png")
    data = {
        "title": title,
        "file": SimpleUploadedFile(image.name, image.file.getvalue(), content_type="image/png"),
        "collection": ctx.tenant.department.collection_id,
    }
    return post(
        ctx,
        "/admin/images/add/",
        data,
        lambda: get_image_model().objects.filter(title=title, collection=ctx.tenant.department.collection).exists(),
    )


def image_chooser(ctx):
    return read(ctx, "/admin/images/chooser/", f"{ctx.key}图片")


def image_chosen(ctx):
    return read(ctx, f"/admin/images/chooser/chosen/{ctx.tenant.image.pk}/", f"{ctx.key}图片")


def image_usage(ctx):
    return read(ctx, f"/admin/images/usage/{ctx.tenant.image.pk}/", f"{ctx.key}图片")


def images_api(ctx):
    return read(ctx, "/admin/api/main/images/", f"{ctx.key}图片")


def documents(ctx):
    return read(ctx, "/admin/documents/", f"{ctx.key}文件")


def view_document(ctx):
    return read(ctx, f"/admin/documents/edit/{ctx.tenant.document.pk}/", f"{ctx.key}-report")


def edit_document(ctx):
    target, title = ctx.tenant.document, f"{ctx.key}改名文件"
    return post_form(
        ctx,
        f"/admin/documents/edit/{target.pk}/",
        has_field="title",
        changes={"title": title},
        effect=lambda: get_document_model().objects.get(pk=target.pk).title == title,
    )


def delete_document(ctx):
    target = ctx.tenant.document
    return post(
        ctx,
        f"/admin/documents/delete/{target.pk}/",
        {},
        lambda: not get_document_model().objects.filter(pk=target.pk).exists(),
    )


def upload_document(ctx):
    title = f"{ctx.key}新文件"
    data = {
        "title": title,
        "file": SimpleUploadedFile(f"{ctx.key}-new.pdf", b"%PDF-1.4 new", content_type="application/pdf"),
        "collection": ctx.tenant.department.collection_id,
    }
    return post(
        ctx,
        "/admin/documents/add/",
        data,
        lambda: get_document_model().objects.filter(title=title, collection=ctx.tenant.department.collection).exists(),
    )


def document_chooser(ctx):
    return read(ctx, "/admin/documents/chooser/", f"{ctx.key}文件")


def document_chosen(ctx):
    return read(ctx, f"/admin/documents/chooser/chosen/{ctx.tenant.document.pk}/", f"{ctx.key}文件")


def documents_api(ctx):
    return read(ctx, "/admin/api/main/documents/", f"{ctx.key}文件")


# Tenant-owned snippets (友情链接) ------------------------------------------------------------------------

LINKS = "/admin/snippets/tenancy/friendlylink"


def links(ctx):
    return read(ctx, f"{LINKS}/", f"{ctx.key}友情链接")


def view_link(ctx):
    return read(ctx, f"{LINKS}/edit/{ctx.tenant.link.pk}/", f"{ctx.key}友情链接")


def create_link(ctx):
    title = f"{ctx.key}新链接"
    return post_form(
        ctx,
        f"{LINKS}/add/",
        has_field="title",
        changes={"title": title, "url": "https://www.gov.cn/", "department": str(ctx.tenant.department.pk)},
        effect=lambda: FriendlyLink.objects.filter(title=title, department=ctx.tenant.department).exists(),
    )


def edit_link(ctx):
    target, title = ctx.tenant.link, f"{ctx.key}改名链接"
    return post_form(
        ctx,
        f"{LINKS}/edit/{target.pk}/",
        has_field="title",
        changes={"title": title},
        effect=lambda: FriendlyLink.objects.get(pk=target.pk).title == title,
    )


def delete_link(ctx):
    target = ctx.tenant.link
    return post(ctx, f"{LINKS}/delete/{target.pk}/", {}, lambda: not FriendlyLink.objects.filter(pk=target.pk).exists())


def bulk_delete_links(ctx):
    target = ctx.tenant.link
    return post(
        ctx,
        f"/admin/bulk/tenancy/friendlylink/delete/?id={target.pk}",
        {},
        lambda: not FriendlyLink.objects.filter(pk=target.pk).exists(),
    )


# A citizen's letter: archived by its tenant's staff, never deleted; removed by central admins only

LETTERS = "/admin/snippets/interaction/letter"


def _letter_exists(ctx):
    from hub.interaction.models import Letter

    return Letter.objects.filter(pk=ctx.tenant.letter.pk).exists()


def archive_letter(ctx):
    """The handling page's 归档 action on the target's closed letter."""
    from hub.interaction.models import Letter

    target = ctx.tenant.letter
    return post(
        ctx,
        f"{LETTERS}/edit/{target.pk}/",
        {"action": "archive", "archive-note": "归档"},
        lambda: Letter.objects.filter(pk=target.pk, archived_at__isnull=False).exists(),
    )


def delete_letter(ctx):
    return post(ctx, f"{LETTERS}/delete/{ctx.tenant.letter.pk}/", {}, lambda: not _letter_exists(ctx))


def bulk_delete_letters(ctx):
    target = ctx.tenant.letter
    return post(ctx, f"/admin/bulk/interaction/letter/delete/?id={target.pk}", {}, lambda: not _letter_exists(ctx))


def remove_record(ctx):
    """删除记录: the target's letter removed by its tracking code, with a reason."""
    data = {"code": ctx.tenant.letter.tracking_code, "reason": "书面撤回", "confirm": "on"}
    return post(ctx, "/admin/interaction/remove/", data, lambda: not _letter_exists(ctx))


# 我要纠错: a citizen's report about one of the tenant's pages, handled (reply, close) by its staff

ERROR_REPORTS = "/admin/snippets/interaction/errorreport"


def error_reports(ctx):
    return read(ctx, f"{ERROR_REPORTS}/", f"{ctx.key}纠错内容")


def view_error_report(ctx):
    return read(ctx, f"{ERROR_REPORTS}/edit/{ctx.tenant.error_report.pk}/", f"{ctx.key}纠错内容")


def handle_error_report(ctx):
    """The handling page's form: a reply, and the report closed (办结)."""
    from hub.interaction.models import ErrorReport

    target = ctx.tenant.error_report
    return post(
        ctx,
        f"{ERROR_REPORTS}/edit/{target.pk}/",
        {"reply": "已更正", "close": "on"},
        lambda: ErrorReport.objects.filter(pk=target.pk, status="closed", reply="已更正").exists(),
    )


def link_history(ctx):
    return read(ctx, f"{LINKS}/history/{ctx.tenant.link.pk}/", f"{ctx.key}友情链接")


def friendly_link_chooser(ctx):
    return read(ctx, "/admin/snippets/choose/tenancy/friendlylink/", f"{ctx.key}友情链接")


def friendly_link_chosen(ctx):
    return read(ctx, f"/admin/snippets/choose/tenancy/friendlylink/chosen/{ctx.tenant.link.pk}/", f"{ctx.key}友情链接")


# Per-site settings and redirects ----------------------------------------------------------------------------


def view_settings(ctx):
    return read(ctx, f"/admin/settings/tenancy/siteoptions/{ctx.tenant.department.site_id}/", f"{ctx.key}-wechat")


def edit_settings(ctx):
    site_id, value = ctx.tenant.department.site_id, f"{ctx.key}-weixin"
    return post_form(
        ctx,
        f"/admin/settings/tenancy/siteoptions/{site_id}/",
        has_field="wechat_account",
        changes={"wechat_account": value},
        effect=lambda: SiteOptions.objects.get(site_id=site_id).wechat_account == value,
    )


def redirects(ctx):
    return read(ctx, "/admin/redirects/", f"/{ctx.key}-old")


def export_redirects(ctx):
    return read(ctx, "/admin/redirects/?export=csv", f"/{ctx.key}-old")


def view_redirect(ctx):
    return read(ctx, f"/admin/redirects/{ctx.tenant.redirect.pk}/", f"/{ctx.key}-old")


def edit_redirect(ctx):
    target, path = ctx.tenant.redirect, f"/{ctx.key}-older"
    return post_form(
        ctx,
        f"/admin/redirects/{target.pk}/",
        has_field="old_path",
        changes={"old_path": path},
        effect=lambda: Redirect.objects.get(pk=target.pk).old_path == path,
    )


def create_redirect(ctx):
    path = f"/{ctx.key}-new"
    data = {
        "old_path": path,
        "site": ctx.tenant.department.site_id,
        "is_permanent": "on",
        "redirect_link": "https://www.gov.cn/",
    }
    return post(ctx, "/admin/redirects/add/", data, lambda: Redirect.objects.filter(old_path=path).exists())


def delete_redirect(ctx):
    target = ctx.tenant.redirect
    return post(
        ctx, f"/admin/redirects/{target.pk}/delete/", {}, lambda: not Redirect.objects.filter(pk=target.pk).exists()
    )


# Reports and the dashboard ------------------------------------------------------------------------------


def locked_report(ctx):
    return read(ctx, "/admin/reports/locked/", f"{ctx.key}锁定稿草稿")


def locked_export(ctx):
    return read(ctx, "/admin/reports/locked/?export=csv", f"{ctx.key}锁定稿")


def aging_report(ctx):
    return read(ctx, "/admin/reports/aging-pages/", f"{ctx.key}草稿标题")


def aging_export(ctx):
    return read(ctx, "/admin/reports/aging-pages/?export=csv", f"{ctx.key}")


def site_history(ctx):
    """Filtered by tenant (a choice offered to central admins, and to others for their own tenants)."""
    return read(ctx, f"/admin/reports/site-history/?tenant={ctx.key}", f"{ctx.key}草稿标题")


def site_history_export(ctx):
    return read(ctx, f"/admin/reports/site-history/?tenant={ctx.key}&export=csv", f"{ctx.key}草稿标题")


def page_types_report(ctx):
    """Filtered to the target's site (a choice a user of another tenant is not offered)."""
    return read(ctx, f"/admin/reports/page-types-usage/?site={ctx.tenant.root.path}", f"{ctx.key}审核稿")


def workflow_report(ctx):
    return read(ctx, "/admin/reports/workflow/", f"{ctx.key}审核稿")


def workflow_export(ctx):
    return read(ctx, "/admin/reports/workflow/?export=csv", f"{ctx.key}审核稿")


def workflow_tasks_report(ctx):
    return read(ctx, "/admin/reports/workflow_tasks/", f"{ctx.key}审核稿")


def dashboard(ctx):
    return read(ctx, "/admin/", f"{ctx.key}审核稿")


# Form submissions -----------------------------------------------------------------------------------------


def forms(ctx):
    return read(ctx, "/admin/forms/", f"{ctx.key}问卷")


def submissions(ctx):
    return read(ctx, f"/admin/forms/submissions/{ctx.tenant.survey.pk}/", f"{ctx.key}提交内容")


def export_submissions(ctx):
    return read(ctx, f"/admin/forms/submissions/{ctx.tenant.survey.pk}/?export=csv", f"{ctx.key}提交内容")


def delete_submissions(ctx):
    survey, submission = ctx.tenant.survey, ctx.tenant.submission
    return post(
        ctx,
        f"/admin/forms/submissions/{survey.pk}/delete/?selected-submissions={submission.pk}",
        {},
        lambda: not FormSubmission.objects.filter(pk=submission.pk).exists(),
    )


# Accounts and groups ----------------------------------------------------------------------------------------


def users(ctx):
    seen = read(ctx, "/admin/users/", f"{ctx.key}_editor")
    seen.evidence = seen.evidence and f"{ctx.key}_reviewer" in seen.text and f"{ctx.key}_webmaster" in seen.text
    return seen


def view_user(ctx):
    return read(ctx, f"/admin/users/edit/{ctx.tenant.users['reviewer'].pk}/", f"{ctx.key}_reviewer@example.org")


def edit_user(ctx):
    target = ctx.tenant.users["reviewer"]
    return post_form(
        ctx,
        f"/admin/users/edit/{target.pk}/",
        has_field="email",
        changes={"first_name": "改名", "last_name": "同志", "password1": "", "password2": ""},
        effect=lambda: get_user_model().objects.get(pk=target.pk).first_name == "改名",
    )


def groups(ctx):
    return read(ctx, "/admin/groups/", ctx.tenant.groups["reviewer"].name)


def view_group(ctx):
    return read(ctx, f"/admin/groups/edit/{ctx.tenant.groups['reviewer'].pk}/", ctx.tenant.groups["reviewer"].name)


# Translation ------------------------------------------------------------------------------------------------


def view_translation_form(ctx):
    return read(ctx, f"/admin/localize/submit/page/{ctx.tenant.live.pk}/", f"{ctx.key}草稿标题")


def submit_translation(ctx):
    root, kyrgyz = ctx.tenant.root, Locale.objects.get_or_create(language_code="ky")[0]
    return post(
        ctx,
        f"/admin/localize/submit/page/{root.pk}/",
        {"locales": [kyrgyz.pk]},
        lambda: Page.objects.filter(translation_key=root.translation_key, locale=kyrgyz).exists(),
    )


def translations_report(ctx):
    return read(ctx, "/admin/localize/reports/translations/", f"{ctx.key}未发布稿")


def localize_snippet_api(ctx):
    return read(ctx, "/admin/localize/api/snippets/tenancy/friendlylink/", f"{ctx.key}友情链接")


# Bulk actions and tag suggestions ---------------------------------------------------------------------


def bulk_delete_pages(ctx):
    target = ctx.tenant.live
    return post(ctx, f"/admin/bulk/wagtailcore/page/delete/?id={target.pk}", {}, lambda: page(target.pk) is None)


def bulk_delete_images(ctx):
    target = ctx.tenant.image
    return post(
        ctx,
        f"/admin/bulk/wagtailimages/image/delete/?id={target.pk}",
        {},
        lambda: not get_image_model().objects.filter(pk=target.pk).exists(),
    )


def bulk_page_selection(ctx):
    """The confirmation page of a bulk action, for the target's pages picked by id."""
    ids = f"id={ctx.tenant.draft.pk}&id={ctx.tenant.live.pk}"
    return read(ctx, f"/admin/bulk/wagtailcore/page/delete/?{ids}", f"{ctx.key}未发布稿")


def bulk_image_selection(ctx):
    """The confirmation page of a bulk action on "all" images."""
    return read(ctx, "/admin/bulk/wagtailimages/image/delete/?id=all", f"{ctx.key}图片")


def bulk_document_selection(ctx):
    return read(ctx, "/admin/bulk/wagtaildocs/document/delete/?id=all", f"{ctx.key}文件")


def bulk_link_selection(ctx):
    return read(ctx, "/admin/bulk/tenancy/friendlylink/delete/?id=all", f"{ctx.key}友情链接")


def tag_suggestions(ctx):
    return read(ctx, f"/admin/tag-autocomplete/?term={ctx.key}", f"{ctx.key}内部标签")


# Choice fields: what a form accepts ------------------------------------------------------------------
#
# The actor edits a form of their *own* tenant (world.a) and posts the target tenant's unpublished
# page, record or file in one of its choice fields, as a crafted POST (or a chooser opened by hand)
# would. Allowed for the target's own people; refused with a form error for anyone else.


def _latest(page_obj):
    return Page.objects.get(pk=page_obj.pk).specific.get_latest_revision_as_object()


def page_field_draft(ctx):
    """A page field in the page editor (a speech's leader): the target's never-published leader page."""
    target, speech = ctx.tenant.leader_draft, ctx.world.a.speech
    return post_form(
        ctx,
        f"/admin/pages/{speech.pk}/edit/",
        has_field="title",
        changes={"leader": str(target.pk), "body-count": "0"},  # an empty body (drawn by script in a browser)
        effect=lambda: _latest(speech).leader_id == target.pk,
    )


def record_field(ctx):
    """A tenant-owned record field in the page editor (a mailbox page's 信箱): the target's 信箱."""
    target, mailbox_page = ctx.tenant.mailbox, ctx.world.a.mailbox_page
    return post_form(
        ctx,
        f"/admin/pages/{mailbox_page.pk}/edit/",
        has_field="title",
        changes={"mailbox": str(target.pk)},
        effect=lambda: _latest(mailbox_page).mailbox_id == target.pk,
    )


def inline_document_field(ctx):
    """An inline panel's document field in the page editor (an article's attachment): the target's document."""
    target, article = ctx.tenant.document, ctx.world.a.draft
    prefix = "attachments-0-"
    return post_form(
        ctx,
        f"/admin/pages/{article.pk}/edit/",
        has_field="title",
        changes={
            "body-count": "0",
            "attachments-TOTAL_FORMS": "1",
            f"{prefix}id": "",
            f"{prefix}ORDER": "1",
            f"{prefix}document": str(target.pk),
            f"{prefix}title": "附件",
        },
        effect=lambda: [a.document_id for a in _latest(article).attachments.all()] == [target.pk],
    )


def redirect_page_field(ctx):
    """A redirect of the actor's own site to the target's never-published page."""
    path = f"/to-{ctx.key}-draft"
    data = {"old_path": path, "site": ctx.world.a.department.site_id, "redirect_page": ctx.tenant.draft.pk}
    return post(
        ctx,
        "/admin/redirects/add/",
        data,
        lambda: Redirect.objects.filter(old_path=path, redirect_page=ctx.tenant.draft).exists(),
    )


def promoted_page_field(ctx):
    """A best bet (推荐结果) of the actor's own site promoting the target's never-published page."""
    from hub.search.models import Promotion

    phrase = f"{ctx.key}推荐"
    data = {
        "department": str(ctx.world.a.department.pk),
        "query": phrase,
        "picks-TOTAL_FORMS": "1",
        "picks-INITIAL_FORMS": "0",
        "picks-MIN_NUM_FORMS": "1",
        "picks-MAX_NUM_FORMS": "1000",
        "picks-0-id": "",
        "picks-0-ORDER": "1",
        "picks-0-page": str(ctx.tenant.draft.pk),
        "picks-0-description": "",
    }
    return post(
        ctx,
        "/admin/search/promotions/new/",
        data,
        lambda: Promotion.objects.filter(query=phrase, picks__page=ctx.tenant.draft).exists(),
    )


def feed_column_field(ctx):
    """A feed source (shared data, central admins') feeding the target's never-published page."""
    from hub.feeds.models import FeedSource

    name = f"{ctx.key}订阅源"
    data = {"name": name, "url": "https://example.org/rss.xml", "column": str(ctx.tenant.draft.pk), "publish": "on"}
    return post(
        ctx,
        "/admin/snippets/feeds/feedsource/add/",
        data,
        lambda: FeedSource.objects.filter(name=name, column=ctx.tenant.draft).exists(),
    )


def directory_profile_field(ctx):
    """The directory entry (shared data, central admins') of the actor's own tenant, a leader's profile
    page set to the target's never-published leader page."""
    entry = ctx.world.a.department.directory_entry
    target = ctx.tenant.leader_draft
    prefix = "leaders-0-"
    return post_form(
        ctx,
        f"/admin/snippets/directory/directoryentry/edit/{entry.pk}/",
        has_field="summary",
        changes={
            "leaders-TOTAL_FORMS": "1",
            f"{prefix}id": "",
            f"{prefix}ORDER": "1",
            f"{prefix}name": "领导",
            f"{prefix}position": "局长",
            f"{prefix}responsibilities": "",
            f"{prefix}photo": "",
            f"{prefix}profile_page": str(target.pk),
        },
        effect=lambda: entry.leaders.filter(profile_page=target).exists(),
    )


# The review chain's screens (三审) ----------------------------------------------------------------------


def review_queue(ctx):
    """待我审核 (the everyone view is offered to central admins only; others get their own queue)."""
    return read(ctx, "/admin/review/queue/?scope=all", f"{ctx.key}审核稿")


def review_queue_site(ctx):
    """The queue filtered to the target's site, by its code."""
    return read(ctx, f"/admin/review/queue/?scope=all&site={ctx.key}", f"{ctx.key}审核稿")


def review_record(ctx):
    """A page's approval record and check findings."""
    return read(ctx, f"/admin/review/pages/{ctx.tenant.moderated.pk}/record/", f"{ctx.key}审核稿")


def review_export(ctx):
    """审核记录导出: the target's approval chain as CSV."""
    query = f"site={ctx.key}&start=2000-01-01&end=2100-12-31&format=csv"
    seen = read(ctx, f"/admin/review/export/?{query}", f"{ctx.key}审核稿")
    seen.evidence = seen.evidence and seen.response["Content-Type"].startswith("text/csv")
    return seen


def review_panel(ctx):
    """The dashboard's 待我审核 panel, alone (other panels list the user's own submissions)."""
    seen = read(ctx, "/admin/", f"{ctx.key}审核稿")
    start = seen.text.find('id="review-queue-panel-section"')
    panel = seen.text[start : seen.text.find("</section>", start)] if start >= 0 else ""
    seen.evidence = seen.response.status_code == 200 and f"{ctx.key}审核稿" in panel
    return seen


def todo_panel(ctx):
    """The dashboard's 待办事项 panel, alone: the target's page in review is among its items."""
    seen = read(ctx, "/admin/", f"{ctx.key}审核稿")
    start = seen.text.find('id="todo-panel-section"')
    panel = seen.text[start : seen.text.find("</section>", start)] if start >= 0 else ""
    seen.evidence = seen.response.status_code == 200 and f"{ctx.key}审核稿" in panel
    return seen


def review_chains(ctx):
    """审核流程设置 for the target's site."""
    return read(ctx, f"/admin/review/chains/?site={ctx.key}", f"{ctx.key}流程")


def wordlists(ctx):
    """审校词库 (shared by every site): its lists."""
    return read(ctx, "/admin/review/wordlists/", "wording.txt")


def edit_wordlist(ctx):
    """A new list saved into the word-list folder (a copy, for the test)."""
    import shutil
    import tempfile
    from pathlib import Path

    from django.test import override_settings

    from hub.workflow.screening import wordlists as lists

    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(lists.wordlist_dir(), folder, dirs_exist_ok=True)
        with override_settings(HUB_WORDLIST_DIR=folder):
            text = "@名称 测试列表\n@级别 提示\n测试用语 => 试用语\n"
            response = ctx.client.post(f"/admin/review/wordlists/{ctx.key}-terms/", {"text": text})
            return Seen(response, response.status_code == 302 and (folder / f"{ctx.key}-terms.txt").is_file())
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Site inspection (网站自查) ------------------------------------------------------------------------------


def _inspected(tenant):
    """A finished run of the tenant with one open finding naming it (made once per test, as a run would)."""
    from django.utils import timezone

    from hub.inspection.models import InspectionRun, StoredFinding

    marker = f"{tenant.key}自查问题"
    if not StoredFinding.objects.filter(department=tenant.department, message=marker).exists():
        now = timezone.now()
        run = InspectionRun.objects.create(
            department=tenant.department, started_at=now, finished_at=now, status="finished", score=50, veto_count=1
        )
        StoredFinding.objects.create(
            department=tenant.department,
            indicator="isolation",
            key="isolation",
            severity="veto",
            message=marker,
            first_seen=now,
            last_seen=now,
            last_run=run,
        )
    return marker


def _workbook_text(response):
    from io import BytesIO

    from openpyxl import load_workbook

    if response.status_code != 200 or not response["Content-Type"].startswith("application/vnd.openxml"):
        return ""
    book = load_workbook(BytesIO(response.content))
    return "\n".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row)


def inspection_panel(ctx):
    """The dashboard's 网站自查 panel (the webmaster's own sites; central admins get the group's figures)."""
    marker = _inspected(ctx.tenant)
    seen = read(ctx, "/admin/", marker)
    start = seen.text.find('id="inspection-panel-section"')
    panel = seen.text[start : seen.text.find("</section>", start)] if start >= 0 else ""
    seen.evidence = seen.response.status_code == 200 and marker in panel
    return seen


def inspection_table(ctx):
    """网站自查: the group table lists the target's site."""
    _inspected(ctx.tenant)
    return read(ctx, "/admin/inspection/?order=name", f"/admin/inspection/site/{ctx.key}/")


def inspection_report(ctx):
    return read(ctx, f"/admin/inspection/site/{ctx.key}/", _inspected(ctx.tenant))


def inspection_print(ctx):
    return read(ctx, f"/admin/inspection/site/{ctx.key}/print/", _inspected(ctx.tenant))


def inspection_export(ctx):
    marker = _inspected(ctx.tenant)
    response = ctx.client.get(f"/admin/inspection/site/{ctx.key}/export.xlsx")
    return Seen(response, marker in _workbook_text(response))


def inspection_group_export(ctx):
    marker = _inspected(ctx.tenant)
    response = ctx.client.get("/admin/inspection/export.xlsx")
    return Seen(response, marker in _workbook_text(response))


def inspection_check(ctx):
    """检查 now: an inspection of the target queued (the tests' task backend runs it at once)."""
    from hub.inspection.models import InspectionRun

    before = InspectionRun.objects.filter(department=ctx.tenant.department).count()
    response = ctx.client.post(f"/admin/inspection/site/{ctx.key}/check/")
    return Seen(response, InspectionRun.objects.filter(department=ctx.tenant.department).count() > before)


def inspection_columns(ctx):
    """栏目更新规则 of the target's site."""
    return read(ctx, f"/admin/inspection/site/{ctx.key}/columns/", f'name="page" value="{ctx.tenant.column.pk}"')


def inspection_column_note(ctx):
    """A column's 暂无信息 note saved for the target's column."""
    from hub.inspection.columns import site_columns
    from hub.inspection.models import ColumnRule

    site_columns(ctx.tenant.department)  # the rules exist once the site was looked at
    note = f"{ctx.key}暂无说明"
    data = {"page": ctx.tenant.column.pk, "no_content_note": note}
    return post(
        ctx,
        f"/admin/inspection/site/{ctx.key}/columns/",
        data,
        lambda: ColumnRule.objects.filter(page_id=ctx.tenant.column.pk, no_content_note=note).exists(),
    )


# Outside links (外部链接) ---------------------------------------------------------------------------


def link_report(ctx):
    """The target's reported outside links."""
    return read(ctx, f"/admin/links/?site={ctx.key}", f"{ctx.key}-deadlink")


def link_report_all(ctx):
    """Every site the user serves: the target's links appear only when the user serves it."""
    return read(ctx, "/admin/links/", f"{ctx.key}-deadlink")


# 子站管理 (central admins only) and 本站信息 (a tenant's webmasters) -------------------------------------


def _department(ctx):
    from hub.tenancy.models import Department

    return Department.objects.get(pk=ctx.tenant.department.pk)


def subsites(ctx):
    """子站管理's list names each tenant's hostname."""
    return read(ctx, "/admin/subsites/", ctx.tenant.department.hostname)


def view_subsite(ctx):
    return read(ctx, f"/admin/subsites/inspect/{ctx.tenant.department.pk}/", ctx.tenant.department.org_code)


def edit_subsite(ctx):
    pk, name = ctx.tenant.department.pk, f"{ctx.key}改名子站"
    return post_form(
        ctx,
        f"/admin/subsites/edit/{pk}/",
        has_field="hostname",
        changes={"name": name},
        effect=lambda: _department(ctx).name == name,
    )


def create_subsite(ctx):
    """添加 in 子站管理: onboard a new subsite (the same whichever tenant is the target)."""
    from hub.tenancy.models import Department

    code = f"{ctx.key}new"
    return post_form(
        ctx,
        "/admin/subsites/new/",
        has_field="code",
        changes={
            "code": code,
            "name": f"{ctx.key}新子站",
            "short_name": "新子站",
            "org_code": f"{ctx.key.upper()}NEW",
            "hostname": f"{code}.localhost",
        },
        effect=lambda: Department.objects.filter(code=code).exists(),
    )


def subsite_offline(ctx):
    pk = ctx.tenant.department.pk
    return post(ctx, f"/admin/subsites/{pk}/online/off/", {}, lambda: not _department(ctx).is_online)


def view_site_info(ctx):
    """本站信息: the tenant's own contact details, in a form."""
    return read(ctx, f"/admin/site-info/{ctx.tenant.department.pk}/", ctx.tenant.department.address)


def edit_site_info(ctx):
    address = f"{ctx.key}新地址"
    return post_form(
        ctx,
        f"/admin/site-info/{ctx.tenant.department.pk}/",
        has_field="address",
        changes={"address": address},
        effect=lambda: _department(ctx).address == address,
    )
