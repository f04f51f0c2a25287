"""A letter from the public form to the published answer, through the real URL routing and admin."""

import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from hub.interaction.models import Letter, LetterEvent

from .conftest import login, path_of

LETTER = {
    "name": "买买提·艾力",
    "phone": "13899012345",
    "email": "maimaiti@example.com",
    "subject": "阿图什市第三小学附近道路积水问题",
    "category": "request",
    "body": "阿图什市第三小学门前道路一下雨就积水，孩子们上学很不方便。我的电话13899012345，请尽快处理。",
    "publish_allowed": "on",
}


def submit(client, page, host, **changes):
    data = {**LETTER, **changes}
    return client.post(path_of(page), data, HTTP_HOST=host)


def receipt_from(response):
    text = response.content.decode()
    codes = re.findall(r'<bdi class="receipt__code">([^<]+)</bdi>', text)
    return codes[0], codes[1]


def admin_letter_url(letter):
    return reverse("wagtailsnippets_interaction_letter:edit", args=[letter.pk])


def test_public_letter_is_forwarded_answered_published_and_found_by_code(w, client):
    host = w.portal.hostname
    response = submit(client, w.governor_page, host)
    assert response.status_code == 302
    assert response["Location"].endswith("/done/")

    done = client.get(response["Location"], HTTP_HOST=host)
    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    code, password = receipt_from(done)
    letter = Letter.objects.get(tracking_code=code)
    assert letter.department == w.portal
    assert letter.name == LETTER["name"] and letter.phone == LETTER["phone"]
    assert password not in letter.password_hash and identify_hasher(letter.password_hash)
    # The receipt is shown once: reloading the page goes back to the form.
    assert client.get(response["Location"], HTTP_HOST=host).status_code == 302

    # The portal's staff triage and forward it to the education bureau.
    staff = login(client, w.user("portal_editor"))
    page = staff.get(admin_letter_url(letter))
    assert page.status_code == 200
    assert LETTER["phone"] in page.content.decode()
    forwarded = staff.post(
        admin_letter_url(letter),
        {"action": "forward", "forward-department": w.education.pk, "forward-note": "请教育局核实"},
    )
    assert forwarded.status_code == 302
    letter.refresh_from_db()
    assert letter.department == w.education and letter.status == Letter.Status.PROCESSING
    # Once forwarded, the portal's staff no longer see the letter's personal data.
    assert staff.get(admin_letter_url(letter)).status_code == 404

    # The education bureau answers and publishes it.
    staff = login(client, w.user("education_editor"))
    assert LETTER["name"] in staff.get(admin_letter_url(letter)).content.decode()
    answered = staff.post(
        admin_letter_url(letter),
        {
            "action": "reply",
            "reply-reply": "经核实，州教育局已会同住建部门疏通排水管道，积水问题已解决。感谢您的监督。",
            "reply-publish": "on",
            "reply-public_subject": LETTER["subject"],
            "reply-public_body": LETTER["body"],
        },
    )
    assert answered.status_code == 302
    letter.refresh_from_db()
    assert letter.status == Letter.Status.REPLIED and letter.is_published
    assert letter.reply_department == w.education
    assert not letter.is_overdue()
    client.logout()

    # The public list and page show the letter and the answer, without any personal data.
    listing = client.get(path_of(w.governor_page) + "letters/", HTTP_HOST=host)
    assert listing.status_code == 200
    assert LETTER["subject"] in listing.content.decode()
    detail = client.get(path_of(w.governor_page) + f"letters/{letter.pk}/", HTTP_HOST=host)
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "积水问题已解决" in html and "州教育局" in html
    for personal in (LETTER["name"], LETTER["phone"], LETTER["email"], code):
        assert personal not in html

    # The writer finds it with code and password and sees the answer.
    found = client.post(
        path_of(w.governor_page) + "query/", {"code": code.lower(), "password": password}, HTTP_HOST=host
    )
    assert found.status_code == 302
    status = client.get(found["Location"], HTTP_HOST=host)
    assert status.status_code == 200
    assert "积水问题已解决" in status.content.decode()
    assert "private" in status["Cache-Control"]

    # …and adds a follow-up, which the handling department sees.
    follow = client.post(found["Location"], {"text": "谢谢，问题已经解决了。"}, HTTP_HOST=host)
    assert follow.status_code == 302
    assert letter.events.filter(kind=LetterEvent.Kind.CITIZEN_MESSAGE, public_text="谢谢，问题已经解决了。").exists()


