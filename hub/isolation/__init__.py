"""Admin isolation between tenants: every Wagtail admin surface an editor can reach, scoped or closed.

Each surface asks `hub.tenancy.scoping` which tenants the user may act on, and how. Where Wagtail
offers an extension point it is used (`wagtail_hooks`); the screens without one are served by
tenant-aware subclasses at their usual addresses, through one mechanism: `urls`, included before
the admin's own URLs (the review chain's override of wagtail-localize's "convert to alias" too).
Every admin route is classified in `routes` (scoped, closed or tenant-neutral), and a test fails on
one that is not. The building blocks other apps scope their own screens with live in tenancy:
`hub.tenancy.snippets` (TenantOwnedViewSet), `.choices`, `.filters`, `.policies`.

==========================================  ==============================================================
Surface                                     Mechanism
==========================================  ==============================================================
Page explorer, its filters, page history,   `pages.TenantPageViewSet` (registered for the base Page model),
pages of a type, sidebar explorer menu      construct_explorer_page_queryset
Page search                                 Wagtail's permission filter (guarded by a system check)
Page and link choosers                      construct_page_chooser_queryset + `pages.TenantPageBrowseView` …:
                                            own pages, and other tenants' live pages shown as the public
                                            sees them; the arrow into a page's children only where a
                                            child may be linked to (`pages.LinkableChildrenColumn`)
Choice fields of admin forms (page, record, `tenancy.choices.limit_choices` on the form and its inline formsets:
image and document foreign keys)            pages the user may link to, records and media of their own
                                            tenants; chosen objects shown only from those. Called by the
                                            page editor, its previews and revision revert
                                            (`pages.TenantPageViewSet`), tenant-owned snippets, redirects,
                                            feed sources, the directory's leaders and best bets
                                            (`limit_page_choices` is the same function); rich text links
                                            to pages the user may not link to are refused. Submissions to
                                            the portal offer their own narrower choice: live portal columns
Images, documents                           per-tenant collections (onboarding) + chooser hooks, listings'
                                            tag filters, admin API endpoints (construct_admin_api), tag
                                            suggestions (`media`)
Tenant-owned snippets                       `tenancy.owned.TenantOwned` + `tenancy.snippets.TenantOwnedViewSet` +
                                            `tenancy.policies.TenantPermissionPolicy` (bulk actions, usage, history,
                                            choosers), the snippets overview's counts (`snippets`)
Per-site settings                           Wagtail's GroupSitePermission (onboarding grants the webmaster's)
Redirects                                   `redirects` views + TenantPermissionPolicy on the site's tenant;
                                            site-wide redirects and the import: central admins only
Reports (locked, aging, site history, page  `reports`
types usage, workflows), dashboard          `dashboard` (construct_homepage_summary_items)
Review chain (三审): queue, dashboard panel, `hub.workflow`: the queue and panel list the task states the user
approval record and its CSV export          may act on (Wagtail's reviewable_by), the all-sites view is the
                                            central admins'; a record: the page's tenant's people, its
                                            editors, group-wide reviewers; the export offers the user's own
                                            tenants only
Review chain settings, word lists (审校词库)  closed: central admins only (the lists are shared by every site)
Form submissions and exports                filter_form_submissions_for_user + the forms listing's filters
Audit log                                   `audit`: each entry stamped with its tenant; site history by tenant
Bulk actions                                `bulk`: other tenants' items left out of the selection
Translation screens (wagtail-localize)      `localize`: submitting/updating needs the right to edit the source
Users and groups                            closed: only central admins hold the permissions
==========================================  ==============================================================

Decisions. The page chooser's language switcher (Wagtail's) names every language another tenant's
page is translated into, published or not; it names a language only, and opening an unpublished
translation answers 404. Shared data (feed sources, the directory) is the central admins', who may
choose any page; its forms are narrowed all the same, so a permission granted to a tenant's group
later cannot open another tenant's drafts.
"""
