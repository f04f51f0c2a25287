"""Service items in the site group's search: the public search page and its JSON twin offer matching items."""

from .conftest import path_of


def search(client, department, path="/search/", **params):
    return client.get(path, params, HTTP_HOST=department.hostname)


def test_portal_search_offers_matching_service_items_linked_to_the_catalogue(w, client):
    html = search(client, w.portal, q="护照").content.decode()
    item_url = f"{path_of(w.catalogue)}item/{w.passport.pk}/"
    assert 'id="services-heading"' in html
    assert f'href="{item_url}"' in html and "普通护照签发" in html
    assert "已撤下的事项" not in html  # unpublished items never appear
    assert client.get(item_url, HTTP_HOST=w.portal.hostname).status_code == 200

    data = search(client, w.portal, "/search/api/", q="护照").json()
    assert [service["title"] for service in data["services"]] == ["普通护照签发"]
    assert data["services"][0]["url"].endswith(item_url)
    assert data["services"][0]["department"] == w.public_security.name


def test_service_items_follow_the_search_scope(w, client):
    # On a department's site the default scope is the site: another department's items are not offered.
    titles = [s["title"] for s in search(client, w.social, "/search/api/", q="身份证").json()["services"]]
    assert titles == ["社会保障卡申领"]
    everywhere = search(client, w.social, "/search/api/", q="身份证", scope="all").json()["services"]
    assert {s["title"] for s in everywhere} == {"社会保障卡申领", "普通护照签发"}
    # The department's site has no catalogue page of its own: its items link to the portal's catalogue.
    assert all(path_of(w.catalogue) in s["url"] for s in everywhere)


def test_no_service_section_without_a_match(w, client):
    html = search(client, w.portal, q="草原生态").content.decode()
    assert 'id="services-heading"' not in html
    assert search(client, w.portal, "/search/api/", q="草原生态").json()["services"] == []