def test_wrong_password_reveals_nothing(w, client):
    host = w.portal.hostname
    code, password = receipt_from(client.get(submit(client, w.governor_page, host)["Location"], HTTP_HOST=host))
    query = path_of(w.governor_page) + "query/"
    wrong = client.post(query, {"code": code, "password": "wrong-password"}, HTTP_HOST=host)
    unknown = client.post(query, {"code": "XJ000000ABCDEF", "password": password}, HTTP_HOST=host)
    for response in (wrong, unknown):
        html = response.content.decode()
        assert response.status_code == 400
        assert "查询码或查询密码不正确" in html
        for secret in (LETTER["subject"], LETTER["name"], LETTER["phone"], "阿图什市第三小学"):
            assert secret not in html
    # The same message for a wrong password and an unknown code: nothing tells which was wrong.
    assert wrong.content.decode().replace(code, "").count("查询码或查询密码不正确") == unknown.content.decode().count(
        "查询码或查询密码不正确"
    )
    # Without a correct look-up, the status page sends the visitor back to the look-up form.
    status = client.get(path_of(w.governor_page) + f"query/{code}/", HTTP_HOST=host)
    assert status.status_code == 302 and status["Location"].endswith("/query/")


@pytest.mark.parametrize("staff", ["health_editor", "health_webmaster", "education_reviewer", "central"])
def test_other_tenants_staff_cannot_open_a_letter(w, client, staff):
    host = w.portal.hostname
    code, _password = receipt_from(client.get(submit(client, w.governor_page, host)["Location"], HTTP_HOST=host))
    letter = Letter.objects.get(tracking_code=code)
    from hub.interaction.actions import ForwardLetter

    ForwardLetter(letter, w.user("portal_editor"), department=w.education).execute()
    login(client, w.user(staff))
    assert client.get(admin_letter_url(letter)).status_code == 404
    assert client.get(reverse("wagtailsnippets_interaction_letter:attachment", args=[letter.pk])).status_code == 404
    listing = client.get(reverse("wagtailsnippets_interaction_letter:list"))
    assert LETTER["subject"] not in listing.content.decode()
    # Nor can they act on it by posting to the handling page.
    client.post(admin_letter_url(letter), {"action": "reply", "reply-reply": "越权答复"})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.PROCESSING and not letter.reply


def test_letter_not_published_unless_the_writer_allowed_it(w, client):
    host = w.portal.hostname
    response = submit(client, w.education_page, w.education.hostname, publish_allowed="")
    code, _password = receipt_from(client.get(response["Location"], HTTP_HOST=w.education.hostname))
    letter = Letter.objects.get(tracking_code=code)
    staff = login(client, w.user("education_editor"))
    staff.post(
        admin_letter_url(letter),
        {"action": "reply", "reply-reply": "已答复。", "reply-publish": "on", "reply-public_body": "x"},
    )
    letter.refresh_from_db()
    assert letter.status != Letter.Status.REPLIED and not letter.is_published
    staff.post(admin_letter_url(letter), {"action": "reply", "reply-reply": "已答复。"})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.REPLIED and not letter.is_published
    client.logout()
    assert (
        client.get(path_of(w.education_page) + f"letters/{letter.pk}/", HTTP_HOST=w.education.hostname).status_code
        == 404
    )
    assert host  # the portal is untouched
