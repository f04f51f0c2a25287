"""The dashboard's to-do panel (待办事项): what the user's own tenants have to do now.

Apps add their sections with `register` (letters due and overdue, items in review, submissions to
the portal) and stay where their data lives; this module only collects and shows them. Each section
is asked for the tenants the user holds a role on (`scoping.tenant_roles`), never for everyone's, so
a central admin without a tenant role sees no panel and a webmaster sees nothing of another tenant.
"""

from dataclasses import dataclass, field

from wagtail.admin.ui.components import Component

from . import scoping

PANEL_ROWS = 8


@dataclass
class TodoRow:
    title: str
    url: str
    state: str
    detail: str = ""
    urgent: bool = False


@dataclass
class TodoSection:
    heading: str
    rows: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""
    more_label: str = ""


_sections = []


def register(order):
    """Decorator: `fn(user, department_ids) -> TodoSection | None` becomes a section, sorted by order."""

    def add(function):
        _sections.append((order, function))
        _sections.sort(key=lambda pair: pair[0])
        return function

    return add


def sections_for(user):
    """The non-empty sections for the tenants this user holds a role on."""
    department_ids = set(scoping.tenant_roles(user))
    if not department_ids:
        return []
    sections = (function(user, department_ids) for _order, function in _sections)
    return [section for section in sections if section is not None and section.rows]


class TodoPanel(Component):
    name = "tenant_todo"
    template_name = "tenancy/panels/todo.html"
    order = 90  # first: above the review queue and Wagtail's own panels

    def __init__(self, sections):
        self.sections = sections

    def get_context_data(self, parent_context):
        return {"sections": self.sections}


def add_todo_panel(request, panels):
    """construct_homepage_panels: the to-do panel, when the user's tenants have anything to do."""
    sections = sections_for(request.user)
    if sections:
        panels.append(TodoPanel(sections))
