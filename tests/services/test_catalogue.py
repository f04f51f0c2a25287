"""The service catalogue: browse across departments by department, audience and life event; items are in search."""

from hub.services.catalogue import CatalogueQuery, browse, search_items
from hub.services.models import ServiceItem

from .conftest import path_of


def titles(items):
    return {item.title for item in items}


def test_browse_by_department_audience_and_life_event(w):
    everything = titles(browse(CatalogueQuery()))
    assert {"普通护照签发", "社会保障卡申领", "人力资源服务许可"} <= everything
    assert "已撤下的事项" not in everything
    assert titles(browse(CatalogueQuery(department=w.social.code))) == {"社会保障卡申领", "人力资源服务许可"}
    organisation = titles(browse(CatalogueQuery(audience="organisation")))
    assert "人力资源服务许可" in organisation and "普通护照签发" not in organisation
    assert titles(browse(CatalogueQuery(event="churujing"))) == {"普通护照签发"}


def test_service_items_are_found_by_search(w):
    # Chinese words inside longer runs of characters: the search backend segments both sides.
    assert [item.title for item in search_items("护照")] == ["普通护照签发"]
    assert "社会保障卡申领" in titles(search_items("社保 身份证")) | titles(search_items("社会保障卡"))
    assert "普通护照签发" in titles(search_items("护照法"))  # the legal basis is indexed too
    assert "普通护照签发" in titles(search_items("免冠彩色照片"))  # and the materials
    assert "已撤下的事项" not in titles(search_items("护照"))
    # The index follows edits.
    w.social_card.title = "第三代社会保障卡申领"
    w.social_card.save()
    assert "第三代社会保障卡申领" in titles(search_items("第三代"))
    assert ServiceItem.objects.search("第三代").count() >= 1


def test_public_catalogue_pages(w, client):
    host = w.portal.hostname
    url = path_of(w.catalogue)
    page = client.get(url, HTTP_HOST=host)
    html = page.content.decode()
    assert page.status_code == 200
    assert "普通护照签发" in html and "人力资源服务许可" in html and "已撤下的事项" not in html
    assert "出入境" in html and w.public_security.short_name in html
    found = client.get(url, {"q": "护照"}, HTTP_HOST=host).content.decode()
    assert "普通护照签发" in found and "社会保障卡申领" not in found
    by_event = client.get(url, {"event": "shebao"}, HTTP_HOST=host).content.decode()
    assert "社会保障卡申领" in by_event and "普通护照签发" not in by_event
    detail = client.get(f"{url}item/{w.passport.pk}/", HTTP_HOST=host)
    text = detail.content.decode()
    assert detail.status_code == 200
    for expected in ("《中华人民共和国护照法》第五条", "近期免冠彩色照片", "15 个工作日", "7 个工作日", "在线申请"):
        assert expected in text
    hidden = ServiceItem.objects.get(title="已撤下的事项")
    assert client.get(f"{url}item/{hidden.pk}/", HTTP_HOST=host).status_code == 404
    # Nonsense filters do not break the page.
    assert (
        client.get(url, {"audience": "robots", "department": "x" * 300, "page": "-1"}, HTTP_HOST=host).status_code
        == 200
    )
