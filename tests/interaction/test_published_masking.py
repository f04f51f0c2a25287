"""Nothing published about a letter names its writer: subject, text, reply, follow-ups and their replies.

Staff reply with the writer's name and phone number, check the public version on the handling page
and publish through the admin; the anonymous public page shows the masked forms only.
"""

from django.urls import reverse

from hub.interaction import letters
from hub.interaction.models import Letter

from .conftest import login, path_of

NAME = "陈晓"
PHONE = "13899012345"
EMAIL = "chenxiao@example.com"
LETTER = {
    "name": NAME,
    "phone": PHONE,
    "email": EMAIL,
    "subject": "陈晓反映孩子转学手续问题",
    "category": "consultation",
    "body": "我是陈晓，孩子今年从阿图什转学到乌恰，学籍一直转不过来。电话13899012345。",
    "publish_allowed": True,
}
REPLY = (
    f"{NAME}您好：您反映的学籍问题已转乌恰县教育局办理，请保持电话{PHONE}畅通，也可发邮件到{EMAIL}。陈女士已收到通知。"
)


def handle_url(letter):
    return reverse("wagtailsnippets_interaction_letter:edit", args=[letter.pk])


def public_page(client, w, letter):
    response = client.get(path_of(w.education_page) + f"letters/{letter.pk}/", HTTP_HOST=w.education.hostname)
    assert response.status_code == 200
    return response.content.decode()


def assert_masked(html, *texts):
    for personal in (NAME, PHONE, EMAIL, "陈女士"):
        assert personal not in html
    for text in texts:
        assert text in html


def new_letter(w):
    letter, _password = letters.submit_letter(letters.ensure_mailbox(w.education)[0], LETTER)
    return letter


def test_reply_with_the_writers_name_and_phone_is_published_masked(w, client):
    letter = new_letter(w)
    staff = login(client, w.user("education_editor"))

    # The preview shows the public version of what was typed, publishing nothing yet.
    data = {"action": "reply", "reply-reply": REPLY, "reply-publish": "on", "reply-publish_follow_ups": "on"}
    preview = staff.post(handle_url(letter), {**data, "preview": "1"})
    assert preview.status_code == 200
    section = preview.content.decode().split('id="public-preview"')[1].split("</section>")[0]
    assert_masked(section, "＊＊＊您好", "请保持电话＊＊＊畅通", "＊女士已收到通知", "学籍一直转不过来")
    letter.refresh_from_db()
    assert letter.status == Letter.Status.RECEIVED and not letter.is_published

    answered = staff.post(handle_url(letter), data)
    assert answered.status_code == 302
    letter.refresh_from_db()
    assert letter.is_published and letter.reply == REPLY  # the writer still gets the reply as written
    client.logout()

    html = public_page(client, w, letter)
    assert_masked(html, "＊＊＊您好", "请保持电话＊＊＊畅通", "转学手续问题")


def test_publish_screen_offers_the_masked_reply_and_masks_what_staff_type(w, client):
    letter = new_letter(w)
    staff = login(client, w.user("education_webmaster"))
    assert staff.post(handle_url(letter), {"action": "reply", "reply-reply": REPLY}).status_code == 302
    letter.refresh_from_db()
    assert letter.status == Letter.Status.REPLIED and not letter.is_published

    # The publish form is prefilled with the masked reply, and the page previews the public version.
    page = staff.get(handle_url(letter)).content.decode()
    publish_form = page.split('value="publish"')[1].split("</form>")[0]
    assert "＊＊＊您好" in publish_form and NAME + "您好" not in publish_form
    assert 'id="public-preview"' in page

    # Whatever staff type in the public version is masked again.
    published = staff.post(
        handle_url(letter),
        {
            "action": "publish",
            "publish-public_subject": "反映孩子转学手续问题",
            "publish-public_body": "孩子学籍转不过来。",
            "publish-public_reply": f"{NAME}同志，已办理，电话 {PHONE}。",
            "publish-publish_follow_ups": "on",
        },
    )
    assert published.status_code == 302
    client.logout()
    assert_masked(public_page(client, w, letter), "＊＊＊同志，已办理", "孩子学籍转不过来")


def test_follow_ups_and_their_replies_are_published_masked(w, client):
    letter = new_letter(w)
    staff = login(client, w.user("education_editor"))
    staff.post(handle_url(letter), {"action": "reply", "reply-reply": "已转乌恰县教育局办理。"})
    letters.add_follow_up(letter, f"我是{NAME}，还没有人联系我，我的邮箱{EMAIL}。")
    staff.post(handle_url(letter), {"action": "message", "message-text": f"陈女士您好，乌恰县教育局将致电{PHONE}。"})

    page = staff.get(handle_url(letter)).content.decode()
    section = page.split('id="public-preview"')[1].split("</section>")[0]
    assert_masked(section, "还没有人联系我，我的邮箱＊＊＊", "＊女士您好")

    published = staff.post(
        handle_url(letter),
        {
            "action": "publish",
            "publish-public_subject": "转学手续问题",
            "publish-public_body": "孩子学籍转不过来。",
            "publish-public_reply": "",
            "publish-publish_follow_ups": "on",
        },
    )
    assert published.status_code == 302
    client.logout()
    assert_masked(
        public_page(client, w, letter),
        "已转乌恰县教育局办理",
        "还没有人联系我，我的邮箱＊＊＊",
        "＊女士您好，乌恰县教育局将致电＊＊＊",
    )


def test_staff_may_leave_the_follow_ups_out(w, client):
    letter = new_letter(w)
    staff = login(client, w.user("education_editor"))
    staff.post(handle_url(letter), {"action": "reply", "reply-reply": "已办理。"})
    letters.add_follow_up(letter, "我家住在某某小区3号楼。")
    staff.post(
        handle_url(letter),
        {"action": "publish", "publish-public_subject": "转学", "publish-public_body": "学籍问题。"},
    )
    client.logout()
    assert "某某小区" not in public_page(client, w, letter)


def test_the_database_refuses_to_publish_what_the_writer_did_not_allow(w):
    import pytest
    from django.db import IntegrityError, transaction

    letter, _password = letters.submit_letter(
        letters.ensure_mailbox(w.education)[0], {**LETTER, "publish_allowed": False}
    )
    letter.status = Letter.Status.REPLIED
    letter.is_published = True
    with pytest.raises(IntegrityError), transaction.atomic():
        letter.save()
