"""A two-tenant site group with one user per review role, built once per test module.

The world is built inside a transaction rolled back after the module; each test runs in its own
savepoint (pytest-django's `db`), so what a test submits, approves or publishes is gone afterwards.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from hub.tenancy.onboarding import ensure_central_admin_group
from hub.workflow.chains import EGOV_EDITORS_GROUP, LEADERS_GROUP
from sites.common.models import ArticlePage, GovernmentDocumentPage
from tests import factories

CLEAN_TEXT = "克州教育局召开全州教育工作会议，部署今年重点工作。"


@dataclass
class World:
    tenant: object
    other: object
    column: object
    other_column: object
    documents_column: object
    users: dict

    def user(self, key):
        """A fresh copy of a user (per-request caches on user objects must not leak between checks)."""
        return get_user_model().objects.get(pk=self.users[key].pk)


def _user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "pw", first_name=extra.pop("first_name", username), **extra
    )
    user.groups.add(*groups)
    return user


def build_world():
    tenant = factories.make_site(short_name="教育局", code="wfjyj", hostname="wfjyj.localhost")
    other = factories.make_site(short_name="卫健委", code="wfwjw", hostname="wfwjw.localhost")

    def role(department, name):
        return department.tenant_groups.get(role=name).group

    users = {
        "author": _user("author", role(tenant, "editor"), first_name="作者"),
        "reviewer": _user("reviewer", role(tenant, "reviewer"), first_name="初审员"),
        "webmaster": _user("webmaster", role(tenant, "webmaster"), first_name="站长"),
        "other_reviewer": _user("other_reviewer", role(other, "reviewer"), first_name="他站审核员"),
        "other_author": _user("other_author", role(other, "editor"), first_name="他站作者"),
        "egov": _user("egov", Group.objects.get(name=EGOV_EDITORS_GROUP), first_name="中心编辑"),
        "leader": _user("leader", Group.objects.get(name=LEADERS_GROUP), first_name="政府办领导"),
        "central": _user("central", ensure_central_admin_group(), first_name="中心管理员"),
        "admin": get_user_model().objects.create_superuser("admin", "admin@example.com", "pw"),
    }
    return World(
        tenant=tenant,
        other=other,
        column=factories.column(tenant, "gzdt"),
        other_column=factories.column(other, "gzdt"),
        documents_column=factories.column(tenant, "xxgk", "zcwj"),
        users=users,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def w(world, db):
    """The module's world, inside this test's savepoint."""
    return world


# Driving the real admin over HTTP


def draft_article(parent, text=CLEAN_TEXT, owner=None, **fields):
    """An article saved but never published (as an editor leaves it before submitting)."""
    fields.setdefault("source", "克州教育局")
    return factories.add_page(
        parent, ArticlePage, publish=False, live=False, body=body_blocks(text), owner=owner, **fields
    )


def draft_document(parent, owner=None, **fields):
    fields.setdefault("written_date", datetime.date(2024, 2, 28))
    fields.setdefault("subject", _any_subject())
    page = factories.make_document(parent, publish=False, live=False, owner=owner, **fields)
    return GovernmentDocumentPage.objects.get(pk=page.pk)


def _any_subject():
    from hub.taxonomy.models import Subject

    return Subject.objects.order_by("pk").first()


def body_blocks(text):
    from wagtail.rich_text import RichText

    return [("paragraph", RichText(f"<p>{text}</p>"))]


def edit_form_data(client, page, text=None, **changes):
    """The page's edit form as the browser would post it: fields read from the rendered form, the
    body (built by JavaScript in a browser) rebuilt from the page or from `text`."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    if text is None:
        latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
        text = "".join(block.value.source for block in latest.body if block.block_type == "paragraph")
    else:
        text = f"<p>{text}</p>"
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(text))])}))
    for key, value in changes.items():
        data[key] = value
    return data


def submit(client, page, text=None, **changes):
    """Press "Submit for moderation" (or "Resubmit") in the page editor."""
    data = edit_form_data(client, page, text=text, **changes)
    data["action-submit"] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def save_draft(client, page, text=None, **changes):
    data = edit_form_data(client, page, text=text, **changes)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def current_task_state(page):
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def act(client, page, action, comment="", task_state=None):
    """Approve or reject the current step through Wagtail's workflow action URL (the dashboard's buttons)."""
    task_state = task_state or current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def login(client, world, key):
    client.force_login(world.users[key])
    return client


@pytest.fixture
def as_user(client, w):
    """as_user("reviewer") logs the test client in as one of the world's users."""

    def log_in(key):
        client.logout()
        client.force_login(w.users[key])
        return client

    return log_in
