"""Choice fields of admin forms accept, and show back, only what the user may choose.

The matrix (test_admin_matrix) shows that a crafted POST naming another tenant's unpublished page,
record or file changes nothing; these tests show how it is refused (a form error on that field,
the other tenant's object never named in the answer), that the narrowing holds in forms only
central admins normally reach, and that the page chooser's arrow into a page's children appears
only where a child may be linked to.
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from hub.directory.models import DirectoryLeader
from hub.feeds.models import FeedSource

from .browser import body_text, read_form

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def private_of(tenant, text):
    return [marker for marker in tenant.private_markers if marker in text]


def edit_page(world, user, page, changes):
    """Post the page editor's form for `page` (as the admin shows it) with some fields changed."""
    url = f"/admin/pages/{page.pk}/edit/"
    data = read_form(body_text(logged_in(world.superuser).get(url)), has_field="title")
    data.update({name: [value] for name, value in changes.items()})
    return logged_in(user).post(url, data)


def latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.mark.parametrize("role", ["webmaster", "editor", "reviewer"])
def test_a_page_field_refuses_another_sites_unpublished_page(world, role):
    speech = world.a.speech
    response = edit_page(world, world.a.users[role], speech, {"leader": world.b.leader_draft.pk, "body-count": "0"})
    assert response.status_code == 200
    assert "leader" in response.context["form"].errors
    assert latest(speech).leader_id is None
    assert not private_of(world.b, body_text(response))


def test_a_page_field_accepts_another_sites_published_page_and_own_drafts(world):
    speech, editor = world.a.speech, world.a.users["editor"]
    for target in (world.b.leader, world.a.leader_draft):
        response = edit_page(world, editor, speech, {"leader": target.pk, "body-count": "0"})
        assert response.status_code == 302, response.context["form"].errors
        assert latest(speech).leader_id == target.pk


def test_a_saved_choice_of_another_sites_page_that_is_no_longer_public_is_not_shown(world):
    """A central admin may set any page; a tenant's editor then meets it as the public would: not at all."""
    speech = world.a.speech
    speech.leader = world.b.leader_draft
    speech.save_revision(user=world.central)
    text = body_text(logged_in(world.a.users["editor"]).get(f"/admin/pages/{speech.pk}/edit/"))
    assert "isob领导未发布稿" not in text
    assert "isob领导未发布稿" in body_text(logged_in(world.central).get(f"/admin/pages/{speech.pk}/edit/"))


def test_a_record_field_refuses_another_sites_record(world):
    page = world.a.mailbox_page
    response = edit_page(world, world.a.users["editor"], page, {"mailbox": world.b.mailbox.pk})
    assert response.status_code == 200
    assert "mailbox" in response.context["form"].errors
    assert latest(page).mailbox_id is None
    assert not private_of(world.b, body_text(response))
    response = edit_page(world, world.a.users["editor"], page, {"mailbox": world.a.mailbox.pk})
    assert response.status_code == 302
    assert latest(page).mailbox_id == world.a.mailbox.pk


def test_an_inline_document_field_refuses_another_sites_document(world):
    article = world.a.draft
    changes = {
        "body-count": "0",
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-id": "",
        "attachments-0-ORDER": "1",
        "attachments-0-document": world.b.document.pk,
        "attachments-0-title": "",
    }
    response = edit_page(world, world.a.users["editor"], article, changes)
    assert response.status_code == 200
    assert "document" in response.context["form"].formsets["attachments"].forms[0].errors
    assert not latest(article).attachments.exists()
    assert not private_of(world.b, body_text(response))


def test_a_preview_refuses_another_sites_unpublished_page(world):
    speech = world.a.speech
    url = f"/admin/pages/{speech.pk}/edit/"
    data = read_form(body_text(logged_in(world.superuser).get(url)), has_field="title")
    data.update({"leader": [world.b.leader_draft.pk], "body-count": ["0"]})
    client = logged_in(world.a.users["editor"])
    answer = client.post(f"{url}preview/", data)
    assert answer.json()["is_valid"] is False
    assert not private_of(world.b, body_text(client.get(f"{url}preview/")))


def grant(tenant, role, *codenames):
    tenant.groups[role].permissions.add(*Permission.objects.filter(codename__in=codenames))
    return type(tenant.users[role]).objects.get(pk=tenant.users[role].pk)


def test_feed_source_column_is_narrowed_even_for_a_tenant_user_given_the_permission(world):
    """Feed sources are the central admins'; were a tenant's group given them, the column would
    still be only a page that group's users may link to."""
    webmaster = logged_in(grant(world.a, "webmaster", "add_feedsource"))
    url = "/admin/snippets/feeds/feedsource/add/"
    data = {"name": "源", "url": "https://example.org/rss.xml", "column": world.b.draft.pk, "publish": "on"}
    response = webmaster.post(url, data)
    assert response.status_code == 200
    assert "column" in response.context["form"].errors
    assert not FeedSource.objects.filter(name="源").exists()
    assert not private_of(world.b, body_text(response))
    assert webmaster.post(url, dict(data, column=world.b.column.pk)).status_code == 302
    assert FeedSource.objects.get(name="源").column_id == world.b.column.pk


