"""Feeds and the disclosure catalogue answer in every language with that language's pages only."""

import datetime
import re

import pytest
from django.utils import timezone

from hub.i18n.translating import translate
from sites.common.models import DisclosureCataloguePage
from tests import factories
from tests.i18n.conftest import MEMORY

pytestmark = pytest.mark.django_db

UYGHUR = {
    "政府信息公开": "ھۆكۈمەت ئۇچۇرلىرىنى ئاشكارىلاش",
    "政策文件": "سىياسەت ھۆججەتلىرى",
    "政府信息公开目录": "ھۆكۈمەت ئۇچۇرلىرىنى ئاشكارىلاش مۇندەرىجىسى",
    "测试局关于做好冬季安全生产工作的通知": (
        "سىناق ئىدارىسىنىڭ قىشلىق بىخەتەر ئىشلەپچىقىرىش خىزمىتىنى ياخشى ئىشلەش توغرىسىدىكى ئۇقتۇرۇشى"
    ),
    "克孜勒苏柯尔克孜自治州测试局": MEMORY["ug"]["克孜勒苏柯尔克孜自治州测试局"],
    "克政办发〔2026〕9号": "克政办发〔2026〕9号",
    "工作进展": "خىزمەت ئەھۋالى",
    "做好冬季安全生产工作。": "قىشلىق بىخەتەر ئىشلەپچىقىرىش خىزمىتىنى ياخشى ئىشلەش.",
}


def test_a_feed_in_a_language_lists_that_languages_items(client, translated_site):
    host = translated_site.host
    uyghur = client.get("/ug/feeds/rss.xml", HTTP_HOST=host)
    chinese = client.get("/feeds/rss.xml", HTTP_HOST=host)

    assert uyghur.status_code == chinese.status_code == 200
    assert MEMORY["ug"]["测试局召开干部大会"] in uyghur.content.decode()
    assert "测试局召开干部大会</title>" not in uyghur.content.decode()
    assert "<language>ug</language>" in uyghur.content.decode()
    assert "测试局召开干部大会" in chinese.content.decode()
    assert MEMORY["ug"]["测试局召开干部大会"] not in chinese.content.decode()


def test_the_disclosure_catalogue_in_a_language_lists_that_languages_documents(client, translated_site):
    department = translated_site.department
    disclosure = factories.column(department, "xxgk")
    catalogue = disclosure.add_child(instance=DisclosureCataloguePage(title="政府信息公开目录", slug="xxgkml"))
    catalogue.save_revision().publish()
    document = factories.make_document(
        factories.column(department, "xxgk", "zcwj"),
        title="测试局关于做好冬季安全生产工作的通知",
        issuing_authority="克孜勒苏柯尔克孜自治州测试局",
        document_number="克政办发〔2026〕9号",
        body=factories.body("做好冬季安全生产工作。"),
        date=timezone.localdate() - datetime.timedelta(days=1),
    )
    for page in (disclosure, catalogue, factories.column(department, "xxgk", "zcwj"), document):
        translate(page, "ug", UYGHUR)

    uyghur = client.get("/ug/xxgk/xxgkml/", HTTP_HOST=translated_site.host).content.decode()
    chinese = client.get("/xxgk/xxgkml/", HTTP_HOST=translated_site.host).content.decode()

    assert UYGHUR["测试局关于做好冬季安全生产工作的通知"] in uyghur
    assert "测试局关于做好冬季安全生产工作的通知" not in uyghur
    assert "测试局关于做好冬季安全生产工作的通知" in chinese
    assert UYGHUR["测试局关于做好冬季安全生产工作的通知"] not in chinese
    # The catalogue's own words (filters, table headings, validity) are Uyghur too: the only Chinese
    # left is the document number, an identifier quoted as issued, the tenant's name, which this tenant
    # has not translated, the footer's facts it gave in Chinese only (address, ICP number), and the
    # switcher's link to Chinese, named in Chinese.
    text = re.sub(r"<[^>]*>", " ", uyghur)
    kept_values = (
        "克政办发〔2026〕9号",
        department.name,
        department.short_name,
        department.address,
        department.icp_number,
    )
    for kept in (*kept_values, "简体中文"):
        text = text.replace(kept, "")
    assert re.findall(r".{0,60}[\u3400-\u9fff〔〕]+.{0,30}", text) == []
    assert "يىل بويىچە" in uyghur and "كۈچكە ئىگە" in uyghur
