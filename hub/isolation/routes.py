"""Every admin route, classified: the table `tests/isolation/test_routes.py` holds the admin to.

A route under the admin's prefix is
- SCOPED: served by this layer (shadowed in `urls`, or a view built on the scoped building blocks of
  `hub.tenancy` or of this package: recognised without a row), or scoped by the mechanism its row names;
- CLOSED: it asks for permissions that only central admins hold (its row names the model, and the
  test checks that a tenant's groups hold no permission on it);
- NEUTRAL: it shows nothing of any tenant; its row says why (for shared data the test checks that a
  tenant's groups may at most view it).

Rows are keyed by URL name ("namespace:name"). "namespace:*" stands for every route of a namespace,
used only for a viewset of one model, whose every view asks for that model's permissions. A route
added to the admin (by a Wagtail upgrade, an app, a viewset) and matching no row fails the test.
"""

from collections import namedtuple

SCOPED, CLOSED, NEUTRAL = "scoped", "closed", "neutral"

Row = namedtuple("Row", "kind reason model", defaults=[None])


def rows(kind, reason, *names, model=None):
    return {name: Row(kind, reason, model) for name in names}


PAGE_PERMISSIONS = (
    "Wagtail's page permissions, which a tenant's groups hold on their own roots only (onboarding); "
    "listings and forms are pages.TenantPageViewSet's"
)
COLLECTION_PERMISSIONS = (
    "Wagtail's collection permissions, which a tenant's groups hold on their own collection only "
    "(onboarding); choosers and listings narrowed by `media`"
)
SHARED_DATA = "shared data, the same for every tenant: tenant roles may at most view it"
CENTRAL_ONLY = "central admins only: tenant roles hold no permission on the model"

