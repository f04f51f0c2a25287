"""A portal and two department sites with documents across subjects, years and genres, built once per module."""

import datetime
from dataclasses import dataclass

import pytest
from django.db import transaction

from hub.taxonomy.models import Subject
from hub.tenancy.models import Department
from sites.common.models import AnnualReportPage, DisclosureCataloguePage, DisclosureGuidePage
from tests import factories


@dataclass
class World:
    portal: Department
    tenant: Department
    other: Department
    portal_catalogue: DisclosureCataloguePage
    tenant_catalogue: DisclosureCataloguePage
    guide: DisclosureGuidePage
    report: AnnualReportPage
    documents: dict


def build_world():
    portal = Department.objects.filter(kind=Department.Kind.PORTAL).first() or factories.make_site(kind="portal")
    tenant = factories.make_site(short_name="公开教育局", code="gkjyj", hostname="gkjyj.localhost")
    other = factories.make_site(short_name="公开卫健委", code="gkwjw", hostname="gkwjw.localhost")
    education, health = Subject.objects.get(code="11"), Subject.objects.get(code="13")
    tenant_docs = factories.column(tenant, "xxgk", "zcwj")
    other_docs = factories.column(other, "xxgk", "zcwj")

    def document(column, title, number, subject, published, written, validity="valid"):
        return factories.make_document(
            column,
            title=title,
            document_number=number,
            subject=subject,
            date=published,
            written_date=written,
            validity=validity,
            issuing_authority=column.get_parent().get_parent().title,
        )

    documents = {
        "notice": document(
            tenant_docs,
            "关于做好2024年中小学招生工作的通知",
            "克教发〔2024〕5号",
            education,
            datetime.date(2024, 3, 5),
            datetime.date(2024, 3, 1),
        ),
        "opinion": document(
            tenant_docs,
            "关于加强中小学教师队伍建设的意见",
            "克教发〔2023〕12号",
            education,
            datetime.date(2023, 9, 10),
            datetime.date(2023, 9, 5),
            validity="expired",
        ),
        "measures": document(
            other_docs,
            "克州基层医疗卫生机构绩效考核办法",
            "克卫发〔2024〕3号",
            health,
            datetime.date(2024, 4, 2),
            datetime.date(2024, 3, 28),
        ),
        "health_notice": document(
            other_docs,
            "关于开展爱国卫生运动的通知",
            "克卫发〔2023〕8号",
            health,
            datetime.date(2023, 6, 1),
            datetime.date(2023, 5, 28),
        ),
        "school_health": document(
            other_docs,
            "关于开展健康教育进校园活动的通知",
            "克卫发〔2024〕9号",
            education,
            datetime.date(2024, 5, 6),
            datetime.date(2024, 5, 1),
        ),
    }
    factories.make_document(tenant_docs, title="尚未发布的文件", publish=False, live=False)

    portal_catalogue = factories.add_page(
        factories.column(portal, "xxgk"),
        DisclosureCataloguePage,
        title="政府信息公开目录",
        slug="gkml-test",
    )
    tenant_catalogue = factories.add_page(
        factories.column(tenant, "xxgk"), DisclosureCataloguePage, title="信息公开目录", slug="gkml", per_page=1
    )
    guide = factories.add_page(
        tenant_catalogue, DisclosureGuidePage, title="克州教育局政府信息公开指南", slug="gkzn", body=factories.body()
    )
    report = factories.add_page(
        tenant_catalogue,
        AnnualReportPage,
        title="克州教育局2023年政府信息公开工作年度报告",
        slug="nb2023",
        year=2023,
        body=factories.body(),
    )
    return World(portal, tenant, other, portal_catalogue, tenant_catalogue, guide, report, documents)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def w(world, db):
    return world
