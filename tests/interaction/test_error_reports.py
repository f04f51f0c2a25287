"""我要纠错 over HTTP: the link on every page, the form, the receipt, refusals, the rate limit, handling, counts."""

import re

from django.urls import reverse
from wagtail.models import ModelLogEntry

from hub.i18n.languages import set_published_languages
from hub.interaction import error_reports
from hub.interaction.models import ErrorReport

from .conftest import login, path_of

REPORT = {"page_url": "/hdjl/jzxx/", "page_title": "局长信箱", "kind": "link", "description": "“办事指南”链接打不开。"}


def _submit(client, host, data=REPORT, **extra):
    return client.post("/jiucuo/", {**data, **extra}, HTTP_HOST=host)


def test_every_page_links_to_the_form_with_its_address_and_title(w, client):
    host = w.education.hostname
    url = path_of(w.education_page)
    html = client.get(url, HTTP_HOST=host).content.decode()
    link = re.search(r'<a class="error-report-link" href="([^"]+)"', html)
    assert link and "我要纠错" in html
    form = client.get(link.group(1).replace("&amp;", "&"), HTTP_HOST=host)
    assert form.status_code == 200
    text = form.content.decode()
    assert f'value="{url}"' in text  # the page's address filled in
    assert 'value="局长信箱"' in text  # its title
    assert f'name="page" value="{w.education_page.pk}"' in text
    # Another site's page is not looked up from this hostname.
    other = client.get(f"/jiucuo/?page={w.governor_page.pk}&url=/x/", HTTP_HOST=host).content.decode()
    assert 'name="page"' not in other


def test_report_is_stored_for_the_page_tenant_with_a_receipt(w, client):
    host = w.education.hostname
    response = _submit(client, host, page=str(w.education_page.pk))
    assert response.status_code == 302
    done = client.get(response["Location"], HTTP_HOST=host)
    report = ErrorReport.objects.get(description=REPORT["description"])
    assert done.status_code == 200 and report.receipt_code in done.content.decode()
    assert "no-store" in done["Cache-Control"]
    assert report.department == w.education and report.page_id == w.education_page.pk
    assert report.status == ErrorReport.Status.OPEN and report.receipt_code.startswith("JC")
    # The receipt is shown once; reloading goes back to the form.
    assert client.get(response["Location"], HTTP_HOST=host).status_code == 302


def test_the_form_in_every_language(w, client):
    host = w.education.hostname
    set_published_languages(w.education, ["ug", "ky", "en"])
    for prefix, direction in (("", "ltr"), ("/ug", "rtl"), ("/ky", "rtl"), ("/en", "ltr")):
        response = client.get(f"{prefix}/jiucuo/?url=/", HTTP_HOST=host)
        assert response.status_code == 200, prefix
        html = response.content.decode()
        assert f'dir="{direction}"' in html, prefix
        if prefix == "/en":
            assert "Report an error" in html and "Typo" in html


def test_bad_input_gets_clear_messages_and_stores_nothing(w, client):
    host = w.education.hostname
    before = ErrorReport.objects.count()
    cases = [
        ({**REPORT, "description": ""}, "请填写此项。"),
        ({**REPORT, "kind": "nonsense"}, "请从列表中选择一项。"),
        ({**REPORT, "page_url": "https://evil.example/"}, "页面地址应为本网站的地址"),
        ({**REPORT, "page_url": "//evil.example/"}, "页面地址应为本网站的地址"),
        ({**REPORT, "description": "x" * 2001}, "最多 2000 个字"),
        ({**REPORT, "description": "a\x00b"}, "空字符"),
        ({**REPORT, "hp_homepage": "http://spam.example/"}, "提交未通过安全校验"),
    ]
    for data, message in cases:
        response = _submit(client, host, data, page="not-a-number")
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    assert ErrorReport.objects.count() == before


def test_rate_limit(w, client, settings):
    settings.HUB_RATE_LIMITS = {"error_report": (2, 3600)}
    host = w.education.hostname
    assert _submit(client, host).status_code == 302
    assert _submit(client, host).status_code == 302
    response = _submit(client, host, description="第三次。")
    assert response.status_code == 429
    assert "提交过于频繁" in response.content.decode()
    assert not ErrorReport.objects.filter(description="第三次。").exists()


def _report(w, host_department, client):
    _submit(client, host_department.hostname)
    return ErrorReport.objects.filter(department=host_department).latest("pk")


def test_only_the_page_tenant_staff_see_and_handle_it(w, client):
    report = _report(w, w.education, client)
    listing = reverse("wagtailsnippets_interaction_errorreport:list")
    edit = reverse("wagtailsnippets_interaction_errorreport:edit", args=[report.pk])
    for outsider in ("health_editor", "health_webmaster", "portal_webmaster", "central"):
        login(client, w.user(outsider))
        assert report.receipt_code not in client.get(listing).content.decode(), outsider
        assert client.get(edit).status_code in (403, 404), outsider
        response = client.post(edit, {"reply": "越权", "close": "on"})
        assert response.status_code in (403, 404), outsider
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.OPEN and report.reply == ""
    login(client, w.user("education_editor"))
    assert report.receipt_code in client.get(listing).content.decode()
    assert REPORT["description"] in client.get(edit).content.decode()


def test_handling_replies_and_closes_with_an_audit_entry(w, client):
    report = _report(w, w.education, client)
    edit = reverse("wagtailsnippets_interaction_errorreport:edit", args=[report.pk])
    login(client, w.user("education_webmaster"))
    assert client.post(edit, {"reply": ""}).status_code == 400  # a reply is required
    assert client.post(edit, {"reply": "已转内容保障组核实。"}).status_code == 302
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.OPEN and report.reply == "已转内容保障组核实。"
    assert client.post(edit, {"reply": "链接已更正。", "close": "on"}).status_code == 302
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.CLOSED and report.handled_at is not None
    assert report.handled_by == w.user("education_webmaster")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(report.pk), action__startswith="interaction.error_report.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["interaction.error_report.reply", "interaction.error_report.close"]
    # A closed report is not handled again.
    assert "链接已更正。" in client.get(edit).content.decode()
    client.post(edit, {"reply": "再次答复", "close": "on"})
    report.refresh_from_db()
    assert report.reply == "链接已更正。"


def test_counts_per_tenant_and_year(w, client):
    first = _report(w, w.education, client)
    _report(w, w.education, client)
    _report(w, w.health, client)
    error_reports.HandleReport(first, w.user("education_webmaster"), reply="已改", close=True).execute()
    year = first.submitted_at.year
    counts = error_reports.counts_for_year(year)
    assert counts[w.education.pk] == {"received": 2, "closed": 1}
    assert counts[w.health.pk] == {"received": 1, "closed": 0}
    assert error_reports.counts_for_year(year - 1) == {}
    assert error_reports.counts_for_year(year, departments=[w.health]) == {w.health.pk: {"received": 1, "closed": 0}}
