"""The isolation matrix: every role × every admin surface × own / other tenant × action, over HTTP.

Generated from TABLE below: one row per surface and action, naming the roles that may act on their
own tenant and what a tenant's user meets on another tenant (DENY, or PUBLIC where linking to a
published page is allowed). Central admins may act on every tenant (they do not approve content:
that is the reviewers' part of the workflow); an admin user who serves no tenant may act on none.
Publishing is approval in the review workflow: direct publishing is refused for reviewed pages.

Every response a non-central user gets is also searched for the content of tenants they do not
serve: titles (draft or live), file names, paths, settings, user and group names must never
appear, except published titles and site names where linking needs them.

    pytest --collect-only -q tests/isolation/test_admin_matrix.py | tail -1   # the matrix size
"""

from dataclasses import dataclass

import pytest
from django.test import Client

from . import surfaces as s

W, E, R = "webmaster", "editor", "reviewer"
ANY_ROLE = frozenset({W, E, R})
ROLES = (W, E, R, "central", "outsider")
SCOPES = ("own", "other")
ALLOW, DENY, PUBLIC = "allow", "deny", "public"


@dataclass(frozen=True)
class Row:
    surface: str
    action: str
    own_roles: frozenset  # tenant roles allowed on their own tenant
    probe: object
    cross: str = DENY  # what a tenant's user meets on another tenant
    central: str = ALLOW  # what a central admin meets (on every tenant)
    public_site: bool = False  # renders the public site, which names every department's site


