"""The standard review chains (三审), defined in this one place.

A chain is an ordered list of steps. Every chain starts with the machine check, so people only
see what passed it. Provisioning (hub.workflow.provisioning) turns these definitions into Wagtail
Workflow and Task objects and keeps them in step with this file.
"""

from dataclasses import dataclass

from django.conf import settings

# Group-wide reviewer groups (one per prefecture, not per tenant).
EGOV_EDITORS_GROUP = "电子政务中心编辑"
LEADERS_GROUP = "政府办领导"


@dataclass(frozen=True)
class Step:
    key: str
    name: str
    kind: str  # "check": machine check; "tenant": a role of the page's own tenant; "central": named groups
    role: str = ""
    group: str = ""


@dataclass(frozen=True)
class Chain:
    key: str
    name: str
    steps: tuple
    description: str


STEPS = {
    "check": Step("check", "机器检查", "check"),
    "first": Step("first", "初审", "tenant", role="reviewer"),
    "second": Step("second", "复审", "central", group=EGOV_EDITORS_GROUP),
    "final": Step("final", "终审", "central", group=LEADERS_GROUP),
}

CHAINS = {
    "full": Chain(
        "full",
        "三审",
        ("check", "first", "second", "final"),
        "机器检查 → 初审（本单位审核员）→ 复审（电子政务中心）→ 终审（政府办领导）",
    ),
    "two": Chain("two", "二审", ("check", "first", "second"), "机器检查 → 初审（本单位审核员）→ 复审（电子政务中心）"),
    "one": Chain("one", "一审", ("check", "first"), "机器检查 → 初审（本单位审核员）"),
}
DEFAULT_CHAIN = "full"

# Page types that always take the full chain, whatever chain their column has; an optional
# (attribute, value) pair narrows the rule (only notices among articles). Named by app label so
# hub/ never imports sites/.
FULL_CHAIN_PAGE_TYPES = {
    "common.governmentdocumentpage": None,
    "common.appointmentnoticepage": None,
    "common.articlepage": ("kind", "notice"),
}


def workflow_name(chain):
    """The Wagtail workflow's name: short, since the editor's button reads "Submit to <name>"."""
    return chain.name


def requires_full_chain(page):
    """Whether this page's type (documents, notices, appointments) always takes three human steps."""
    label = page._meta.label_lower
    if label not in FULL_CHAIN_PAGE_TYPES:
        return False
    rule = FULL_CHAIN_PAGE_TYPES[label]
    return rule is None or getattr(page, rule[0], None) == rule[1]


def standard_workflow(key):
    """The active Wagtail Workflow provisioned for a standard chain, or None before provisioning."""
    from .models import StandardChain

    record = StandardChain.objects.filter(key=key, workflow__active=True).select_related("workflow").first()
    return record.workflow if record else None


def chain_key_for_workflow(workflow):
    from .models import StandardChain

    if workflow is None:
        return None
    return StandardChain.objects.filter(workflow=workflow).values_list("key", flat=True).first()


def workflow_for_page(page, inherited):
    """The workflow a page takes: the chain assigned to it or its nearest ancestor (Wagtail's rule,
    `inherited`), raised to the full chain for documents and notices, and the default chain for
    tenant pages under no assignment (e.g. a locale root added after onboarding)."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    workflow = inherited()
    if requires_full_chain(page):
        key = chain_key_for_workflow(workflow)
        if workflow is None or (key is not None and key != "full"):
            return standard_workflow("full") or workflow
        return workflow
    if workflow is None and page.path and (page.depth or 0) >= 2:
        from hub.tenancy.scoping import department_for_page

        if department_for_page(page) is not None:
            return standard_workflow(DEFAULT_CHAIN)
    return workflow
