"""Onboarding a subsite in one step, and taking it offline; called by the admin view, the
management commands, the demo loader and the tests alike."""

import json
import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

from . import generations
from .models import Department, TenantGroup, code_validator, hostname_validator
from .scoping import CENTRAL_ADMIN_GROUP, locale_roots
from .signals import tenant_onboarded

logger = logging.getLogger(__name__)

ROLE_LABELS = {
    TenantGroup.Role.WEBMASTER: "网站管理员",
    TenantGroup.Role.EDITOR: "编辑",
    TenantGroup.Role.REVIEWER: "审核员",
}
# Page permissions each role holds on its own site's roots (all locales).
ROLE_PAGE_PERMISSIONS = {
    TenantGroup.Role.WEBMASTER: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
    TenantGroup.Role.EDITOR: ["add", "change", "lock"],
    TenantGroup.Role.REVIEWER: ["change", "lock"],
}
# Collection permissions on the site's own media collection.
ROLE_COLLECTION_PERMISSIONS = {
    TenantGroup.Role.WEBMASTER: ["add", "change", "delete", "choose"],
    TenantGroup.Role.EDITOR: ["add", "change", "choose"],
    TenantGroup.Role.REVIEWER: ["choose"],
}
# Shared data every role reads: the subject classification and the department directory.
SHARED_READ_PERMISSIONS = [("taxonomy", "view_subject"), ("tenancy", "view_department")]
# Model permissions each role holds; held through a tenant's group they apply to that tenant's
# records only (hub.tenancy.scoping.permitted_department_ids).
ROLE_MODEL_PERMISSIONS = {
    TenantGroup.Role.WEBMASTER: SHARED_READ_PERMISSIONS
    + [
        ("tenancy", "add_friendlylink"),
        ("tenancy", "change_friendlylink"),
        ("tenancy", "delete_friendlylink"),
        ("tenancy", "view_friendlylink"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("wagtail_localize", "submit_translation"),
    ],
    TenantGroup.Role.EDITOR: SHARED_READ_PERMISSIONS
    + [("tenancy", "view_friendlylink"), ("wagtail_localize", "submit_translation")],
    TenantGroup.Role.REVIEWER: SHARED_READ_PERMISSIONS,
}
# Per-site settings each role may change on its own site (Wagtail's GroupSitePermission).
ROLE_SITE_PERMISSIONS = {
    TenantGroup.Role.WEBMASTER: [("tenancy", "change_siteoptions")],
    TenantGroup.Role.EDITOR: [],
    TenantGroup.Role.REVIEWER: [],
}
DEPARTMENT_FIELDS = {
    "address",
    "postcode",
    "phone",
    "email",
    "office_hours",
    "site_identifier",
    "icp_number",
    "police_record_number",
    "sponsor",
    "organizer",
    "party_gov_label_url",
    "sort_order",
    "theme_variant",
}


@dataclass
class OnboardingResult:
    department: Department
    created: bool
    steps: list = field(default_factory=list)

    def summary(self):
        verb = "created" if self.created else "already present, completed"
        done = "; ".join(self.steps) or "nothing missing"
        return f"{self.department.code} ({self.department.name}) {verb}: {done}"


def load_column_plan(kind):
    """The standard column plan for a site kind, from the one editable JSON file."""
    with open(settings.HUB_COLUMN_PLAN, encoding="utf-8") as plan_file:
        plan = json.load(plan_file)
    return plan.get(kind, plan.get(Department.Kind.DEPARTMENT, []))


def _model(setting_name):
    return apps.get_model(getattr(settings, setting_name))


def validate_new_site(*, code, name, hostname, port=80):
    """Raise ValidationError (per field) unless a site with these values may be created or completed."""
    errors = {}
    for key, value, validator in (("code", code, code_validator), ("hostname", hostname, hostname_validator)):
        try:
            validator(value or "")
        except ValidationError as exc:
            errors[key] = exc.messages
    if not name or not name.strip():
        errors["name"] = [_("A full name is required.")]
    if errors:
        raise ValidationError(errors)

    existing = Department.objects.filter(code=code).first()
    if existing and existing.hostname != hostname:
        errors["code"] = [
            _("The code %(code)s is already used by %(name)s (%(hostname)s).")
            % {"code": code, "name": existing.name, "hostname": existing.hostname}
        ]
    other_host = Department.objects.filter(hostname=hostname).exclude(code=code).first()
    if other_host:
        errors["hostname"] = [
            _("The hostname %(hostname)s is already used by %(name)s.")
            % {"hostname": hostname, "name": other_host.name}
        ]
    elif not existing and Site.objects.filter(hostname=hostname, port=port).exists():
        errors["hostname"] = [_("A Wagtail site already answers at %(hostname)s.") % {"hostname": hostname}]
    other_name = Department.objects.filter(name=name).exclude(code=code).first()
    if other_name:
        errors["name"] = [_("%(name)s already has a site (code %(code)s).") % {"name": name, "code": other_name.code}]
    if errors:
        raise ValidationError(errors)
    return existing


def _publish(page):
    page.save_revision().publish()
    return page


def _build_columns(parent, plan, steps):
    column_model = _model("HUB_COLUMN_PAGE_MODEL")
    existing = {child.slug for child in parent.get_children()}
    for column in plan:
        if column["slug"] in existing:
            node = parent.get_children().get(slug=column["slug"]).specific
        else:
            node = parent.add_child(
                instance=column_model(
                    title=column["title"],
                    slug=column["slug"],
                    locale=parent.locale,
                    show_in_menus=column.get("show_in_menus", parent.depth == 2),
                )
            )
            _publish(node)
            steps.append(f"column {column['title']}")
        _build_columns(node, column.get("children", []), steps)


def grant_page_permissions(department):
    """Give the tenant's groups their page permissions on every locale root of its site (idempotent)."""
    page_ct_perms = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="wagtailcore", content_type__model="page")
    }
    roots = list(locale_roots(department))
    for tenant_group in department.tenant_groups.select_related("group"):
        for root in roots:
            for perm in ROLE_PAGE_PERMISSIONS[tenant_group.role]:
                GroupPagePermission.objects.get_or_create(
                    group=tenant_group.group, page=root, permission=page_ct_perms[f"{perm}_page"]
                )


