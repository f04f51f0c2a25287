"""The management commands administrators use: create_subsite and set_subsite_online."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from hub.tenancy.models import Department
from hub.tenancy.scoping import pages_for
from tests import factories

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_create_subsite_prints_what_it_did():
    output = run(
        "create_subsite",
        "hbj",
        "克孜勒苏柯尔克孜自治州生态环境局",
        "--hostname=hbj.localhost",
        "--short-name=生态环境局",
        "--org-code=11653000HBJ0001",
        "--theme=green",
    )

    assert "hbj (克孜勒苏柯尔克孜自治州生态环境局) created" in output
    assert "column 工作动态" in output
    assert "group 生态环境局·编辑" in output
    department = Department.objects.get(code="hbj")
    assert department.theme_variant == "green"
    assert department.org_code == "11653000HBJ0001"
    assert Site.objects.filter(hostname="hbj.localhost").exists()


def test_create_subsite_refuses_bad_input_and_changes_nothing():
    factories.make_site(code="swj", name="克孜勒苏柯尔克孜自治州商务局", hostname="swj.localhost")
    pages, sites = Page.objects.count(), Site.objects.count()

    with pytest.raises(CommandError) as refused:
        run("create_subsite", "swj2", "克州商务局二", "--hostname=swj.localhost")

    assert "Nothing was changed" in str(refused.value)
    assert "hostname" in str(refused.value)
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)

    with pytest.raises(CommandError, match="hostname"):
        run("create_subsite", "bad", "克州坏域名局", "--hostname=Bad_Host")


def test_set_subsite_online_off_answers_410_and_keeps_the_pages(client):
    department = factories.make_site(code="jyjt", short_name="教育测试局")
    article = factories.make_article(factories.column(department, "gzdt"), title="全州教育工作会议召开")
    page_count = pages_for(department).count()
    assert client.get("/", HTTP_HOST=department.hostname).status_code == 200

    output = run("set_subsite_online", "jyjt", "off")

    assert "offline" in output
    home = client.get("/", HTTP_HOST=department.hostname)
    assert home.status_code == 410
    assert "网站已停止服务" in home.content.decode()
    assert client.get(article.relative_url(department.site), HTTP_HOST=department.hostname).status_code == 410
    assert pages_for(department).count() == page_count
    assert Page.objects.filter(pk=article.pk, live=True).exists()

    run("set_subsite_online", "jyjt", "on")

    page = client.get(article.relative_url(department.site), HTTP_HOST=department.hostname)
    assert page.status_code == 200
    assert "全州教育工作会议召开" in page.content.decode()


def test_set_subsite_online_refuses_an_unknown_code():
    with pytest.raises(CommandError, match="nosuch"):
        run("set_subsite_online", "nosuch", "off")
