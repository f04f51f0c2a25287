"""The demo site group carries citizen-channel data: answered and published letters, consultations, services."""

import pytest

from hub.interaction.models import ConsultationComment, Letter
from hub.services.models import ServiceItem
from sites.common.models import ConsultationPage, MailboxPage, ServiceIndexPage

pytestmark = pytest.mark.django_db


def test_demo_has_letters_consultations_and_service_items(demo, client):
    assert demo.per_site  # the demo was loaded
    published = Letter.objects.filter(is_published=True)
    assert published.count() >= 5
    assert Letter.objects.filter(status=Letter.Status.PROCESSING).exists()
    assert Letter.objects.exclude(department=models_mailbox_department()).exists()  # some were forwarded
    assert ServiceItem.objects.filter(is_published=True).count() >= 20
    assert ServiceItem.objects.filter(accepts_online_applications=True).exists()
    assert ConsultationPage.objects.live().count() >= 2
    assert ConsultationComment.objects.exists()

    governor = MailboxPage.objects.live().get(slug="xx", title="州长信箱")
    site_id, root, path = governor.get_url_parts()
    host = root.split("//")[1].split(":")[0]
    listing = client.get(path + "letters/", HTTP_HOST=host).content.decode()
    letter = published.filter(mailbox__department__kind="portal").first()
    assert letter.public_subject in listing
    detail = client.get(path + f"letters/{letter.pk}/", HTTP_HOST=host).content.decode()
    assert letter.public_reply[:20] in detail
    assert letter.name not in detail and letter.phone not in detail
    catalogue = ServiceIndexPage.objects.live().filter(own_items_only=False).first()
    site_id, root, path = catalogue.get_url_parts()
    page = client.get(path, HTTP_HOST=root.split("//")[1].split(":")[0])
    assert page.status_code == 200 and "教师资格认定" in page.content.decode()


def models_mailbox_department():
    from django.db.models import F

    return F("mailbox__department")