def test_directory_profile_page_is_narrowed_even_for_a_tenant_user_given_the_permission(world):
    webmaster = logged_in(grant(world.a, "webmaster", "change_directoryentry"))
    entry = world.a.department.directory_entry
    url = f"/admin/snippets/directory/directoryentry/edit/{entry.pk}/"
    data = read_form(body_text(logged_in(world.superuser).get(url)), has_field="summary")
    leader = {
        "leaders-TOTAL_FORMS": "1",
        "leaders-0-id": "",
        "leaders-0-ORDER": "1",
        "leaders-0-name": "领导",
        "leaders-0-position": "局长",
        "leaders-0-responsibilities": "",
        "leaders-0-photo": "",
    }
    data.update({name: [value] for name, value in leader.items()})
    response = webmaster.post(url, dict(data, **{"leaders-0-profile_page": [world.b.leader_draft.pk]}))
    assert response.status_code == 200
    assert "profile_page" in response.context["form"].formsets["leaders"].forms[0].errors
    assert not DirectoryLeader.objects.filter(entry=entry).exists()
    assert not private_of(world.b, body_text(response))
    response = webmaster.post(url, dict(data, **{"leaders-0-profile_page": [world.b.leader.pk]}))
    assert response.status_code == 302
    assert DirectoryLeader.objects.get(entry=entry).profile_page_id == world.b.leader.pk


# The page chooser's arrow into a page's children ------------------------------------------------------


def has_arrow(text, page):
    """Whether a chooser listing (HTML inside the modal's JSON) links into the page's children."""
    return f'href="/admin/choose-page/{page.pk}/' in text.replace('\\"', '"')


LINK_CHOOSER = "?allow_external_link=true&allow_email_link=true&allow_phone_link=true&allow_anchor_link=true"


@pytest.mark.parametrize("query", ["", LINK_CHOOSER])
def test_no_arrow_into_another_sites_page_whose_children_are_all_unpublished(world, query):
    """B's leader page is live, its only child an unpublished speech: A's editor may link to the
    leader page, and meets no arrow into its children (nor the speech, opening it by hand)."""
    editor = logged_in(world.a.users["editor"])
    text = body_text(editor.get(f"/admin/choose-page/{world.b.column.pk}/{query}"))
    assert "isob领导之窗" in text
    assert not has_arrow(text, world.b.leader)
    assert not private_of(world.b, body_text(editor.get(f"/admin/choose-page/{world.b.leader.pk}/{query}")))


@pytest.mark.parametrize("query", ["", LINK_CHOOSER])
def test_an_arrow_into_own_pages_with_unpublished_children_and_into_others_with_published_ones(world, query):
    editor = logged_in(world.a.users["editor"])
    own = body_text(editor.get(f"/admin/choose-page/{world.a.column.pk}/{query}"))
    assert has_arrow(own, world.a.leader)  # its own unpublished speech may be linked to
    other = body_text(editor.get(f"/admin/choose-page/{world.b.root.pk}/{query}"))
    assert has_arrow(other, world.b.column)  # B's column has published children
    assert "isoa讲话未发布稿" in body_text(editor.get(f"/admin/choose-page/{world.a.leader.pk}/{query}"))


def test_the_central_admin_sees_every_arrow(world):
    text = body_text(logged_in(world.central).get(f"/admin/choose-page/{world.b.column.pk}/"))
    assert has_arrow(text, world.b.leader)


def test_a_submission_to_the_portal_offers_only_the_portals_live_columns(world):
    """Submissions (信息报送) choose a portal column from the portal's live columns, never a page of
    another tenant, published or not."""
    from hub.syndication.models import Submission
    from hub.tenancy.onboarding import onboard_site

    onboard_site(code="isop", name="隔离测试门户", hostname="isop.localhost", short_name="门户", kind="portal")
    editor = logged_in(world.a.users["editor"])
    url = f"/admin/syndication/submit/{world.a.live.pk}/"
    for column in (world.b.draft, world.b.column):
        response = editor.post(url, {"suggested_column": column.pk, "note": ""})
        assert response.status_code == 200
        assert "suggested_column" in response.context["form"].errors
        assert not private_of(world.b, body_text(response))
    assert not Submission.objects.filter(page=world.a.live).exists()
    assert editor.post(url, {"suggested_column": "", "note": ""}).status_code == 302


def test_rich_text_may_not_link_to_another_sites_unpublished_page(world):
    """The link chooser never offers another tenant's unpublished page; a link posted by hand is
    refused too (the review chain's link check would otherwise name the page in its findings)."""
    from .test_cross_linking import link_to

    column = world.a.column
    for target, saved in ((world.b.draft, False), (world.b.live, True), (world.a.draft, True)):
        response = edit_page(world, world.a.users["editor"], column, {"intro": link_to(target)})
        intro = latest(column).intro
        assert (f'id="{target.pk}"' in intro) is saved
        if saved:
            assert response.status_code == 302
        else:
            assert response.status_code == 200
            assert "intro" in response.context["form"].errors
            assert not private_of(world.b, body_text(response))
