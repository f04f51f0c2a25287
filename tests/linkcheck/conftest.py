import pytest
from wagtail.rich_text import RichText

from sites.common.models import ArticlePage
from tests import factories

from . import server as local


@pytest.fixture(scope="session")
def http_server():
    server = local.start()
    yield server
    server.shutdown()


@pytest.fixture
def linkcheck_settings(settings, http_server):
    """Fast limits, and a.test / b.test / www.a.test resolved to the local server."""
    settings.HUB_LINKCHECK_RESOLVE = {"a.test": "127.0.0.1", "www.a.test": "127.0.0.1", "b.test": "127.0.0.1"}
    settings.HUB_LINKCHECK_HOST_DELAY = 0
    settings.HUB_LINKCHECK_CONNECT_TIMEOUT = 2
    settings.HUB_LINKCHECK_READ_TIMEOUT = 0.5
    http_server.hits.clear()
    http_server.flaky_fails = True
    return settings


def article_with_links(department, hrefs, **fields):
    """A published article of the tenant whose body (a StreamField paragraph) links to every href."""
    links = "".join(f'<a href="{href}">链接{n}</a> ' for n, href in enumerate(hrefs))
    body = [("paragraph", RichText(f"<p>相关链接：{links}</p>"))]
    return factories.make_article(factories.column(department, "gzdt"), kind=ArticlePage.Kind.NEWS, body=body, **fields)