TABLE = [
    # Page tree: explorer, editing, the actions that move content between trees
    Row("explorer", "list", ANY_ROLE, s.explorer),
    Row("explorer (Uyghur root)", "list", ANY_ROLE, s.explorer_locale_root),
    Row("explorer menu (admin API)", "list", ANY_ROLE, s.explorer_menu),
    Row("explorer menu, sites (admin API)", "list", ANY_ROLE, s.explorer_menu_top),
    Row("page", "view", ANY_ROLE, s.view_page),
    Row("page", "edit", ANY_ROLE, s.edit_page),
    Row("page", "publish", {W, R}, s.approve_page, central=DENY),
    Row("page", "publish from queue", {W, R}, s.approve_page_from_queue, central=DENY),
    Row("page", "create", {W, E}, s.create_page),
    Row("page", "delete", {W}, s.delete_page),
    Row("page", "move", {W}, s.move_page),
    Row("page", "move into", {W}, s.move_into),
    Row("page", "copy", {W, E}, s.copy_page),
    Row("page", "copy into", {W, E}, s.copy_into),
    Row("page", "lock", ANY_ROLE, s.lock_page),
    Row("page draft", "view", ANY_ROLE, s.view_draft, public_site=True),
    Row("page history (audit)", "list", ANY_ROLE, s.page_history),
    Row("pages of a type", "list", ANY_ROLE, s.page_types_usage),
    Row("admin search", "list", ANY_ROLE, s.admin_search),
    # Choosers: other tenants' published pages may be linked to, nothing else of theirs is seen
    Row("page chooser", "choose", ANY_ROLE, s.page_chooser, cross=PUBLIC),
    Row("page chooser search", "choose", ANY_ROLE, s.page_chooser_search, cross=PUBLIC),
    Row("rich text link chooser", "choose", ANY_ROLE, s.link_chooser, cross=PUBLIC),
    Row("page chooser (unpublished page)", "choose", ANY_ROLE, s.page_chooser_draft),
    Row("page chooser (chosen)", "choose", ANY_ROLE, s.page_chosen),
    # Choice fields of forms: a crafted POST with the target's unpublished page, record or file
    Row("page form: page field (unpublished page)", "choose", ANY_ROLE, s.page_field_draft),
    Row("page form: tenant record field (mailbox)", "choose", ANY_ROLE, s.record_field),
    Row("page form: inline document field", "choose", ANY_ROLE, s.inline_document_field),
    Row("redirect: target page (unpublished)", "choose", {W}, s.redirect_page_field),
    Row("best bets: promoted page (unpublished)", "choose", {W}, s.promoted_page_field),
    Row("feed source: column (unpublished page)", "choose", frozenset(), s.feed_column_field),
    Row("directory: leader's profile page (unpublished)", "choose", frozenset(), s.directory_profile_field),
    # Images and documents (each tenant's own collection)
    Row("images", "list", {W, E}, s.images),
    Row("image", "view", {W, E}, s.view_image),
    Row("image", "edit", {W, E}, s.edit_image),
    Row("image", "delete", {W, E}, s.delete_image),  # Wagtail: deleting media is part of changing it
    Row("image", "create", {W, E}, s.upload_image),
    Row("image chooser", "choose", ANY_ROLE, s.image_chooser),
    Row("image chooser (chosen)", "choose", ANY_ROLE, s.image_chosen),
    Row("image usage", "view", {W, E}, s.image_usage),
    Row("images admin API", "list", ANY_ROLE, s.images_api),
    Row("documents", "list", {W, E}, s.documents),
    Row("document", "view", {W, E}, s.view_document),
    Row("document", "edit", {W, E}, s.edit_document),
    Row("document", "delete", {W, E}, s.delete_document),
    Row("document", "create", {W, E}, s.upload_document),
    Row("document chooser", "choose", ANY_ROLE, s.document_chooser),
    Row("document chooser (chosen)", "choose", ANY_ROLE, s.document_chosen),
    Row("documents admin API", "list", ANY_ROLE, s.documents_api),
    # A tenant-owned snippet (友情链接)
    Row("friendly links", "list", {W, E}, s.links),
    Row("friendly link", "view", {W}, s.view_link),
    Row("friendly link", "create", {W}, s.create_link),
    Row("friendly link", "edit", {W}, s.edit_link),
    Row("friendly link", "delete", {W}, s.delete_link),
    Row("friendly links (bulk)", "delete", {W}, s.bulk_delete_links),
    Row("friendly link history (audit)", "list", {W}, s.link_history),
    Row("friendly link chooser", "choose", {W, E}, s.friendly_link_chooser),
    Row("friendly link chooser (chosen)", "choose", {W, E}, s.friendly_link_chosen),
    # A citizen's letter: kept (no role deletes one, not even a central admin through Wagtail's views);
    # its tenant's staff archive it; central admins, who read no letters, remove one by its code
    Row("letter", "archive", {W, E}, s.archive_letter, central=DENY),
    Row("letter", "delete", frozenset(), s.delete_letter, central=DENY),
    Row("letters (bulk)", "delete", frozenset(), s.bulk_delete_letters, central=DENY),
    Row("record removal", "delete", frozenset(), s.remove_record),
    # 我要纠错: the page's tenant's staff list, read and handle its error reports; central admins read none
    Row("纠错 error reports", "list", {W, E}, s.error_reports, central=DENY),
    Row("纠错 error report", "view", {W, E}, s.view_error_report, central=DENY),
    Row("纠错 error report", "handle", {W, E}, s.handle_error_report, central=DENY),
    # Per-site settings and redirects
    Row("site options", "view", {W}, s.view_settings),
    Row("site options", "edit", {W}, s.edit_settings),
    Row("redirects", "list", {W}, s.redirects),
    Row("redirects", "export", {W}, s.export_redirects),
    Row("redirect", "view", {W}, s.view_redirect),
    Row("redirect", "edit", {W}, s.edit_redirect),
    Row("redirect", "create", {W}, s.create_redirect),
    Row("redirect", "delete", {W}, s.delete_redirect),
    # Reports and the dashboard
    Row("locked pages report", "list", {W}, s.locked_report),
    Row("locked pages report", "export", {W}, s.locked_export),
    Row("aging pages report", "list", {W}, s.aging_report),
    Row("aging pages report", "export", {W}, s.aging_export),
    Row("site history (audit)", "list", ANY_ROLE, s.site_history),
    Row("site history (audit)", "export", ANY_ROLE, s.site_history_export),
    Row("page types usage report", "list", ANY_ROLE, s.page_types_report),
    Row("workflow report", "list", ANY_ROLE, s.workflow_report),
    Row("workflow report", "export", ANY_ROLE, s.workflow_export),
    Row("workflow tasks report", "list", ANY_ROLE, s.workflow_tasks_report),
    Row("dashboard", "list", ANY_ROLE, s.dashboard, central=DENY),  # its panels are the user's own work
    # The review chain (三审): queue, approval record, its export, dashboard panel, settings, word lists
    Row("review queue", "list", {W, R}, s.review_queue),
    Row("review queue (site filter)", "list", {W, R}, s.review_queue_site),
    Row("review record", "view", ANY_ROLE, s.review_record),
    Row("review record", "export", ANY_ROLE, s.review_export),
    Row("review queue panel (dashboard)", "list", {W, R}, s.review_panel, central=DENY),  # the user's own tasks
    Row("to-do panel (dashboard)", "list", ANY_ROLE, s.todo_panel, central=DENY),  # the user's own tenants
    Row("review chain settings", "view", frozenset(), s.review_chains),
    Row("word lists", "view", frozenset(), s.wordlists),  # 审校词库, shared by every site
    Row("outside links (外部链接)", "list", ANY_ROLE, s.link_report),
    Row("outside links, every site of the user", "list", ANY_ROLE, s.link_report_all),
    Row("word lists", "edit", frozenset(), s.edit_wordlist),
    # Site inspection (网站自查): a tenant's webmasters see their own sites; central admins every site
    Row("inspection panel (dashboard)", "list", {W}, s.inspection_panel, central=DENY),  # group figures only
    Row("inspection table", "list", {W}, s.inspection_table),
    Row("inspection table", "export", {W}, s.inspection_group_export),
    Row("inspection report", "view", {W}, s.inspection_report),
    Row("inspection report (print)", "view", {W}, s.inspection_print),
    Row("inspection report", "export", {W}, s.inspection_export),
    Row("inspection check now", "create", {W}, s.inspection_check),
    Row("inspection column rules", "view", {W}, s.inspection_columns),
    Row("inspection column note", "edit", {W}, s.inspection_column_note),
    # Form submissions
    Row("forms", "list", ANY_ROLE, s.forms),
    Row("form submissions", "list", ANY_ROLE, s.submissions),
    Row("form submissions", "export", ANY_ROLE, s.export_submissions),
    Row("form submissions", "delete", ANY_ROLE, s.delete_submissions),
    # Accounts and groups: central admins only
    Row("users", "list", frozenset(), s.users),
    Row("user", "view", frozenset(), s.view_user),
    Row("user", "edit", frozenset(), s.edit_user),
    Row("groups", "list", frozenset(), s.groups),
    Row("group", "view", frozenset(), s.view_group),
    # 子站管理: the tenants' records, central admins only; 本站信息: a tenant's webmasters keep its contact details
    Row("subsites (子站管理)", "list", frozenset(), s.subsites),
    Row("subsite", "view", frozenset(), s.view_subsite),
    Row("subsite", "edit", frozenset(), s.edit_subsite),
    Row("subsite", "create", frozenset(), s.create_subsite),
    Row("subsite", "take offline", frozenset(), s.subsite_offline),
    Row("site info (本站信息)", "view", {W}, s.view_site_info),
    Row("site info (本站信息)", "edit", {W}, s.edit_site_info),
    # Bulk actions (their confirmation pages list the selected items) and tag suggestions
    Row("pages (bulk)", "delete", {W}, s.bulk_delete_pages),
    Row("pages (bulk selection)", "list", ANY_ROLE, s.bulk_page_selection),
    Row("images (bulk)", "delete", {W, E}, s.bulk_delete_images),
    Row("images (bulk selection)", "list", {W, E}, s.bulk_image_selection),
    Row("documents (bulk selection)", "list", {W, E}, s.bulk_document_selection),
    Row("friendly links (bulk selection)", "list", {W, E}, s.bulk_link_selection),
    Row("tag suggestions", "list", ANY_ROLE, s.tag_suggestions),
    # Translation (wagtail-localize)
    Row("translation", "view", {W, E}, s.view_translation_form),
    Row("translation", "create", {W, E}, s.submit_translation),
    Row("translations report", "list", ANY_ROLE, s.translations_report),
    Row("translation editor snippet API", "list", {W, E}, s.localize_snippet_api),
]


