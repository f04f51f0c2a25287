"""Onboarding gives every tenant the chain; the central admin chooses shorter chains per column,
while documents and notices always take all three human steps."""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from hub.tenancy.onboarding import onboard_site
from hub.tenancy.scoping import locale_roots
from hub.workflow.chains import CHAINS, EGOV_EDITORS_GROUP, LEADERS_GROUP
from hub.workflow.models import StandardChain
from hub.workflow.provisioning import assign_chain, ensure_standard_chains, provision_tenant
from sites.common.models import ArticlePage
from tests import factories

from .conftest import act, current_task_state, draft_article, draft_document, submit


def chain_steps(workflow):
    return list(workflow.tasks.values_list("name", flat=True))


def test_onboarding_gives_the_tenant_the_three_review_chain(w):
    root = w.tenant.site.root_page
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert chain_steps(workflow) == ["机器检查", "初审", "复审", "终审"]
    assert workflow.standard_chain.key == "full"
    # Every page of the tenant takes it; the two group-wide groups exist once for the whole group.
    assert draft_article(w.column).get_workflow() == workflow
    assert Group.objects.filter(name__in=[EGOV_EDITORS_GROUP, LEADERS_GROUP]).count() == 2


def test_provisioning_is_idempotent(w):
    counts = (Workflow.objects.count(), WorkflowTask.objects.count(), WorkflowPage.objects.count())
    result = onboard_site(code=w.tenant.code, name=w.tenant.name, hostname=w.tenant.hostname)
    assert not any(step.startswith("workflow") for step in result.steps)
    ensure_standard_chains()
    assert provision_tenant(w.tenant) == []
    assert (Workflow.objects.count(), WorkflowTask.objects.count(), WorkflowPage.objects.count()) == counts


def test_the_definition_is_the_one_place_chains_are_decided(w):
    full = StandardChain.objects.get(key="full").workflow
    # Someone removes 终审 from the standard chain in Wagtail's workflow editor...
    WorkflowTask.objects.filter(workflow=full, task__name="终审").delete()
    assert chain_steps(full) == ["机器检查", "初审", "复审"]
    # ...provisioning (run by every onboarding) puts the definition back.
    ensure_standard_chains()
    assert chain_steps(full) == ["机器检查", "初审", "复审", "终审"]
    assert {c.key: chain_steps(c.workflow) for c in StandardChain.objects.all()} == {
        key: [{"check": "机器检查", "first": "初审", "second": "复审", "final": "终审"}[s] for s in chain.steps]
        for key, chain in CHAINS.items()
    }


def test_a_root_with_another_workflow_is_given_the_chain(w):
    """A one-step review set up before the chain existed gives way: nothing skips the chain."""
    department = factories.make_site()
    root = department.site.root_page
    task = GroupApprovalTask.objects.create(name="旧审核")
    old = Workflow.objects.create(name="旧流程")
    WorkflowTask.objects.create(workflow=old, task=task, sort_order=0)
    WorkflowPage.objects.filter(page=root).update(workflow=old)
    assert provision_tenant(department) == [Page.objects.get(pk=root.pk)]
    assert WorkflowPage.objects.get(page=root).workflow.standard_chain.key == "full"


def test_a_new_locale_root_takes_the_chain(w):
    from wagtail.models import Locale

    department = factories.make_site()
    root = department.site.root_page
    ug = Locale.objects.get(language_code="ug")
    translated = root.copy_for_translation(ug)
    assert translated.pk in {p.pk for p in locale_roots(department)}
    assert WorkflowPage.objects.get(page=translated).workflow.standard_chain.key == "full"


def test_a_shorter_chain_for_a_low_risk_column_but_documents_and_notices_take_three_steps(w, as_user):
    assign_chain(w.column, "two")
    news = draft_article(w.column, owner=w.users["author"])
    notice = draft_article(w.column, owner=w.users["author"], kind=ArticlePage.Kind.NOTICE)
    assert news.get_workflow().standard_chain.key == "two"
    assert notice.get_workflow().standard_chain.key == "full"

    submit(as_user("author"), news)
    act(as_user("reviewer"), news, "approve")
    act(as_user("egov"), news, "approve")
    assert Page.objects.get(pk=news.pk).live  # two human steps were enough

    submit(as_user("author"), notice)
    act(as_user("reviewer"), notice, "approve")
    act(as_user("egov"), notice, "approve")
    assert current_task_state(notice).task.name == "终审"
    assert not Page.objects.get(pk=notice.pk).live

    assign_chain(w.documents_column, "one")
    document = draft_document(w.documents_column)
    assert document.get_workflow().standard_chain.key == "full"
    # Taking the assignment away, the column inherits the tenant's chain again.
    assign_chain(w.column, None)
    assert Page.objects.get(pk=news.pk).specific.get_workflow().standard_chain.key == "full"


def test_the_central_admin_chooses_the_chain_in_the_admin(w, as_user):
    central = as_user("central")
    page = central.get(reverse("workflow:chains"), {"site": w.tenant.code})
    assert page.status_code == 200 and "工作动态" in page.content.decode()
    response = central.post(reverse("workflow:chains"), {"site": w.tenant.code, "page": w.column.pk, "chain": "one"})
    assert response.status_code == 302
    assert WorkflowPage.objects.get(page=w.column).workflow.standard_chain.key == "one"
    # A column of another tenant cannot be changed through this tenant's form.
    response = central.post(
        reverse("workflow:chains"), {"site": w.tenant.code, "page": w.other_column.pk, "chain": "one"}
    )
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not WorkflowPage.objects.filter(page=w.other_column).exists()
    # Only central admins reach the screen.
    for who in ("webmaster", "reviewer", "egov"):
        assert as_user(who).get(reverse("workflow:chains")).url == reverse("wagtailadmin_home")
