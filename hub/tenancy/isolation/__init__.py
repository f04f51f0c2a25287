"""Admin isolation between tenants: every Wagtail admin surface an editor can reach, scoped or closed.

Each surface asks `hub.tenancy.scoping` which tenants the user may act on. Where Wagtail offers an
extension point (hooks, permission policies, page and snippet viewsets) it is used; the few screens
without one are served by tenant-aware subclasses at their usual addresses (`isolation.urls`).
"""
