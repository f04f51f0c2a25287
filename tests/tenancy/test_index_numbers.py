"""索引号: issued on a government document's first save, per tenant and year, and never changed."""

import datetime
import re

import pytest
from wagtail.models import Locale

from hub.tenancy.models import IssuedIndexNumber
from sites.common.models import GovernmentDocumentPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(module_db):
    """One tenant for the module; each test rolls back the documents and counters it made."""
    return factories.make_site()


@pytest.fixture(scope="module")
def other_site(module_db):
    return factories.make_site()


@pytest.fixture
def documents_column(site):
    return factories.column(site, "xxgk", "zcwj")


def test_first_save_issues_org_code_year_and_five_digit_serial(site, documents_column):
    document = factories.make_document(documents_column, date=datetime.date(2024, 3, 1), publish=False)

    assert re.fullmatch(rf"{re.escape(site.org_code)}/2024-\d{{5}}", document.index_number)
    assert document.index_number == f"{site.org_code}/2024-00001"
    stored = GovernmentDocumentPage.objects.get(pk=document.pk)
    assert stored.index_number == document.index_number


def test_the_year_is_the_written_date_when_there_is_one(site, documents_column):
    document = factories.make_document(
        documents_column, date=datetime.date(2024, 1, 5), written_date=datetime.date(2023, 12, 28)
    )

    assert document.index_number == f"{site.org_code}/2023-00001"


def test_serials_increase_per_tenant_and_per_year(site, other_site, documents_column):
    other = other_site
    other_column = factories.column(other, "xxgk", "zcwj")

    first = factories.make_document(documents_column, date=datetime.date(2024, 2, 1))
    second = factories.make_document(documents_column, date=datetime.date(2024, 6, 1))
    last_year = factories.make_document(documents_column, date=datetime.date(2023, 11, 1))
    other_tenant = factories.make_document(other_column, date=datetime.date(2024, 2, 1))
    third = factories.make_document(documents_column, date=datetime.date(2024, 9, 1))

    assert first.index_number == f"{site.org_code}/2024-00001"
    assert second.index_number == f"{site.org_code}/2024-00002"
    assert third.index_number == f"{site.org_code}/2024-00003"
    assert last_year.index_number == f"{site.org_code}/2023-00001"
    assert other_tenant.index_number == f"{other.org_code}/2024-00001"


def test_the_number_never_changes_on_edit_or_publish(site, documents_column):
    document = factories.make_document(documents_column, date=datetime.date(2024, 4, 1), publish=False)
    number = document.index_number

    document.title = "关于印发《克州政务公开工作要点》的通知（修订）"
    document.date = datetime.date(2025, 1, 2)
    document.save_revision().publish()
    document.refresh_from_db()
    document.save()
    later = factories.make_document(documents_column, date=datetime.date(2025, 1, 3))

    assert GovernmentDocumentPage.objects.get(pk=document.pk).index_number == number
    assert later.index_number == f"{site.org_code}/2025-00001"
    assert IssuedIndexNumber.objects.filter(department=site).count() == 2


def test_translations_share_the_number(site, documents_column):
    document = factories.make_document(documents_column, date=datetime.date(2024, 4, 1))
    issued_before = IssuedIndexNumber.objects.count()

    for language in ("ug", "en"):
        translation = document.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
        translation.save_revision().publish()
        translation = GovernmentDocumentPage.objects.get(pk=translation.pk)
        assert translation.locale.language_code == language
        assert translation.index_number == document.index_number

    assert IssuedIndexNumber.objects.count() == issued_before
    assert GovernmentDocumentPage.objects.filter(translation_key=document.translation_key).count() == 3
