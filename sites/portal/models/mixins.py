"""What portal-only page types share."""


class PortalOnlyMixin:
    """May be created only inside the portal's tree, whatever parent types allow it elsewhere."""

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        from hub.tenancy.scoping import department_for_page

        department = department_for_page(parent)
        return department is not None and department.is_portal