def _ensure_groups(department, steps):
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for role, label in ROLE_LABELS.items():
        tenant_group = TenantGroup.objects.filter(department=department, role=role).select_related("group").first()
        if tenant_group is None:
            group, _created = Group.objects.get_or_create(name=f"{department.short_name}·{label}")
            tenant_group = TenantGroup.objects.create(department=department, role=role, group=group)
            steps.append(f"group {group.name}")
        group = tenant_group.group
        group.permissions.add(admin_access)
        for action in ROLE_COLLECTION_PERMISSIONS[role]:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                perm = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=department.collection, permission=perm
                )
        group.permissions.add(*_permissions(ROLE_MODEL_PERMISSIONS[role]))
        for perm in _permissions(ROLE_SITE_PERMISSIONS[role]):
            GroupSitePermission.objects.get_or_create(group=group, site=department.site, permission=perm)
    grant_page_permissions(department)


def _permissions(pairs):
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


@transaction.atomic
def onboard_site(
    *, code, name, hostname, short_name="", kind=Department.Kind.DEPARTMENT, org_code="", port=80, **details
):
    """Create (or complete) a tenant: Site, home page, column plan, media collection and editor groups.

    Running it again for the same code and hostname adds only what is missing. A clash with another
    tenant's code, name or hostname raises ValidationError and changes nothing.
    """
    hostname = (hostname or "").strip().lower()
    code = (code or "").strip().lower()
    unknown = set(details) - DEPARTMENT_FIELDS
    if unknown:
        raise TypeError(f"Unknown department fields: {', '.join(sorted(unknown))}")
    existing = validate_new_site(code=code, name=name, hostname=hostname, port=port)
    steps = []
    if existing:
        department = existing
    else:
        locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
        home_model = _model(
            "HUB_PORTAL_HOME_PAGE_MODEL" if kind == Department.Kind.PORTAL else "HUB_DEPARTMENT_HOME_PAGE_MODEL"
        )
        root = Page.get_first_root_node()
        slug = code
        home = root.add_child(instance=home_model(title=name, slug=slug, locale=locale))
        _publish(home)
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            site_name=name,
            is_default_site=kind == Department.Kind.PORTAL and not Site.objects.filter(is_default_site=True).exists(),
        )
        collection = Collection.get_first_root_node().add_child(name=name)
        department = Department.objects.create(
            code=code,
            name=name,
            short_name=short_name or name,
            kind=kind,
            hostname=hostname,
            site=site,
            collection=collection,
            org_code=org_code or code.upper(),
            **details,
        )
        steps += ["site", "home page", "media collection"]
    _build_columns(department.site.root_page, load_column_plan(department.kind), steps)
    _ensure_groups(department, steps)
    tenant_onboarded.send(sender=Department, department=department, created=existing is None, steps=steps)
    result = OnboardingResult(department=department, created=existing is None, steps=steps)
    logger.info("Onboarding: %s", result.summary())
    return result


# Model permissions the central admin group holds: the tenants, the shared taxonomy, every site's
# tenant-owned records and settings, accounts and groups, workflows.
CENTRAL_ADMIN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("tenancy", "add_department"),
    ("tenancy", "change_department"),
    ("tenancy", "view_department"),
    ("taxonomy", "add_subject"),
    ("taxonomy", "change_subject"),
    ("taxonomy", "delete_subject"),
    ("taxonomy", "view_subject"),
    ("tenancy", "add_friendlylink"),
    ("tenancy", "change_friendlylink"),
    ("tenancy", "delete_friendlylink"),
    ("tenancy", "view_friendlylink"),
    ("tenancy", "change_siteoptions"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "delete_group"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "delete_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("wagtailcore", "delete_task"),
    ("wagtail_localize", "submit_translation"),
]
# Page permissions on the tree root (every site) and collection permissions on the root collection.
CENTRAL_ADMIN_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
CENTRAL_ADMIN_COLLECTION_PERMISSIONS = ["add", "change", "delete", "choose"]


def ensure_central_admin_group():
    """The group-wide central admin group (e-government centre) with its permissions (idempotent)."""
    group, _created = Group.objects.get_or_create(name=CENTRAL_ADMIN_GROUP)
    group.permissions.add(*_permissions(CENTRAL_ADMIN_PERMISSIONS))
    tree_root = Page.get_first_root_node()
    for action in CENTRAL_ADMIN_PAGE_PERMISSIONS:
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=tree_root, permission=perm)
    root_collection = Collection.get_first_root_node()
    for action in CENTRAL_ADMIN_COLLECTION_PERMISSIONS:
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            perm = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=perm)
    return group


def set_online(department, online):
    """Take a tenant's site offline (its hostname answers 410, content and editors are kept) or back."""
    Department.objects.filter(pk=department.pk).update(is_online=online)
    department.is_online = online
    # update() sends no post_save: the department bar and portal panels must still follow.
    generations.bump(generations.SITE_GROUP)
    logger.info("Site %s is now %s", department.code, "online" if online else "offline")
    return department
