"""`check_links` for cron: progress, one summary line per site, an exit status."""

import pytest
from django.core.management import call_command

from hub.linkcheck.models import OutsideLink
from tests import factories

from .conftest import article_with_links

pytestmark = pytest.mark.django_db


def test_check_links_summarises_each_site_and_exits_with_a_status(linkcheck_settings, http_server, capsys):
    department = factories.make_site()
    article_with_links(department, [http_server.url("a.test", "/ok/cmd"), http_server.url("a.test", "/missing")])
    call_command("check_links", site=department.code)
    captured = capsys.readouterr()
    assert f"{department.code}: 2 links checked of 2 due: 1 ok, 1 broken, 0 hijacked; 0 broken reported" in captured.out
    assert "check_links: 1 site, 0 failed, 0 with possibly hijacked links" in captured.out
    assert f"{department.code}: 2/2" in captured.err  # progress

    call_command("check_links", site=department.code, force=True)
    assert "1 broken reported" in capsys.readouterr().out

    article_with_links(department, [http_server.url("a.test", "/away")])
    with pytest.raises(SystemExit) as exit_:
        call_command("check_links", site=department.code)
    assert exit_.value.code == 2
    assert OutsideLink.objects.filter(department=department).count() == 3


def test_an_unknown_site_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No site with code"):
        call_command("check_links", site="nosuchsite")
