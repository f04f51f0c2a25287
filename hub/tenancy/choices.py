"""Choice fields in admin forms: what a form offers, accepts and shows as chosen.

A model form's foreign key field offers every row of its model unless narrowed: a crafted POST (or
a chooser opened by hand) could pick another tenant's unpublished page, record or file, and the
form would show it back by name, on a validation error or every time once saved. `limit_choices`
narrows each such field of a form, and of its inline formsets, to what the user may choose:

- pages: their own tenants' pages, and other tenants' live pages (`scoping.linkable_pages_q`);
- tenant-owned records (models with a `tenant_field`, such as 信箱 or 友情链接): their own tenants';
- images and documents: those in their own tenants' collections (as the choosers offer them).

Its chooser widgets show a chosen object only if the field offers it. Central admins are offered
everything. Forms built with `LimitChoicesFormMixin` (the page editor among them) also refuse rich
text and stream field links to pages the user may not link to (`refuse_unlinkable_links`): a link
to another tenant's unpublished page, which the link chooser never offers, gets a form error that
does not name the page.

Where the forms are built: the page editor, its previews and revision revert
(`pages.TenantPageViewSet`), tenant-owned snippets, redirects, and each app's own admin views with
such a field.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from . import scoping


class OfferedOnlyChooser:
    """Mixed into a chooser widget: a chosen object is shown only if its field offers it.

    A form posted with an object the field refuses would otherwise be shown again with that
    object's title (and, for images, a thumbnail).
    """

    def get_instance(self, value):
        instance = super().get_instance(value)
        queryset = getattr(getattr(self, "choices", None), "queryset", None)
        if instance is not None and queryset is not None and not queryset.filter(pk=instance.pk).exists():
            return None
        return instance


_OFFERED_ONLY = {}


def offered_only(widget_class):
    """The chooser widget class with `OfferedOnlyChooser` mixed in (one class per widget class)."""
    if issubclass(widget_class, OfferedOnlyChooser):
        return widget_class
    if widget_class not in _OFFERED_ONLY:
        _OFFERED_ONLY[widget_class] = type(widget_class.__name__, (OfferedOnlyChooser, widget_class), {})
    return _OFFERED_ONLY[widget_class]


def choosable(queryset, user):
    """The part of a choice field's queryset the user may choose from, or None if the model is not
    one this module narrows (shared data such as taxonomy, or the tenants themselves)."""
    model = queryset.model
    if issubclass(model, Page):
        return queryset.filter(scoping.linkable_pages_q(user))
    if scoping.is_central_admin(user):
        return queryset
    if issubclass(model, (get_image_model(), get_document_model())):
        return queryset.filter(collection__in=scoping.collections_for_user(user))
    tenant_field = getattr(model, "tenant_field", None)
    if callable(tenant_field):
        return scoping.scope_queryset(queryset, user, lookup=tenant_field())
    return None


def limit_choices(form, user):
    """Narrow every page, tenant-owned record, image and document choice field of a form and of its
    inline formsets to what the user may choose, and show chosen objects only from those."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        narrowed = choosable(queryset, user)
        if narrowed is None:
            continue
        if isinstance(field.widget, BaseChooser):
            field.widget.__class__ = offered_only(type(field.widget))
        # Setting the queryset also hands the narrowed choices to the widget.
        field.queryset = narrowed
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            limit_choices(child, user)
    return form


UNLINKABLE_PAGE = _("只能链接到本站点的页面或其他站点已发布的页面。")


def linked_page_ids(field, value):
    """Ids of the pages a rich text or stream field's value links to (Wagtail's reference extraction)."""
    ids = set()
    for model, object_id, *_rest in field.extract_references(value):
        if issubclass(model, Page) and str(object_id).isdigit():
            ids.add(int(object_id))
    return ids


def refuse_unlinkable_links(form, user):
    """Add a form error to every rich text or stream field linking to a page the user may not link to
    (pages that no longer exist are left to the review chain's link check)."""
    if scoping.is_central_admin(user):
        return
    for name, value in list(getattr(form, "cleaned_data", {}).items()):
        try:
            field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not hasattr(field, "extract_references") or value in (None, ""):
            continue
        ids = linked_page_ids(field, value)
        if ids and Page.objects.filter(pk__in=ids).exclude(scoping.linkable_pages_q(user)).exists():
            form.add_error(name, UNLINKABLE_PAGE)


class LimitChoicesFormMixin:
    """For admin model forms built with `for_user` (Wagtail's page, snippet and settings forms)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(self, "for_user", None) is not None:
            limit_choices(self, self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        if getattr(self, "for_user", None) is not None:
            refuse_unlinkable_links(self, self.for_user)
        return cleaned_data


class LimitedAdminModelForm(LimitChoicesFormMixin, WagtailAdminModelForm):
    """A base form for snippet and model viewsets: `edit_handler = ObjectList(panels,
    base_form_class=LimitedAdminModelForm)`, or subclass it for a form of one's own."""


def limited_form_class(form_class):
    """The form class with `LimitChoicesFormMixin` mixed in. (Wagtail builds a page's form class
    afresh for each request, so neither is kept.)"""
    if issubclass(form_class, LimitChoicesFormMixin):
        return form_class
    return type(form_class.__name__, (LimitChoicesFormMixin, form_class), {"__module__": form_class.__module__})
