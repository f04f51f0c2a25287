"""Monthly statistics per department match the letters, and the public page shows them."""

import datetime

from django.utils import timezone

from hub.interaction.actions import ForwardLetter, ReplyLetter
from hub.interaction.letters import submit_letter
from hub.interaction.models import Letter, Mailbox
from hub.interaction.statistics import letter_statistics

from .conftest import path_of

DATA = {"name": "李娜", "email": "lina@example.com", "subject": "建议", "category": "suggestion", "body": "建议……"}


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def reply_on(letter, user, day):
    ReplyLetter(letter, user, reply="已办理。").execute()
    Letter.objects.filter(pk=letter.pk).update(replied_at=at(day, 16), closed_at=at(day, 16))
    letter.refresh_from_db()
    letter.mark_closed(letter.closed_at)
    Letter.objects.filter(pk=letter.pk).update(closed_late=letter.closed_late)


def test_statistics_match_the_letters(w):
    governor = Mailbox.objects.get(department=w.portal)
    education = Mailbox.objects.get(department=w.education)
    editor = w.user("education_editor")
    portal_editor = w.user("portal_editor")
    march = datetime.date(2023, 3, 1)  # a Wednesday; no holidays that month

    # Education: four letters in March 2023.
    a, _ = submit_letter(education, DATA, now=at(march))  # deadline Wed 03-08
    b, _ = submit_letter(education, DATA, now=at(march))
    c, _ = submit_letter(education, DATA, now=at(datetime.date(2023, 3, 20)))  # deadline Mon 03-27
    submit_letter(education, DATA, now=at(datetime.date(2023, 3, 31)))  # still open: overdue by now
    reply_on(a, editor, datetime.date(2023, 3, 3))  # 2 working days, in time
    reply_on(b, editor, datetime.date(2023, 3, 10))  # 7 working days, late
    reply_on(c, editor, datetime.date(2023, 3, 21))  # 1 working day
    # A letter to the governor's mailbox, forwarded to education and answered there, counts for education.
    d, _ = submit_letter(governor, DATA, now=at(datetime.date(2023, 3, 6)))
    ForwardLetter(d, portal_editor, department=w.education).execute()
    reply_on(Letter.objects.get(pk=d.pk), editor, datetime.date(2023, 3, 8))  # 2 working days
    # The portal keeps one unanswered letter; April's letters do not count in March.
    submit_letter(governor, DATA, now=at(datetime.date(2023, 3, 15)))
    submit_letter(education, DATA, now=at(datetime.date(2023, 4, 3)))

    figures = {f.department.code: f for f in letter_statistics(2023, 3, departments=[w.portal, w.education, w.health])}
    edu = figures[w.education.code]
    assert (edu.received, edu.replied, edu.overdue) == (5, 4, 2)
    assert edu.average_days == round((2 + 7 + 1 + 2) / 4, 1)
    portal = figures[w.portal.code]
    assert (portal.received, portal.replied, portal.overdue, portal.average_days) == (1, 0, 1, None)
    health = figures[w.health.code]
    assert (health.received, health.replied, health.overdue) == (0, 0, 0)

    year = {f.department.code: f for f in letter_statistics(2023, departments=[w.education])}
    assert year[w.education.code].received == 6
    # Counted straight from the rows, the same figures.
    march_letters = Letter.objects.filter(
        department=w.education, submitted_at__gte=at(march, 0), submitted_at__lt=at(datetime.date(2023, 4, 1), 0)
    )
    assert march_letters.count() == edu.received
    assert march_letters.filter(status=Letter.Status.REPLIED).count() == edu.replied
    assert sum(letter.is_overdue() for letter in march_letters) == edu.overdue


def test_public_statistics_page(w, client):
    education = Mailbox.objects.get(department=w.education)
    submit_letter(education, DATA, now=at(datetime.date(2023, 3, 1)))
    submit_letter(education, DATA, now=at(datetime.date(2023, 3, 2)))
    url = path_of(w.governor_page) + "statistics/"
    response = client.get(url, {"year": "2023", "month": "3"}, HTTP_HOST=w.portal.hostname)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2023年3月来信办理情况" in html
    row = html[html.index(w.education.short_name) :]
    assert "<td>2</td><td>0</td><td>2</td>" in row.replace(" ", "")
    # Nonsense parameters fall back to something sensible.
    assert client.get(url, {"year": "abc", "month": "13"}, HTTP_HOST=w.portal.hostname).status_code == 200
    # Look-alike digits (² passes str.isdigit() but not int()) and over-long numbers: this year, all months.
    this_year = f"{timezone.localdate().year}年来信办理情况"
    for bad in ({"year": "²", "month": "²"}, {"year": "9" * 5000, "month": "٣"}, {"year": "2023\x00", "month": "-3"}):
        response = client.get(url, bad, HTTP_HOST=w.portal.hostname)
        assert response.status_code == 200
        assert this_year in response.content.decode()
