"""E-mails go out once a submission is stored, tell staff where to look, and carry no personal data."""

from django.core import mail

from hub.interaction.actions import ForwardLetter, ReplyLetter
from hub.interaction.letters import submit_letter
from hub.interaction.models import Mailbox

DATA = {
    "name": "努尔古丽",
    "phone": "13899990000",
    "email": "nuerguli@example.com",
    "subject": "小区门口路灯不亮",
    "category": "request",
    "body": "我家住在阿图什市某小区，门口路灯坏了一个月。",
}


def test_staff_and_writer_are_told_without_personal_data(w, django_capture_on_commit_callbacks):
    mailbox = Mailbox.objects.get(department=w.portal)
    mailbox.notify_email = "zzxx@kizilsu.example.gov.cn"
    mailbox.save()
    w.education.email = "jyj@kizilsu.example.gov.cn"
    w.education.save()
    with django_capture_on_commit_callbacks(execute=True):
        letter, password = submit_letter(mailbox, DATA)
        ForwardLetter(letter, w.user("portal_editor"), department=w.education).execute()
        ReplyLetter(letter, w.user("education_editor"), reply="路灯已修复。").execute()
    recipients = [message.to for message in mail.outbox]
    assert recipients == [["zzxx@kizilsu.example.gov.cn"], ["jyj@kizilsu.example.gov.cn"], [DATA["email"]]]
    for message in mail.outbox:
        text = message.subject + message.body
        assert letter.tracking_code in text
        for secret in (DATA["name"], DATA["phone"], DATA["subject"], "路灯", password):
            assert secret not in text
    staff_mail = mail.outbox[:2]
    assert all("/admin/" in message.body for message in staff_mail)


def test_nothing_is_sent_when_the_submission_is_not_stored(w, django_capture_on_commit_callbacks):
    mailbox = Mailbox.objects.get(department=w.portal)
    mailbox.notify_email = "zzxx@kizilsu.example.gov.cn"
    mailbox.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            submit_letter(mailbox, {**DATA, "category": None})  # the database refuses a missing category
        except Exception:
            pass
    assert callbacks == [] and mail.outbox == []
