"""A department site with news for the feeds, and a local HTTP server that serves test feeds (no network)."""

import datetime
import functools
import http.server
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import transaction

from hub.taxonomy.models import Subject
from hub.tenancy.models import Department
from tests import factories

DATA = Path(__file__).parent / "data"


@dataclass
class World:
    tenant: Department
    news: object
    notices: object
    import_column: object
    articles: list


def build_world():
    tenant = factories.make_site(short_name="订阅教育局", code="dyjyj", hostname="dyjyj.localhost")
    news = factories.column(tenant, "gzdt")
    notices = factories.column(tenant, "tzgg")
    subject = Subject.objects.get(code="11")
    articles = [
        factories.make_article(
            news,
            title=f"全州教育工作第{number}次调度会召开",
            summary=f"调度会研究部署第{number}项重点工作。",
            date=datetime.date(2024, 5, number),
            subject=subject,
        )
        for number in range(1, 4)
    ]
    articles.append(factories.make_article(notices, kind="notice", title="关于开展校园安全检查的通知"))
    factories.make_article(news, title="尚未发布的稿件", publish=False, live=False)
    import_column = factories.make_column(news, title="媒体报道", slug="mtbd")
    return World(tenant=tenant, news=news, notices=notices, import_column=import_column, articles=articles)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def w(world, db):
    return world


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/error"):
            self.send_error(500, "Internal Server Error")
            return
        super().do_GET()


@pytest.fixture(scope="session")
def feed_server():
    """Base address of a server on 127.0.0.1 serving tests/feeds/data; /error answers 500."""
    handler = functools.partial(_QuietHandler, directory=str(DATA))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url():
    """An address on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"
