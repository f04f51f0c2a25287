"""Property-based tests: arbitrary text, sizes, files and encodings thrown at every public form.

Whatever arrives, the server answers without an error (no 5xx), and no submission is lost: a
redirect to the receipt means the row is stored exactly as typed and its code is shown; any other
answer means nothing was stored and the form comes back with what was typed still in it.
"""

import html
import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hub.interaction.forms import normalise_text
from hub.interaction.letters import submit_letter
from hub.interaction.models import ConsultationComment, DisclosureRequest, ErrorReport, Letter, LetterEvent, Mailbox

from .conftest import path_of

EXAMPLES = 60

# Any text at all (control characters, right-to-left marks, emoji, NUL …), short or very long.
any_text = st.one_of(
    st.text(max_size=40),
    st.text(min_size=0, max_size=6000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.sampled_from(["", " ", "\x00", "\u202e", "👨‍👩‍👧", "<script>alert(1)</script>", "' OR 1=1 --", "ئۇيغۇرچە"]),
)


def maybe(valid):
    """A field that is sometimes valid and sometimes anything."""
    return st.one_of(st.just(valid), any_text)


LETTER = {
    "name": "古丽娜尔",
    "phone": "13900000000",
    "email": "",
    "subject": "关于公交线路的建议",
    "category": "suggestion",
    "body": "建议增开阿图什市区至火车站的公交线路。",
    "publish_allowed": "on",
}
ERROR_REPORT = {
    "page_url": "/xxgk/",
    "page_title": "信息公开",
    "kind": "typo",
    "description": "第二段“阿图什”写成了“阿图什什”。",
    "contact": "",
}
COMMENT = {"name": "", "organisation": "", "contact": "", "section": "", "text": "建议增加普惠性幼儿园学位。"}
DISCLOSURE = {
    "applicant_kind": "citizen",
    "name": "吐尔洪",
    "id_number": "653001198001010011",
    "contact_person": "",
    "phone": "0908-4220000",
    "email": "",
    "address": "阿图什市松他克路",
    "postcode": "",
    "description": "2024年克州学校食堂食品安全检查结果。",
    "document_hint": "",
    "medium": "paper",
    "delivery": "post",
}


def file_name(name, extension):
    """A name a browser could send: no folders (the test client refuses to build a file named "/" or ".")."""
    filename = (f"{name}.{extension}" if extension else name).replace("/", "_")
    return "file" if filename in ("", ".", "..") else filename


def form_data(valid):
    return st.fixed_dictionaries({key: maybe(value) for key, value in valid.items()})


@pytest.fixture
def open_limits(settings):
    settings.HUB_RATE_LIMITS = {
        scope: (10_000, 3600)
        for scope in ("letter", "comment", "disclosure", "follow_up", "lookup", "lookup_code", "error_report")
    }


def shown(value):
    """How a typed value appears when the form is shown again (escaped; a textarea keeps it as is)."""
    return html.escape(value)


# Choices and check boxes are not echoed as typed (an unknown choice cannot be shown as selected).
NOT_ECHOED = {"category", "publish_allowed", "applicant_kind", "medium", "delivery", "kind"}


def check_submission(client, url, host, data, model, compare, files=None):
    """Post once; assert nothing errs and nothing is lost; returns the stored row or None."""
    cache.clear()
    before = model.objects.count()
    payload = {**data, **(files or {})}
    response = client.post(url, payload, HTTP_HOST=host)
    assert response.status_code < 500
    if response.status_code == 302:
        assert model.objects.count() == before + 1
        done = client.get(response["Location"], HTTP_HOST=host)
        assert done.status_code == 200
        code = re.search(r'<bdi class="receipt__code">([^<]+)</bdi>', done.content.decode()).group(1)
        stored = model.objects.get(**{compare: code})
        return stored
    assert response.status_code in (400, 429)
    assert model.objects.count() == before
    page = response.content.decode()
    assert 'class="form-errors"' in page
    for key, value in data.items():
        if (
            isinstance(value, str)
            and value.strip()
            and "\x00" not in value
            and "\r" not in value
            and key not in NOT_ECHOED
        ):
            assert shown(value) in page, key
    return None


@hypothesis_settings(max_examples=EXAMPLES)
@given(data=form_data(LETTER))
def test_letter_form(w, client, open_limits, data):
    stored = check_submission(client, path_of(w.governor_page), w.portal.hostname, data, Letter, "tracking_code")
    if stored is not None:
        assert stored.name == data["name"].strip()
        assert stored.subject == data["subject"].strip()
        assert stored.body == normalise_text(data["body"])
        assert stored.publish_allowed == (data["publish_allowed"] not in ("", "false", "False", "0", "off"))


@hypothesis_settings(max_examples=EXAMPLES)
@given(data=form_data(COMMENT))
def test_consultation_comment_form(w, client, open_limits, data):
    stored = check_submission(
        client, path_of(w.consultation_page), w.education.hostname, data, ConsultationComment, "receipt_code"
    )
    if stored is not None:
        assert stored.text == normalise_text(data["text"])
        assert stored.department == w.education


@hypothesis_settings(max_examples=EXAMPLES)
@given(data=form_data(ERROR_REPORT))
def test_error_report_form(w, client, open_limits, data):
    stored = check_submission(client, "/jiucuo/", w.education.hostname, data, ErrorReport, "receipt_code")
    if stored is not None:
        assert stored.description == normalise_text(data["description"])
        assert stored.page_url == data["page_url"].strip()
        assert stored.department == w.education


@hypothesis_settings(max_examples=EXAMPLES)
@given(data=form_data(DISCLOSURE))
def test_disclosure_request_form(w, client, open_limits, data):
    stored = check_submission(
        client, path_of(w.disclosure_page), w.education.hostname, data, DisclosureRequest, "tracking_code"
    )
    if stored is not None:
        assert stored.description == normalise_text(data["description"])
        assert stored.name == data["name"].strip()


@hypothesis_settings(max_examples=EXAMPLES)
@given(
    name=st.text(max_size=300),
    extension=st.sampled_from(["pdf", "PDF", "png", "jpg", "docx", "exe", "html", "", "pdf.exe", "tar.gz"]),
    content=st.one_of(
        st.binary(max_size=4096),
        st.binary(max_size=64).map(lambda tail: b"%PDF-1.7\n" + tail),
        st.binary(max_size=64).map(lambda tail: b"\x89PNG\r\n\x1a\n" + tail),
    ),
    size_limit=st.sampled_from([64, 1024, 10 * 1024 * 1024]),
)
def test_letter_attachments(w, client, open_limits, settings, name, extension, content, size_limit):
    settings.HUB_UPLOAD_MAX_SIZE = size_limit
    upload = SimpleUploadedFile(file_name(name, extension), content)
    stored = check_submission(
        client,
        path_of(w.governor_page),
        w.portal.hostname,
        LETTER,
        Letter,
        "tracking_code",
        files={"attachment": upload},
    )
    if stored is not None and stored.attachment:
        with stored.attachment.open("rb") as handle:
            assert handle.read() == content
        assert len(content) <= size_limit


@hypothesis_settings(max_examples=EXAMPLES)
@given(
    text=st.text(max_size=300),
    encoding=st.sampled_from(["utf-8", "gbk", "gb18030", "big5", "latin-1", "utf-16", "cp1252", "bogus-charset"]),
)
def test_letter_form_in_any_encoding(w, client, open_limits, text, encoding):
    """Bodies in other encodings (or undecodable ones) are decoded or refused, never a server error."""
    cache.clear()
    data = {**LETTER, "body": LETTER["body"] + text, "subject": (text or "主题")[:100]}
    try:
        body = urlencode(data, encoding=encoding, errors="replace")
    except LookupError:
        body = urlencode(data)
    before = Letter.objects.count()
    # generic() sends the bytes as they are; post() would re-encode them itself.
    response = client.generic(
        "POST",
        path_of(w.governor_page),
        body.encode("ascii"),
        content_type=f"application/x-www-form-urlencoded; charset={encoding}",
        HTTP_HOST=w.portal.hostname,
    )
    assert response.status_code < 500
    assert Letter.objects.count() == before + (1 if response.status_code == 302 else 0)
    if response.status_code == 302 and encoding != "bogus-charset":
        stored = Letter.objects.order_by("-pk").first()
        assert stored.body == normalise_text(data["body"].encode(encoding, "replace").decode(encoding))


def test_url_encoded_bodies_must_be_utf8(w, client):
    """Pages are served in UTF-8, so browsers post UTF-8; Django refuses other charsets with 400."""
    text = "阿合奇县城区供暖不足，请有关部门关注。"
    before = Letter.objects.count()
    for encoding, expected in (("gbk", 400), ("utf-8", 302)):
        body = urlencode({**LETTER, "body": text}, encoding=encoding).encode("ascii")
        response = client.generic(
            "POST",
            path_of(w.governor_page),
            body,
            content_type=f"application/x-www-form-urlencoded; charset={encoding}",
            HTTP_HOST=w.portal.hostname,
        )
        assert response.status_code == expected, encoding
    assert list(Letter.objects.filter(body=text).values_list("body", flat=True)) == [text]
    assert Letter.objects.count() == before + 1


@hypothesis_settings(max_examples=EXAMPLES)
@given(raw=st.binary(max_size=2000))
def test_undecodable_bytes(w, client, open_limits, raw):
    cache.clear()
    for url, host in (
        (path_of(w.governor_page), w.portal.hostname),
        (path_of(w.disclosure_page), w.education.hostname),
    ):
        response = client.generic("POST", url, raw, content_type="application/x-www-form-urlencoded", HTTP_HOST=host)
        assert response.status_code < 500


@hypothesis_settings(max_examples=EXAMPLES)
@given(code=any_text, password=any_text)
def test_lookup_forms_reveal_nothing_and_never_fail(w, client, open_limits, code, password):
    cache.clear()
    for page, host in ((w.governor_page, w.portal.hostname), (w.disclosure_page, w.education.hostname)):
        response = client.post(path_of(page) + "query/", {"code": code, "password": password}, HTTP_HOST=host)
        assert response.status_code in (400, 429)


@pytest.fixture
def looked_up_letter(w, client):
    """A letter this client has looked up (code and password) once: each example only posts a follow-up."""
    letter, password = submit_letter(Mailbox.objects.get(department=w.portal), {**LETTER, "publish_allowed": False})
    found = client.post(
        path_of(w.governor_page) + "query/",
        {"code": letter.tracking_code, "password": password},
        HTTP_HOST=w.portal.hostname,
    )
    assert found.status_code == 302
    return letter, found["Location"]


@hypothesis_settings(max_examples=EXAMPLES)
@given(text=any_text)
def test_follow_up_form(w, client, open_limits, looked_up_letter, text):
    cache.clear()
    letter, status_url = looked_up_letter
    messages = LetterEvent.objects.filter(letter=letter, kind=LetterEvent.Kind.CITIZEN_MESSAGE)
    before = list(messages.values_list("pk", flat=True))
    response = client.post(status_url, {"text": text}, HTTP_HOST=w.portal.hostname)
    assert response.status_code in (302, 400)
    added = messages.exclude(pk__in=before)
    if response.status_code == 302:
        assert added.get().public_text == normalise_text(text)
    else:
        assert not added.exists()
