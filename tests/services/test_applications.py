"""Online applications: form plus files, a tracking code, handled only by the item's department."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hub.interaction.workdays import add_working_days
from hub.services.models import ServiceApplication

from .conftest import PDF, PNG, path_of

APPLICANT = {"applicant_name": "热依拉·买买提", "id_number": "65300119950505002X", "phone": "13909081234", "note": ""}


def apply(client, w, **files):
    url = path_of(w.catalogue) + f"item/{w.passport.pk}/apply/"
    return client.post(url, {**APPLICANT, **files}, HTTP_HOST=w.portal.hostname)


def test_application_with_files_is_tracked_and_handled_by_the_department(w, client, private_files):
    response = apply(
        client,
        w,
        material_1=SimpleUploadedFile("身份证正反面.pdf", PDF),
        material_2=SimpleUploadedFile("照片.png", PNG),
    )
    assert response.status_code == 302
    done = client.get(response["Location"], HTTP_HOST=w.portal.hostname).content.decode()
    code, password = re.findall(r'<bdi class="receipt__code">([^<]+)</bdi>', done)[:2]
    application = ServiceApplication.objects.get(tracking_code=code)
    assert application.department == w.public_security
    assert application.deadline == add_working_days(application.submitted_at.date(), 7)
    files = list(application.files.all())
    assert [f.material for f in files] == ["居民身份证", "近期免冠彩色照片"]
    assert all(Path(private_files) in Path(f.file.path).parents for f in files)

    url = reverse("wagtailsnippets_services_serviceapplication:edit", args=[application.pk])
    file_url = reverse("wagtailsnippets_services_serviceapplication:attachment", args=[files[0].pk])
    client.force_login(w.user("social_editor"))
    assert client.get(url).status_code == 404
    assert client.get(file_url).status_code == 404
    client.force_login(w.user("police_editor"))
    page = client.get(url).content.decode()
    assert APPLICANT["id_number"] in page
    assert 'name="status"' in page and ">保存</button>" in page  # the handling form
    assert b"".join(client.get(file_url).streaming_content) == PDF
    handled = client.post(url, {"status": "needs_more", "message": "照片不符合要求，请上传白底照片。"})
    assert handled.status_code == 302
    client.logout()

    query = path_of(w.catalogue) + "query/"
    found = client.post(query, {"code": code, "password": password}, HTTP_HOST=w.portal.hostname)
    assert found.status_code == 200
    assert "需补正材料" in found.content.decode() and "白底照片" in found.content.decode()
    wrong = client.post(query, {"code": code, "password": password + "x"}, HTTP_HOST=w.portal.hostname)
    assert wrong.status_code == 400 and "白底照片" not in wrong.content.decode()


def test_required_materials_and_file_rules(w, client):
    before = ServiceApplication.objects.count()
    missing = apply(client, w, material_2=SimpleUploadedFile("照片.png", PNG))
    assert missing.status_code == 400
    assert "请上传此项材料" in missing.content.decode()
    bad = apply(
        client, w, material_1=SimpleUploadedFile("id.pdf", b"MZ not a pdf"), material_2=SimpleUploadedFile("p.png", PNG)
    )
    assert bad.status_code == 400 and "文件内容与扩展名" in bad.content.decode()
    assert APPLICANT["applicant_name"] in bad.content.decode()
    assert ServiceApplication.objects.count() == before


def test_items_without_online_application_have_no_form(w, client):
    url = path_of(w.catalogue) + f"item/{w.social_card.pk}/apply/"
    assert client.get(url, HTTP_HOST=w.portal.hostname).status_code == 404
    assert client.post(url, APPLICANT, HTTP_HOST=w.portal.hostname).status_code == 404


def test_editors_keep_only_their_own_items(w, client):
    client.force_login(w.user("social_editor"))
    listing = client.get(reverse("wagtailsnippets_services_serviceitem:list")).content.decode()
    assert "社会保障卡申领" in listing and "普通护照签发" not in listing
    edit = reverse("wagtailsnippets_services_serviceitem:edit", args=[w.passport.pk])
    assert client.get(edit).status_code == 404


@pytest.mark.parametrize("staff", ["police_webmaster", "police_editor", "police_reviewer"])
def test_no_tenant_role_deletes_an_application(w, client, private_files, staff):
    response = apply(
        client, w, material_1=SimpleUploadedFile("身份证.pdf", PDF), material_2=SimpleUploadedFile("照片.png", PNG)
    )
    code = re.findall(
        r'<bdi class="receipt__code">([^<]+)</bdi>',
        client.get(response["Location"], HTTP_HOST=w.portal.hostname).content.decode(),
    )[0]
    application = ServiceApplication.objects.get(tracking_code=code)
    client.force_login(w.user(staff))
    bulk = f"/admin/bulk/services/serviceapplication/delete/?id={application.pk}"
    client.get(bulk)
    client.post(bulk, {})
    client.post(f"/admin/snippets/services/serviceapplication/delete/{application.pk}/", {})
    client.post("/admin/interaction/remove/", {"code": code, "reason": "越权删除", "confirm": "on"})
    assert ServiceApplication.objects.filter(pk=application.pk).exists()
    listing = client.get(reverse("wagtailsnippets_services_serviceapplication:list"))
    assert "/admin/bulk/services/serviceapplication/delete/" not in listing.content.decode()


def test_central_admin_removes_an_application_and_its_files(
    w, client, private_files, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from wagtail.models import ModelLogEntry

    from hub.tenancy.onboarding import ensure_central_admin_group

    response = apply(
        client, w, material_1=SimpleUploadedFile("身份证.pdf", PDF), material_2=SimpleUploadedFile("照片.png", PNG)
    )
    code = re.findall(
        r'<bdi class="receipt__code">([^<]+)</bdi>',
        client.get(response["Location"], HTTP_HOST=w.portal.hostname).content.decode(),
    )[0]
    application = ServiceApplication.objects.get(tracking_code=code)
    stored = [Path(f.file.path) for f in application.files.all()]
    assert all(path.is_file() for path in stored)
    central = get_user_model().objects.create_user("sv_central", "c@example.com", "pw")
    central.groups.add(ensure_central_admin_group())
    client.force_login(central)
    with django_capture_on_commit_callbacks(execute=True):
        removed = client.post("/admin/interaction/remove/", {"code": code, "reason": "测试数据", "confirm": "on"})
    assert removed.status_code == 302
    assert not ServiceApplication.objects.filter(pk=application.pk).exists()
    assert not any(path.exists() for path in stored)
    entry = ModelLogEntry.objects.get(action="interaction.record.remove", label=code)
    assert entry.data["reason"] == "测试数据" and APPLICANT["applicant_name"] not in str(entry.data)
