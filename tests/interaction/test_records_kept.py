"""A citizen's letter, disclosure request or comment is a record the government keeps.

No tenant role deletes one (the list's bulk action, the delete view, a crafted POST); webmasters
archive a closed letter instead, and only the central admins remove a record, giving a reason that
the audit log keeps with the record's tracking code (never the citizen's personal data).
"""

import pytest
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from hub.interaction import consultations, disclosure, letters
from hub.interaction.actions import ArchiveLetter, RejectLetter
from hub.interaction.models import ConsultationComment, DisclosureRequest, Letter

from .conftest import login

ROLES = ["education_webmaster", "education_editor", "education_reviewer"]

LETTER = {
    "name": "古丽米拉·吐尔逊",
    "phone": "13999080123",
    "email": "gulimila@example.com",
    "subject": "幼儿园入园报名时间",
    "category": "consultation",
    "body": "请问今年幼儿园什么时候开始报名？",
}


def make_letter(w):
    letter, _password = letters.submit_letter(letters.ensure_mailbox(w.education)[0], LETTER)
    return letter


def make_request(w):
    request, _password = disclosure.submit_request(
        w.education,
        {"name": "古丽米拉", "id_number": "653001199001011234", "phone": "13999080123", "description": "招生计划"},
    )
    return request


def make_comment(w):
    return consultations.submit_comment(
        w.consultation_page, w.education, {"name": "古丽米拉", "text": "建议增加学位。"}
    )


RECORDS = {
    "letter": (make_letter, Letter),
    "disclosurerequest": (make_request, DisclosureRequest),
    "consultationcomment": (make_comment, ConsultationComment),
}


def url(model, view, *args):
    return reverse(f"wagtailsnippets_interaction_{model._meta.model_name}:{view}", args=args)


@pytest.mark.parametrize("kind", RECORDS)
@pytest.mark.parametrize("staff", ROLES + ["central", "admin"])
def test_no_tenant_role_deletes_a_record(w, client, staff, kind):
    """Nor does a central admin or a superuser through Wagtail's views: removal has its own logged screen."""
    make, model = RECORDS[kind]
    record = make(w)
    login(client, w.user(staff))
    name = model._meta.model_name
    # The bulk action (its confirmation page and the confirming POST) and the delete view refuse.
    bulk = f"/admin/bulk/interaction/{name}/delete/?id={record.pk}"
    client.get(bulk)
    client.post(bulk, {})
    client.post(f"/admin/snippets/interaction/{name}/delete/{record.pk}/", {})
    assert model.objects.filter(pk=record.pk).exists()
    # The list offers no delete action.
    listing = client.get(url(model, "list"))
    if listing.status_code == 200:
        assert f"/admin/bulk/interaction/{name}/delete/" not in listing.content.decode()


def test_webmaster_archives_a_closed_letter_and_restores_it(w, client):
    letter = make_letter(w)
    webmaster = w.user("education_webmaster")
    RejectLetter(letter, webmaster, reason="重复来信").execute()
    staff = login(client, webmaster)
    listing = url(Letter, "list")
    row = f'href="{url(Letter, "edit", letter.pk)}"'
    assert row in staff.get(listing).content.decode()

    response = staff.post(url(Letter, "edit", letter.pk), {"action": "archive", "archive-note": "重复来信，已归档"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.archived_at is not None
    assert ModelLogEntry.objects.filter(action="interaction.letter.archive", object_id=str(letter.pk)).exists()
    # Archived letters leave the default list and are found with the filter.
    assert row not in staff.get(listing).content.decode()
    assert row in staff.get(listing + "?archived=true").content.decode()

    response = staff.post(url(Letter, "edit", letter.pk), {"action": "restore", "restore-note": ""})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.archived_at is None
    assert row in staff.get(listing).content.decode()


def test_a_follow_up_brings_an_archived_letter_back(w, client):
    letter = make_letter(w)
    webmaster = w.user("education_webmaster")
    RejectLetter(letter, webmaster, reason="不属于本单位职责").execute()
    ArchiveLetter(letter, webmaster).execute()
    letters.add_follow_up(letter, "请告诉我应该找哪个部门。")
    letter.refresh_from_db()
    assert letter.archived_at is None
    listing = login(client, webmaster).get(url(Letter, "list")).content.decode()
    assert f'href="{url(Letter, "edit", letter.pk)}"' in listing


def test_an_open_letter_is_not_archived(w, client):
    letter = make_letter(w)
    staff = login(client, w.user("education_webmaster"))
    response = staff.post(url(Letter, "edit", letter.pk), {"action": "archive", "archive-note": ""})
    assert response.status_code == 400
    letter.refresh_from_db()
    assert letter.archived_at is None


REMOVE = "/admin/interaction/remove/"


@pytest.mark.parametrize("staff", ROLES)
def test_tenant_roles_cannot_reach_the_removal_screen(w, client, staff):
    letter = make_letter(w)
    login(client, w.user(staff))
    assert client.get(REMOVE).status_code in (302, 403)
    client.post(REMOVE, {"code": letter.tracking_code, "reason": "越权删除", "confirm": "on"})
    assert Letter.objects.filter(pk=letter.pk).exists()


@pytest.mark.parametrize("kind", RECORDS)
def test_central_admin_removes_a_record_with_a_reason_logged(w, client, kind):
    make, model = RECORDS[kind]
    record = make(w)
    log(instance=record, action="wagtail.edit", user=w.user("admin"))  # an earlier entry, titled by the record
    code = getattr(record, "tracking_code", None) or record.receipt_code
    central = login(client, w.user("central"))
    assert central.get(REMOVE).status_code == 200

    # Without a reason, nothing is removed and the form says why.
    response = central.post(REMOVE, {"code": code, "reason": " ", "confirm": "on"})
    assert response.status_code == 400 and "请填写删除理由" in response.content.decode()
    assert model.objects.filter(pk=record.pk).exists()
    # An unknown code is told, not a 500.
    response = central.post(REMOVE, {"code": "XJ000000NOPE", "reason": "测试", "confirm": "on"})
    assert response.status_code == 400 and "没有找到" in response.content.decode()

    response = central.post(REMOVE, {"code": code.lower(), "reason": "来信人书面申请撤回", "confirm": "on"})
    assert response.status_code == 302
    assert not model.objects.filter(pk=record.pk).exists()
    entry = ModelLogEntry.objects.get(action="interaction.record.remove", object_id=str(record.pk))
    assert entry.data["reason"] == "来信人书面申请撤回" and entry.data["code"] == code
    assert entry.user_id == w.user("central").pk
    # Every entry about the record now names it by its code only.
    assert set(
        ModelLogEntry.objects.filter(object_id=str(record.pk), content_type=entry.content_type).values_list(
            "label", flat=True
        )
    ) == {code}
    logged = f"{entry.label} {entry.data}"
    for personal in ("古丽米拉", "13999080123", "653001199001011234", "幼儿园入园报名时间"):
        assert personal not in logged
