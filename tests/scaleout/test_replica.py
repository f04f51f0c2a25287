"""The site against a real PostgreSQL primary and a streaming replica of it (tests/replica.sh).

Anonymous public reads are served by the replica, writes and everything else by the primary, and a
visitor who has just posted reads from the primary until the replica has caught up. Run with

    tests/replica.sh .venv/bin/pytest -q -m replica tests/scaleout/test_replica.py

Without DATABASE_REPLICA_URL (every other test run) the module is skipped.
"""

import time

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext

from hub.db.routers import PRIMARY_COOKIE
from hub.interaction.letters import ensure_mailbox
from sites.common.models import MailboxPage
from tests import factories

if "replica" not in settings.DATABASES:
    pytest.skip(
        "needs a streaming replica: run tests/replica.sh .venv/bin/pytest -m replica tests/scaleout",
        allow_module_level=True,
    )

pytestmark = [
    pytest.mark.replica,
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"]),
]

LETTER = {
    "name": "买买提·艾力",
    "phone": "13899012345",
    "subject": "阿图什市第三小学附近道路积水问题",
    "category": "request",
    "body": "阿图什市第三小学门前道路一下雨就积水，孩子们上学很不方便。",
}


def scalar(alias, sql, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replica(timeout=20):
    """Until the replica has replayed everything the primary has written so far."""
    target = scalar("default", "SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while not scalar("replica", "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0", [target]):
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.05)


@pytest.fixture
def paused_replay():
    """The replica stops replaying the primary's WAL: a lag as long as the test wants."""
    scalar("replica", "SELECT pg_wal_replay_pause()::text")
    yield
    scalar("replica", "SELECT pg_wal_replay_resume()::text")
    wait_for_replica()


@pytest.fixture
def department():
    department = factories.make_site(short_name="州教育局")
    factories.make_article(factories.column(department, "gzdt"), title="全州教育工作会议召开")
    wait_for_replica()
    return department


def count_queries(client, path, host):
    """(response, reads on the primary, queries on the replica) for one GET.

    Writes a public page makes (the search page's daily query counter) go to the primary, as all
    writes do; only its reads (SELECTs) are counted there.
    """
    with CaptureQueriesContext(connections["default"]) as primary:
        with CaptureQueriesContext(connections["replica"]) as replica:
            response = client.get(path, HTTP_HOST=host)
    reads = [query["sql"] for query in primary if query["sql"].lstrip().upper().startswith("SELECT")]
    return response, len(reads), len(replica)


def test_the_replica_is_a_read_only_standby_of_the_primary():
    assert scalar("replica", "SELECT pg_is_in_recovery()") is True
    assert scalar("default", "SELECT pg_is_in_recovery()") is False
    assert scalar("default", "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'") == 1


def test_anonymous_public_reads_leave_the_primary(client, department):
    host = department.site.hostname
    article = department.site.root_page.get_descendants().type(factories.ArticlePage).live().get().specific
    for path in ("/", article.get_url_parts()[2], "/search/?q=教育"):
        response, on_primary, on_replica = count_queries(client, path, host)
        assert response.status_code == 200, path
        assert on_replica > 0, path
        assert on_primary == 0, path
    assert "全州教育工作会议召开" in client.get("/", HTTP_HOST=host).content.decode()


def test_signed_in_editors_and_the_admin_read_from_the_primary(client, department, django_user_model):
    editor = django_user_model.objects.create_superuser("central", "central@example.com", "pw")
    wait_for_replica()
    client.force_login(editor)
    for path in ("/", "/admin/"):
        response, on_primary, on_replica = count_queries(client, path, department.site.hostname)
        assert response.status_code == 200, path
        assert on_primary > 0 and on_replica == 0, path


def test_a_page_published_during_lag_is_missing_on_the_replica_until_it_catches_up(client, department, paused_replay):
    host = department.site.hostname
    fresh = factories.make_article(factories.column(department, "gzdt"), title="秋季学期开学工作部署")
    path = fresh.get_url_parts()[2]
    # The replica has not replayed the publish: an anonymous read, served by it, does not see it yet
    # (the proof that the read really happened there).
    assert client.get(path, HTTP_HOST=host).status_code == 404
    scalar("replica", "SELECT pg_wal_replay_resume()::text")
    wait_for_replica()
    assert client.get(path, HTTP_HOST=host).status_code == 200


def test_a_visitor_who_just_posted_reads_their_write_from_the_primary(client, department, paused_replay):
    host = department.site.hostname
    ensure_mailbox(department)
    mailbox = factories.add_page(factories.column(department, "hdjl"), MailboxPage, title="局长信箱", slug="jzxx")
    mailbox_path = mailbox.get_url_parts()[2]
    # The replica lags behind even the mailbox page: a visitor without cookies does not find it.
    assert client.get(mailbox_path, HTTP_HOST=host).status_code == 404

    # A visitor who reached the form through the primary (e.g. before the lag) posts a letter.
    posted = client.post(mailbox_path, LETTER, HTTP_HOST=host)
    assert posted.status_code in (200, 302)
    assert posted.cookies[PRIMARY_COOKIE]["max-age"] == settings.HUB_REPLICA_STICKY_SECONDS
    receipt = client.get(posted["Location"], HTTP_HOST=host) if posted.status_code == 302 else posted
    assert receipt.status_code == 200
    assert "receipt__code" in receipt.content.decode()

    # Their next reads go to the primary, so they see what they (and the editors) just wrote.
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    response, on_primary, on_replica = count_queries(client, mailbox_path, host)
    assert response.status_code == 200
    assert on_primary > 0 and on_replica == 0

    # Another visitor, with no cookie, is still served by the lagging replica.
    stranger = client.__class__()
    assert stranger.get(mailbox_path, HTTP_HOST=host).status_code == 404
