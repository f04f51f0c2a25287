"""Tracking codes and passwords: unique codes, hashed passwords, one answer for every wrong guess."""

import datetime
import itertools

from django.utils import timezone

from hub.interaction import tracking
from hub.interaction.letters import submit_letter
from hub.interaction.models import Letter, Mailbox

from .conftest import path_of

DATA = {"name": "周强", "phone": "13900001111", "subject": "咨询", "category": "consultation", "body": "请问……"}


def test_codes_and_passwords_are_readable_and_random(db):
    codes = {tracking.new_code("XJ") for _ in range(200)}
    assert len(codes) == 200
    assert all(code.startswith("XJ") and len(code) == 14 and not set(code[8:]) & set("01OIL") for code in codes)
    password = tracking.new_password()
    assert len(password) == 8 and set(password) <= set(tracking.PASSWORD_ALPHABET)


def test_find_needs_code_and_password(w):
    letter, password = submit_letter(Mailbox.objects.get(department=w.portal), DATA)
    assert tracking.find(Letter, letter.tracking_code, password) == letter
    # Codes are typed by hand: case, spaces and hyphens do not matter; passwords ignore case and spaces.
    spaced = "-".join([letter.tracking_code[:2].lower(), letter.tracking_code[2:8], letter.tracking_code[8:]])
    assert tracking.find(Letter, spaced, f" {password.upper()} ") == letter
    assert tracking.find(Letter, letter.tracking_code, password[:-1]) is None
    assert tracking.find(Letter, "XJ000000AAAAAA", password) is None
    assert tracking.find(Letter, "", "") is None
    # Typed with a Chinese input method: full-width letters and digits, an ideographic space.
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in letter.tracking_code)
    assert tracking.find(Letter, full_width, "\u3000" + password) == letter
    # NUL cannot be compared in PostgreSQL text; it never belongs to a code.
    assert tracking.find(Letter, letter.tracking_code + "\x00", password) == letter
    assert tracking.find(Letter, "\x00", password) is None
    assert password not in letter.password_hash


def test_a_code_collision_is_retried(w, monkeypatch):
    mailbox = Mailbox.objects.get(department=w.portal)
    first, _ = submit_letter(mailbox, DATA)
    fresh = "XJ991231ABCDEF"
    codes = itertools.chain([first.tracking_code], itertools.repeat(fresh))
    monkeypatch.setattr(tracking, "new_code", lambda prefix, today=None: next(codes))
    second, _ = submit_letter(mailbox, DATA)
    assert second.tracking_code == fresh and Letter.objects.filter(tracking_code=fresh).count() == 1


def test_a_status_address_with_any_code_never_fails(w, client):
    """The status page's address carries the code: junk in it leads back to the look-up form (or is not found)."""
    for code in ("%00", "XJ%00", "%EF%BC%B8", "%FF", "x" * 300):
        response = client.get(path_of(w.governor_page) + f"query/{code}/", HTTP_HOST=w.portal.hostname)
        assert response.status_code in (302, 404), code
        if response.status_code == 302:
            assert response["Location"].endswith("/query/"), code
    assert client.get(path_of(w.governor_page) + "query/XJ%EF%BC%B8/", HTTP_HOST=w.portal.hostname).status_code == 302


def test_a_code_typed_in_full_width_is_found_through_the_form(w, client):
    letter, password = submit_letter(Mailbox.objects.get(department=w.portal), DATA)
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in letter.tracking_code)
    response = client.post(
        path_of(w.governor_page) + "query/", {"code": full_width, "password": password}, HTTP_HOST=w.portal.hostname
    )
    assert response.status_code == 302 and response["Location"].endswith(f"/query/{letter.tracking_code}/")


def test_the_code_is_dated_with_the_submission_not_the_day_it_is_stored(w):
    mailbox = Mailbox.objects.get(department=w.portal)
    earlier = timezone.now() - datetime.timedelta(days=40)
    letter, _ = submit_letter(mailbox, DATA, now=earlier)
    assert letter.tracking_code[2:8] == f"{timezone.localdate(earlier):%y%m%d}"
    today, _ = submit_letter(mailbox, DATA)
    assert today.tracking_code[2:8] == f"{timezone.localdate():%y%m%d}"
