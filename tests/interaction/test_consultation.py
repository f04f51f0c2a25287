"""Public consultation: comments while open, visible to the tenant's staff only; the adoption summary after closing."""

import datetime

from django.urls import reverse

from hub.interaction.models import ConsultationComment

from .conftest import login, path_of

COMMENT = {"name": "张老师", "contact": "13700000000", "section": "第三条", "text": "建议在乡镇增设公办幼儿园。"}


def test_comment_is_stored_with_a_receipt_and_visible_to_staff_only(w, client):
    host = w.education.hostname
    url = path_of(w.consultation_page)
    page = client.get(url, HTTP_HOST=host)
    assert page.status_code == 200 and "征集中" in page.content.decode()
    response = client.post(url, COMMENT, HTTP_HOST=host)
    assert response.status_code == 302
    done = client.get(response["Location"], HTTP_HOST=host)
    comment = ConsultationComment.objects.get(text=COMMENT["text"])
    assert comment.receipt_code in done.content.decode()
    assert comment.department == w.education and comment.page_id == w.consultation_page.pk
    # Never shown on the public page.
    assert COMMENT["text"] not in client.get(url, HTTP_HOST=host).content.decode()
    listing = reverse("wagtailsnippets_interaction_consultationcomment:list")
    login(client, w.user("education_editor"))
    assert comment.receipt_code in client.get(listing).content.decode()
    login(client, w.user("health_editor"))
    assert comment.receipt_code not in client.get(listing).content.decode()
    edit = reverse("wagtailsnippets_interaction_consultationcomment:edit", args=[comment.pk])
    assert client.get(edit).status_code in (403, 404)


def test_closed_consultation_refuses_comments_and_shows_the_adoption(w, client):
    page = w.consultation_page
    page.opens_on = datetime.date(2024, 1, 1)
    page.closes_on = datetime.date(2024, 1, 31)
    page.adoption = "<p>共收到意见42条，采纳30条，部分采纳5条。</p>"
    page.save_revision().publish()
    host = w.education.hostname
    before = ConsultationComment.objects.count()
    response = client.post(path_of(page), COMMENT, HTTP_HOST=host)
    html = response.content.decode()
    assert response.status_code == 400
    assert "不在征集期内" in html and "采纳30条" in html
    assert ConsultationComment.objects.count() == before


def test_empty_comment_is_refused_with_a_field_error(w, client):
    response = client.post(path_of(w.consultation_page), {**COMMENT, "text": "   "}, HTTP_HOST=w.education.hostname)
    assert response.status_code == 400
    assert 'id="id_text_error"' in response.content.decode()
    assert COMMENT["name"] in response.content.decode()
