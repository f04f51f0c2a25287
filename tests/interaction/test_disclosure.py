"""Disclosure on application: a request with tracking and a 20-working-day deadline, answered by its tenant."""

import re

from django.urls import reverse

from hub.interaction.models import DisclosureRequest
from hub.interaction.workdays import add_working_days

from .conftest import login, path_of

REQUEST = {
    "applicant_kind": "citizen",
    "name": "阿依古丽·吐尔逊",
    "id_number": "653001199001011234",
    "phone": "13999887766",
    "email": "ayguli@example.com",
    "address": "阿图什市光明路1号",
    "postcode": "845350",
    "description": "2024年克州义务教育阶段学校新建、改扩建项目清单及资金安排情况。",
    "document_hint": "",
    "medium": "electronic",
    "delivery": "email",
}


def test_request_is_tracked_answered_and_looked_up(w, client):
    host = w.education.hostname
    response = client.post(path_of(w.disclosure_page), REQUEST, HTTP_HOST=host)
    assert response.status_code == 302
    done = client.get(response["Location"], HTTP_HOST=host).content.decode()
    code, password = re.findall(r'<bdi class="receipt__code">([^<]+)</bdi>', done)[:2]
    request = DisclosureRequest.objects.get(tracking_code=code)
    assert request.department == w.education
    assert request.deadline == add_working_days(request.submitted_at.date(), 20)

    url = reverse("wagtailsnippets_interaction_disclosurerequest:edit", args=[request.pk])
    login(client, w.user("health_editor"))
    assert client.get(url).status_code == 404
    login(client, w.user("education_editor"))
    page = client.get(url).content.decode()
    assert REQUEST["id_number"] in page
    assert 'name="reply"' in page and ">保存</button>" in page  # the handling form
    answer = client.post(
        url, {"action": "reply", "decision": "disclosed", "reply": "所申请信息予以公开，已发送至您的邮箱。"}
    )
    assert answer.status_code == 302
    request.refresh_from_db()
    assert request.status == "replied" and request.closed_at and not request.closed_late
    client.logout()

    query = path_of(w.disclosure_page) + "query/"
    found = client.post(query, {"code": code, "password": password}, HTTP_HOST=host)
    assert found.status_code == 200 and "予以公开" in found.content.decode()
    wrong = client.post(query, {"code": code, "password": "x"}, HTTP_HOST=host)
    assert wrong.status_code == 400 and REQUEST["description"] not in wrong.content.decode()


def test_delivery_by_email_needs_an_address(w, client):
    response = client.post(path_of(w.disclosure_page), {**REQUEST, "email": ""}, HTTP_HOST=w.education.hostname)
    assert response.status_code == 400
    assert "选择电子邮件获取时，请填写电子邮箱" in response.content.decode()
