"""A document with a live interpretation shows a 解读 link in the search results; one without does not."""

import re

import pytest

from sites.common.models import PolicyInterpretationPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_search_result_of_an_interpreted_document_links_its_interpretation(client, group, document):
    site = group.education
    explained = document(site, "关于推进校园食品安全管理的意见", "克教发〔2024〕31号", text="校园食品安全管理。")
    plain = document(site, "关于校园食品安全检查的通知", "克教发〔2024〕32号", text="校园食品安全检查。")
    page = factories.add_page(
        group.documents(site), PolicyInterpretationPage, publish=False, title="图解校园食品安全意见"
    )
    page.documents.set([explained])
    page.save_revision().publish()

    response = client.get("/search/", {"q": "校园食品安全"}, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    html = response.content.decode()
    hits = {title_of(hit): hit for hit in html.split('<li class="search-hit')[1:]}
    assert explained.title in hits and plain.title in hits
    assert "search-hit__badge" in hits[explained.title]
    assert page.url_path.rstrip("/").rsplit("/", 1)[-1] in hits[explained.title]
    assert "search-hit__badge" not in hits[plain.title]


def title_of(hit):
    heading = hit.split("</h3>")[0]
    return re.sub(r"<[^>]+>", "", heading.split('">', 2)[-1]).strip()
