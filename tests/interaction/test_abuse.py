"""Bad input and abuse: field errors that keep the input, attachments checked and kept private,
a honeypot, rate limits, and nothing stored when a form is refused."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hub.interaction.models import Letter

from .conftest import login, path_of
from .test_letter_flow import LETTER, receipt_from

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post_letter(client, w, files=None, **changes):
    data = {**LETTER, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    if files:
        data.update(files)
    return client.post(path_of(w.governor_page), data, HTTP_HOST=w.portal.hostname)


def test_field_errors_keep_what_was_typed(w, client):
    before = Letter.objects.count()
    response = post_letter(client, w, subject="", phone="", email="not-an-address", body="x" * 5001)
    html = response.content.decode()
    assert response.status_code == 400
    assert Letter.objects.count() == before
    assert 'id="id_subject_error"' in html and 'aria-invalid="true"' in html
    assert "请填写有效的电子邮箱地址" in html and "最多 5000 个字，您输入了 5001 个字" in html
    assert LETTER["name"] in html  # what the citizen typed is still in the form
    assert "x" * 5001 in html


def test_a_contact_is_required(w, client):
    response = post_letter(client, w, phone="", email="")
    assert response.status_code == 400
    assert "请至少填写联系电话或电子邮箱" in response.content.decode()


def test_attachment_is_stored_outside_media_and_served_to_the_handling_staff_only(w, client, private_files):
    upload = SimpleUploadedFile("现场照片 说明.pdf", PDF, content_type="application/pdf")
    response = post_letter(client, w, files={"attachment": upload})
    assert response.status_code == 302
    code, _password = receipt_from(client.get(response["Location"], HTTP_HOST=w.portal.hostname))
    letter = Letter.objects.get(tracking_code=code)
    stored = Path(letter.attachment.path)
    assert stored.is_file() and stored.read_bytes() == PDF
    assert Path(private_files) in stored.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in stored.resolve().parents
    assert letter.attachment_name == "现场照片 说明.pdf" and "现场照片" not in stored.name

    url = reverse("wagtailsnippets_interaction_letter:attachment", args=[letter.pk])
    assert client.get(url).status_code == 302  # not logged in: to the login page
    login(client, w.user("health_editor"))
    assert client.get(url).status_code == 404
    login(client, w.user("portal_editor"))
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_attachments_are_limited_in_type_size_and_content(w, client, settings):
    settings.HUB_UPLOAD_MAX_SIZE = 1024
    cases = {
        "script.exe": (b"MZ" + b"\0" * 100, "不支持此文件类型"),
        "big.pdf": (PDF + b"0" * 2048, "文件过大"),
        "fake.pdf": (b"<html><script>alert(1)</script>", "文件内容与扩展名"),
        "empty.png": (b"", "文件是空的"),
    }
    before = Letter.objects.count()
    for name, (content, message) in cases.items():
        response = post_letter(client, w, files={"attachment": SimpleUploadedFile(name, content)})
        assert response.status_code == 400, name
        assert message in response.content.decode(), name
    assert Letter.objects.count() == before
    assert not any(Path(settings.HUB_PRIVATE_MEDIA_ROOT).rglob("*.*"))


def test_honeypot_refuses_and_stores_nothing(w, client):
    before = Letter.objects.count()
    response = post_letter(client, w, hp_homepage="http://spam.example.com")
    assert response.status_code == 400
    assert "提交未通过安全校验" in response.content.decode()
    assert Letter.objects.count() == before


def test_rate_limit_per_address(w, client, settings):
    settings.HUB_RATE_LIMITS = {"letter": (2, 3600)}
    assert post_letter(client, w).status_code == 302
    assert post_letter(client, w).status_code == 302
    before = Letter.objects.count()
    refused = post_letter(client, w, subject="第三封信")
    assert refused.status_code == 429
    assert "提交过于频繁" in refused.content.decode() and "第三封信" in refused.content.decode()
    assert Letter.objects.count() == before
    # Another address is not affected.
    other = client.post(path_of(w.governor_page), LETTER, HTTP_HOST=w.portal.hostname, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_failed_lookups_are_limited(w, client, settings):
    settings.HUB_RATE_LIMITS = {"lookup": (3, 900), "lookup_code": (10, 3600)}
    code, password = receipt_from(client.get(post_letter(client, w)["Location"], HTTP_HOST=w.portal.hostname))
    query = path_of(w.governor_page) + "query/"
    for _attempt in range(3):
        assert client.post(query, {"code": code, "password": "guess"}, HTTP_HOST=w.portal.hostname).status_code == 400
    blocked = client.post(query, {"code": code, "password": password}, HTTP_HOST=w.portal.hostname)
    assert blocked.status_code == 429
    assert "查询失败次数过多" in blocked.content.decode()


def test_rendered_honeypot_is_hidden_from_people(w, client):
    html = client.get(path_of(w.governor_page), HTTP_HOST=w.portal.hostname).content.decode()
    assert 'class="form-trap" aria-hidden="true"' in html
    assert 'name="hp_homepage"' in html and 'tabindex="-1"' in html


def test_a_failed_write_leaves_no_file_behind(w, client, monkeypatch, private_files):
    from hub.interaction import letters

    def broken(letter):
        raise RuntimeError("database went away")

    monkeypatch.setattr(letters.notifications, "new_letter", broken)
    upload = SimpleUploadedFile("a.pdf", PDF)
    before = Letter.objects.count()
    client.raise_request_exception = False
    response = post_letter(client, w, files={"attachment": upload})
    assert response.status_code == 500
    assert Letter.objects.count() == before
    assert not any(Path(private_files).rglob("*.pdf"))


def test_a_file_name_with_folders_cannot_escape_the_private_folder(w, client, private_files):
    boundary = "hubboundary"
    fields = {**LETTER}
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="../../../etc/cron.d/x.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + PDF
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    response = client.generic(
        "POST",
        path_of(w.governor_page),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
        HTTP_HOST=w.portal.hostname,
    )
    assert response.status_code == 302
    code, _password = receipt_from(client.get(response["Location"], HTTP_HOST=w.portal.hostname))
    letter = Letter.objects.get(tracking_code=code)
    stored = Path(letter.attachment.path).resolve()
    assert Path(private_files).resolve() in stored.parents
    assert letter.attachment_name == "x.pdf"
