"""The demo site group: a realistic portal and department sites, loadable again without duplicates."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, Page, Revision, Site

from hub.interaction.models import Letter
from hub.tenancy.models import Department
from hub.tenancy.scoping import pages_for
from sites.common.models import ArticlePage, FunctionPage, GovernmentDocumentPage

pytestmark = pytest.mark.django_db


def demo_departments(demo):
    return Department.objects.filter(code__in=demo.per_site).select_related("site__root_page")


def test_the_demo_has_a_portal_and_at_least_seven_sites_with_150_pages(demo):
    departments = demo_departments(demo)

    assert departments.count() >= 7
    assert departments.filter(kind=Department.Kind.PORTAL).count() == 1
    assert Site.objects.filter(department__in=departments).count() == departments.count()
    assert pages_for(departments).live().count() >= 150


def test_every_tenant_has_news_documents_and_a_function_page(demo):
    missing = []
    for department in demo_departments(demo):
        pages = pages_for(department).live()
        news = pages.type(ArticlePage).filter(articlepage__kind=ArticlePage.Kind.NEWS)
        for label, queryset in (
            ("news", news),
            ("documents", pages.type(GovernmentDocumentPage)),
            ("function page", pages.type(FunctionPage)),
        ):
            if not queryset.exists():
                missing.append(f"{department.code}: no {label}")

    assert not missing, missing


def test_documents_in_the_demo_carry_index_numbers(demo):
    documents = GovernmentDocumentPage.objects.filter(pk__in=pages_for(demo_departments(demo)).values("pk"))

    assert documents.exists()
    assert not documents.filter(index_number="").exists()


def test_loading_again_creates_nothing(demo):
    def counts():
        return {
            "sites": Site.objects.count(),
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "departments": Department.objects.count(),
            "groups": Group.objects.count(),
            "collections": Collection.objects.count(),
            "users": get_user_model().objects.count(),
        }

    from fixtures.loader import load_demo

    before = counts()

    summary = load_demo(port=80)

    assert not summary.created_anything, str(summary)
    assert counts() == before


def test_demo_tracking_codes_carry_each_letters_own_date(demo):
    """A letter dated weeks back is coded with that day, not the day the demo was loaded."""
    letters = list(Letter.objects.filter(department__code__in=demo.per_site))
    assert len({timezone.localdate(letter.submitted_at) for letter in letters}) > 1
    wrong = [
        (letter.tracking_code, f"{timezone.localdate(letter.submitted_at):%y%m%d}")
        for letter in letters
        if letter.tracking_code[2:8] != f"{timezone.localdate(letter.submitted_at):%y%m%d}"
    ]
    assert not wrong, wrong
