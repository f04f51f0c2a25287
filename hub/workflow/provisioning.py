"""Turning the chain definitions into Wagtail objects, and giving each tenant its review chain.

All functions are idempotent; onboarding, the management command, the demo loader and the
tests call the same ones.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from hub.tenancy.scoping import locale_roots

from .chains import CHAINS, DEFAULT_CHAIN, STEPS, workflow_name
from .models import CentralReviewTask, ContentCheckTask, StandardChain, StandardStep, TenantReviewTask

logger = logging.getLogger(__name__)

STEP_MODELS = {"check": ContentCheckTask, "tenant": TenantReviewTask, "central": CentralReviewTask}


def ensure_review_groups():
    """The group-wide reviewer groups (e-government centre editors, government-office leaders),
    with access to the admin; returns {group name: Group}."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for step in STEPS.values():
        if step.kind == "central":
            group, _created = Group.objects.get_or_create(name=step.group)
            group.permissions.add(access_admin)
            groups[step.group] = group
    return groups


def _ensure_step(step, groups):
    record = StandardStep.objects.filter(key=step.key).select_related("task").first()
    model = STEP_MODELS[step.kind]
    task = record.task.specific if record else None
    if task is None or not isinstance(task, model):
        task = model.objects.create(name=step.name)
        StandardStep.objects.update_or_create(key=step.key, defaults={"task": task})
    changed = []
    if not task.active:
        task.active = True
        changed.append("active")
    if step.kind == "tenant" and task.role != step.role:
        task.role = step.role
        changed.append("role")
    if changed:
        task.save(update_fields=changed)
    if step.kind == "central":
        task.groups.set([groups[step.group]])
    return task


@transaction.atomic
def ensure_standard_chains():
    """Create or bring back in line the standard tasks and workflows of hub.workflow.chains.

    The steps of a standard workflow are reset to the definition (the definition is the one
    place chains are decided); page assignments are left alone. Returns {chain key: Workflow}.
    """
    groups = ensure_review_groups()
    tasks = {key: _ensure_step(step, groups) for key, step in STEPS.items()}
    workflows = {}
    for chain in CHAINS.values():
        record = StandardChain.objects.filter(key=chain.key).select_related("workflow").first()
        workflow = record.workflow if record else Workflow.objects.create(name=workflow_name(chain))
        if record is None:
            StandardChain.objects.create(key=chain.key, workflow=workflow)
        if workflow.name != workflow_name(chain) or not workflow.active:
            workflow.name, workflow.active = workflow_name(chain), True
            workflow.save(update_fields=["name", "active"])
        wanted = [tasks[key].pk for key in chain.steps]
        current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
        if current != wanted:
            WorkflowTask.objects.filter(workflow=workflow).delete()
            WorkflowTask.objects.bulk_create(
                WorkflowTask(workflow=workflow, task_id=task_id, sort_order=index)
                for index, task_id in enumerate(wanted)
            )
        workflows[chain.key] = workflow
    return workflows


def assign_chain(page, key):
    """Make `page` and everything below it (in every locale) take the standard chain `key`;
    None removes the page's own assignment so it inherits its parent's. Returns the pages changed."""
    workflows = ensure_standard_chains()
    pages = list(Page.objects.filter(translation_key=page.translation_key, depth=page.depth))
    changed = []
    for each in pages:
        if key is None:
            if WorkflowPage.objects.filter(page=each).delete()[0]:
                changed.append(each)
            continue
        current = WorkflowPage.objects.filter(page=each).first()
        if current is None or current.workflow_id != workflows[key].pk:
            WorkflowPage.objects.update_or_create(page=each, defaults={"workflow": workflows[key]})
            changed.append(each)
    return changed


def provision_tenant(department):
    """Put the default chain on every locale root of a tenant that has no standard chain yet; returns
    the roots changed. A standard chain an administrator chose for a root is kept; any other
    workflow on a root (e.g. a one-step review set up before the chain existed) gives way, since
    nothing may reach the public without the chain."""
    workflows = ensure_standard_chains()
    standard = set(StandardChain.objects.values_list("workflow_id", flat=True))
    changed = []
    for root in locale_roots(department):
        current = WorkflowPage.objects.filter(page=root).first()
        if current is None or current.workflow_id not in standard:
            WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflows[DEFAULT_CHAIN]})
            changed.append(root)
    return changed


def provision_on_onboarding(sender, department, created, steps, **kwargs):
    """tenant_onboarded receiver: runs inside onboarding's transaction."""
    if provision_tenant(department):
        steps.append(f"workflow {CHAINS[DEFAULT_CHAIN].name}")


def provision_new_locale_root(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a site root created in another locale (a translation) takes the chain too."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    from hub.tenancy.scoping import department_for_page

    department = department_for_page(instance)
    if department is not None and StandardChain.objects.exists():
        provision_tenant(department)
