"""The demo's first inspection: one department red with a stale column and an overdue letter, the portal passing."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from fixtures.inspection import STALE_SITE
from hub.inspection.models import InspectionRun, StoredFinding
from hub.tenancy.models import Department

pytestmark = pytest.mark.django_db


def latest(code):
    return InspectionRun.objects.filter(department__code=code).order_by("-started_at", "-pk").first()


def test_the_demo_is_inspected_as_it_loads(demo):
    codes = set(demo.per_site)
    inspected = set(InspectionRun.objects.filter(trigger="demo").values_list("department__code", flat=True))
    assert codes <= inspected
    portal = latest(Department.objects.get(kind="portal").code)
    assert portal.passed and portal.veto_count == 0


def test_one_department_is_red_with_a_stale_column_and_an_overdue_letter(demo):
    run = latest(STALE_SITE)
    assert not run.passed and run.veto_count >= 1
    findings = StoredFinding.objects.filter(department__code=STALE_SITE, resolved_at__isnull=True)
    assert findings.filter(indicator="response.letters", severity="veto").exists()
    assert findings.filter(indicator="columns.stale", label="工作动态").exists()
    webmaster = get_user_model().objects.get(username=f"{STALE_SITE}_webmaster")
    client = Client()
    client.force_login(webmaster)
    text = client.get("/admin/").content.decode()
    panel = text[text.find('id="inspection-panel-section"') :]
    assert "不合格" in panel and "超过3个月未回应" in panel and "工作动态" in panel