ADMIN_ROUTES = {
    # Pages, the explorer and the admin's pages API
    **rows(
        SCOPED,
        PAGE_PERMISSIONS,
        "wagtailadmin_explore_root",
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        *(
            f"wagtailadmin_pages:{name}"
            for name in (
                "add",
                "preview_on_add",
                "choose_parent",
                "type_use",
                "type_use_results",
                "usage",
                "edit",
                "preview_on_edit",
                "view_draft",
                "add_subpage",
                "delete",
                "unpublish",
                "convert_alias",
                "search",
                "search_results",
                "move",
                "move_confirm",
                "set_page_position",
                "copy",
                "workflow_action",
                "collect_workflow_action_data",
                "confirm_workflow_cancellation",
                "workflow_preview",
                "set_privacy",
                "lock",
                "unlock",
                "revisions_index",
                "revisions_view",
                "revisions_revert",
                "revisions_unschedule",
                "revisions_compare",
                "workflow_history",
                "workflow_history_detail",
                "history",
                "history_results",
            )
        ),
        *(f"wagtailadmin_api:pages:{name}" for name in ("listing", "detail", "find", "action")),
    ),
    # Images and documents
    **rows(
        SCOPED,
        COLLECTION_PERMISSIONS,
        *(
            f"wagtailimages:{name}"
            for name in (
                "add",
                "edit",
                "delete",
                "url_generator",
                "url_generator_output",
                "preview",
                "image_usage",
                "add_multiple",
                "edit_multiple",
                "create_multiple_from_uploaded_image",
                "delete_multiple",
                "delete_upload_multiple",
            )
        ),
        *(
            f"wagtaildocs:{name}"
            for name in (
                "add",
                "edit",
                "delete",
                "document_usage",
                "add_multiple",
                "edit_multiple",
                "create_multiple_from_uploaded_document",
                "delete_multiple",
                "delete_upload_multiple",
            )
        ),
        *(f"wagtailimages_chooser:{name}" for name in ("chosen", "chosen_multiple", "create", "select_format")),
        *(
            f"wagtaildocs_chooser:{name}"
            for name in ("choose", "choose_results", "chosen", "chosen_multiple", "create")
        ),
    ),
    # Other Wagtail screens with a per-tenant mechanism
    **rows(SCOPED, "summary items (`dashboard`) and the review chain's panel", "wagtailadmin_home"),
    **rows(
        SCOPED,
        "the form page's permissions; submissions by filter_form_submissions_for_user (`forms`)",
        "wagtailforms:list_submissions",
        "wagtailforms:list_submissions_results",
        "wagtailforms:delete_submissions",
    ),
    **rows(
        SCOPED,
        "Wagtail's GroupSitePermission: a webmaster may change their own site's settings only",
        "wagtailsettings:edit",
        "wagtailsettings:preview_on_edit",
    ),
    **rows(
        SCOPED,
        "wagtail-localize asks for permission to edit the translated page (held on own roots only)",
        *(
            f"wagtail_localize:{name}"
            for name in (
                "edit_string_translation",
                "edit_override",
                "download_pofile",
                "upload_pofile",
                "machine_translate",
                "preview_translation",
                "stop_translation",
            )
        ),
    ),
    **rows(
        SCOPED,
        "an editing session of an object the user may edit (Wagtail checks the object's permission)",
        "wagtailadmin_editing_sessions:ping",
        "wagtailadmin_editing_sessions:release",
    ),
    # Closed: Wagtail's management screens
    **rows(CLOSED, CENTRAL_ONLY, "wagtailusers_users:*", model="auth.user"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailusers_groups:*", model="auth.group"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsites:*", model="wagtailcore.site"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtaillocales:*", model="wagtailcore.locale"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailadmin_collections:*", model="wagtailcore.collection"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailadmin_workflows:*", model="wagtailcore.workflow"),
    # Shared data (snippets of the central admins)
    **rows(NEUTRAL, SHARED_DATA, "wagtailsnippets_taxonomy_subject:*", model="taxonomy.subject"),
    **rows(NEUTRAL, SHARED_DATA, "wagtailsnippetchoosers_taxonomy_subject:*", model="taxonomy.subject"),
    **rows(CLOSED, CENTRAL_ONLY, "tenancy_department:*", model="tenancy.department"),
    **rows(
        SCOPED,
        "the webmaster's own tenant only (site_info_departments)",
        "tenancy_site_info:index",
        "tenancy_site_info:edit",
    ),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippets_taxonomy_topic:*", model="taxonomy.topic"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippetchoosers_taxonomy_topic:*", model="taxonomy.topic"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippets_directory_directoryentry:*", model="directory.directoryentry"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippetchoosers_directory_directoryentry:*", model="directory.directoryentry"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippets_feeds_feedsource:*", model="feeds.feedsource"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippetchoosers_feeds_feedsource:*", model="feeds.feedsource"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippets_interaction_calendarday:*", model="interaction.calendarday"),
    **rows(CLOSED, CENTRAL_ONLY, "wagtailsnippetchoosers_interaction_calendarday:*", model="interaction.calendarday"),
    **rows(NEUTRAL, SHARED_DATA, "wagtailsnippets_services_lifeevent:*", model="services.lifeevent"),
    **rows(NEUTRAL, SHARED_DATA, "wagtailsnippetchoosers_services_lifeevent:*", model="services.lifeevent"),
    **rows(
        SCOPED,
        "best bets of the sites the user manages only (hub.search.admin_views: listing, forms, object views)",
        "search_promotions:*",
    ),
    # Tenant-owned records: the views of our own on top of TenantOwnedViewSet
    **rows(
        SCOPED,
        "the record's TenantPermissionPolicy: its tenant's staff only",
        "wagtailsnippets_interaction_letter:edit",
        "wagtailsnippets_interaction_letter:attachment",
        "wagtailsnippets_interaction_disclosurerequest:edit",
        "wagtailsnippets_interaction_disclosurerequest:attachment",
        "wagtailsnippets_interaction_errorreport:edit",
        "wagtailsnippets_services_serviceapplication:edit",
        "wagtailsnippets_services_serviceapplication:attachment",
    ),
    **rows(
        NEUTRAL,
        "snippet choosers are given no creation form: the view creates and shows nothing",
        *(
            f"wagtailsnippetchoosers_{model}:create"
            for model in (
                "tenancy_friendlylink",
                "i18n_sitelanguages",
                "i18n_siteidentity",
                "interaction_mailbox",
                "interaction_letter",
                "interaction_consultationcomment",
                "interaction_disclosurerequest",
                "interaction_errorreport",
                "services_serviceitem",
                "services_serviceapplication",
            )
        ),
    ),
    # The review chain (hub.workflow)
    **rows(
        SCOPED,
        "the task states the user may act on (reviewable_by); the all-sites view is the central admins'",
        "workflow:queue",
    ),
    **rows(SCOPED, "the page's tenant's people only (access.can_view_record)", "workflow:page_record"),
    **rows(
        SCOPED,
        "Wagtail's workflow action view: the task lets only the reviewers of the page's tenant act",
        "workflow:action",
    ),
    **rows(SCOPED, "permission to edit the translated page", "workflow:submit_translation"),
    **rows(SCOPED, "offers and exports the user's own tenants only", "workflow:export"),
    **rows(
        CLOSED,
        "central admins only (the views refuse everyone else)",
        "workflow:chains",
        "workflow:wordlists",
        "workflow:wordlist_edit",
    ),
    # Submissions to the portal (hub.syndication)
    **rows(
        SCOPED,
        "a submission's own tenant, or the portal's reviewers (the views check either)",
        *(f"syndication:{name}" for name in ("index", "detail", "accept", "reject", "withdraw", "submit")),
    ),
    # Search administration (hub.search)
    **rows(SCOPED, "searches the tenants the user manages only", "search_admin", "search_statistics"),
    **rows(
        CLOSED,
        "central admins only (the views refuse everyone else)",
        "search_indexing_problems",
        "search_reindex_problem",
    ),
    **rows(CLOSED, "central admins only (the view refuses everyone else)", "tenancy_department:set_online"),
    **rows(
        CLOSED,
        "central admins only (removal.can_remove refuses everyone else)",
        "interaction_remove_record",
    ),
    # Site inspection and outside links: each view narrows to the tenants the user manages
    **rows(
        SCOPED,
        "the user's own tenants only (inspection.views: department_ids_for_user, central admins all)",
        "inspection:index",
        "inspection:export_all",
        "inspection:site",
        "inspection:print",
        "inspection:export",
        "inspection:check",
        "inspection:columns",
    ),
    **rows(SCOPED, "the user's own sites only (departments_for_user)", "linkcheck_report"),
    # Neutral: the user's own account, static and empty screens
    **rows(
        NEUTRAL,
        "the user's own account and session",
        "wagtailadmin_account",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_dismissibles",
    ),
    **rows(
        NEUTRAL,
        "static: icons, interface translations, error pages",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtail_localize:javascript_catalog",
        "wagtailadmin_error_test",
        "admin/test404/",
        "admin/^.*/$",
    ),
    **rows(
        NEUTRAL,
        "forms for a link or embed the editor types in; nothing stored is shown",
        "wagtailadmin_choose_page_external_link",
        "wagtailadmin_choose_page_email_link",
        "wagtailadmin_choose_page_phone_link",
        "wagtailadmin_choose_page_anchor_link",
        "wagtailembeds:chooser",
        "wagtailembeds:chooser_upload",
        "wagtailadmin_block_preview",
    ),
}


def row_for(name):
    """The table's row for a URL name (or an unnamed route's pattern), or None."""
    if name in ADMIN_ROUTES:
        return ADMIN_ROUTES[name]
    namespace = name.rpartition(":")[0]
    return ADMIN_ROUTES.get(f"{namespace}:*") if namespace else None
