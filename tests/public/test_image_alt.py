"""A published image's alternative text: the block's own, else the description filled in for the image."""

import json
import re

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests import factories

pytestmark = pytest.mark.django_db


def image_block(image, **value):
    return json.dumps([{"type": "image", "value": {"image": image.pk, "caption": "", "alt_text": "", **value}}])


def alt_of(client, department, page):
    html = client.get(page.relative_url(department.site), HTTP_HOST=department.hostname).content.decode()
    tags = re.findall(r'<figure class="block-image">\s*(<img[^>]*>)', html)
    assert len(tags) == 1, html
    return re.search(r'alt="([^"]*)"', tags[0]).group(1)


def test_an_image_is_described_by_its_description_unless_the_block_says_otherwise(client):
    department = factories.make_site(short_name="图片测试局")
    news = factories.column(department, "gzdt")
    image = get_image_model().objects.create(
        title="IMG_2034", description="州教育局干部在阿图什市第一小学检查校舍安全", file=get_test_image_file()
    )

    described = factories.make_article(news, title="校舍安全检查", body=image_block(image))
    assert alt_of(client, department, described) == "州教育局干部在阿图什市第一小学检查校舍安全"

    own_alt = image_block(image, alt_text="检查人员查看教室消防设施")
    own = factories.make_article(news, title="校舍安全检查二", body=own_alt)
    assert alt_of(client, department, own) == "检查人员查看教室消防设施"

    image.description = ""
    image.save()
    captioned = factories.make_article(news, title="校舍安全检查三", body=image_block(image, caption="检查现场"))
    assert alt_of(client, department, captioned) == "检查现场"
