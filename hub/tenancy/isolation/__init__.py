"""Admin isolation between tenants: every Wagtail admin surface an editor can reach, scoped or closed.

Each surface asks `hub.tenancy.scoping` which tenants the user may act on, and how. Where Wagtail
offers an extension point it is used; the screens without one are served by tenant-aware
subclasses at their usual addresses (`isolation.urls`, included before the admin's own URLs).

==========================================  ==============================================================
Surface                                     Mechanism
==========================================  ==============================================================
Page explorer, its filters, page history,   `pages.TenantPageViewSet` (registered for the base Page model),
pages of a type, sidebar explorer menu      construct_explorer_page_queryset
Page search                                 Wagtail's permission filter (guarded by a system check)
Page and link choosers                      construct_page_chooser_queryset + `pages.TenantPageBrowseView` …:
                                            own pages, and other tenants' live pages shown as the public
                                            sees them; page choice fields: `pages.limit_page_choices`
Images, documents                           per-tenant collections (onboarding) + chooser hooks, listings'
                                            tag filters, admin API endpoints (construct_admin_api), tag
                                            suggestions (`media`)
Tenant-owned snippets                       `owned.TenantOwned` + `snippets.TenantOwnedViewSet` +
                                            `policies.TenantPermissionPolicy` (bulk actions, usage, history,
                                            choosers, the snippets overview's counts)
Per-site settings                           Wagtail's GroupSitePermission (onboarding grants the webmaster's)
Redirects                                   `redirects` views + TenantPermissionPolicy on the site's tenant;
                                            site-wide redirects and the import: central admins only
Reports (locked, aging, site history, page  `reports`
types usage, workflows), dashboard          `dashboard` (construct_homepage_summary_items)
Form submissions and exports                filter_form_submissions_for_user + the forms listing's filters
Audit log                                   `audit`: each entry stamped with its tenant; site history by tenant
Bulk actions                                `bulk`: other tenants' items left out of the selection
Translation screens (wagtail-localize)      `localize`: submitting/updating needs the right to edit the source
Users and groups                            closed: only central admins hold the permissions
==========================================  ==============================================================
"""