def expected(row, role, scope):
    if role == "central":
        return row.central
    if role == "outsider":
        return PUBLIC if row.cross == PUBLIC else DENY
    if scope == "own":
        return ALLOW if role in row.own_roles else DENY
    return row.cross


MATRIX = [
    pytest.param(row, role, scope, id=f"{row.surface}|{row.action}|{role}|{scope}")
    for row in TABLE
    for role in ROLES
    for scope in SCOPES
]


@pytest.fixture(scope="module")
def clients(world):
    """One logged-in client per acting user, and a superuser's for reading forms."""

    def logged_in(user):
        client = Client(raise_request_exception=True)
        client.force_login(user)
        return client

    acting = {role: logged_in(world.user(role)) for role in (W, E, R, "central")}
    acting["outsider"] = logged_in(world.outsider)
    acting["reader"] = logged_in(world.superuser)
    return acting


def foreign_tenants(world, role):
    """The tenants whose content the acting user must never see."""
    if role == "central":
        return []
    if role == "outsider":
        return [world.a, world.b]
    return [world.b]


@pytest.mark.parametrize("row,role,scope", MATRIX)
def test_matrix(world, clients, db, row, role, scope):
    tenant = world.tenant(scope)
    ctx = s.Context(world=world, tenant=tenant, client=clients[role], reader=clients["reader"])
    seen = row.probe(ctx)
    outcome = expected(row, role, scope)
    status = seen.response.status_code

    if outcome == ALLOW:
        assert seen.evidence, f"expected {role} to {row.action} {row.surface} of {tenant.key}; got {status}"
        assert status < 400
    elif outcome == DENY:
        assert not seen.evidence, f"{role} could {row.action} {row.surface} of {tenant.key} ({status})"
    else:  # PUBLIC: what the public sees, and nothing more
        assert status == 200
        assert tenant.live_title in seen.text or f"{tenant.key}维文稿" in seen.text

    for foreign in foreign_tenants(world, role):
        leaked = [marker for marker in foreign.private_markers if marker in seen.text]
        assert not leaked, f"{row.surface} shows {role} another tenant's {leaked}"
        if row.cross != PUBLIC and not row.public_site:
            leaked = [marker for marker in foreign.public_markers if marker in seen.text]
            assert not leaked, f"{row.surface} names another tenant's {leaked} to {role}"
