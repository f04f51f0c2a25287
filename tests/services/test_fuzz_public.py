"""Property-based tests: arbitrary input at the online application form and the catalogue's filters."""

import html
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hub.services.models import ServiceApplication

from .conftest import PDF, PNG, path_of

EXAMPLES = 60

any_text = st.one_of(
    st.text(max_size=40),
    st.text(max_size=3000),
    st.sampled_from(["", " ", "\x00", "\u202e", "<b>x</b>", "653001199001011234", "13900000000"]),
)
APPLICANT = {
    "applicant_name": "米热古丽",
    "id_number": "653001199001011234",
    "phone": "13900000000",
    "email": "",
    "note": "",
}
files = st.one_of(
    st.none(),
    st.tuples(st.text(max_size=80), st.sampled_from(["pdf", "png", "exe", ""]), st.binary(max_size=2048)),
    st.just(("id", "pdf", PDF)),
    st.just(("photo", "png", PNG)),
)


@pytest.fixture
def open_limits(settings):
    settings.HUB_RATE_LIMITS = {"application": (10_000, 3600), "lookup": (10_000, 900), "lookup_code": (10_000, 3600)}


def upload(spec):
    if spec is None:
        return None
    name, extension, content = spec
    filename = (f"{name}.{extension}" if extension else name).replace("/", "_")
    return SimpleUploadedFile("file" if filename in ("", ".", "..") else filename, content)


@hypothesis_settings(max_examples=EXAMPLES)
@given(
    data=st.fixed_dictionaries({key: st.one_of(st.just(value), any_text) for key, value in APPLICANT.items()}),
    first=files,
    second=files,
)
def test_application_form(w, client, open_limits, data, first, second):
    cache.clear()
    url = path_of(w.catalogue) + f"item/{w.passport.pk}/apply/"
    payload = dict(data)
    for name, spec in (("material_1", first), ("material_2", second)):
        if (file := upload(spec)) is not None:
            payload[name] = file
    before = ServiceApplication.objects.count()
    response = client.post(url, payload, HTTP_HOST=w.portal.hostname)
    assert response.status_code < 500
    if response.status_code == 302:
        done = client.get(response["Location"], HTTP_HOST=w.portal.hostname).content.decode()
        code = re.search(r'<bdi class="receipt__code">([^<]+)</bdi>', done).group(1)
        stored = ServiceApplication.objects.get(tracking_code=code)
        assert stored.applicant_name == data["applicant_name"].strip()
        uploaded = [spec for spec in (first, second) if spec is not None]
        assert sorted(f.file_size for f in stored.files.all()) == sorted(len(spec[2]) for spec in uploaded)
        for record in stored.files.all():
            with record.file.open("rb") as handle:
                assert handle.read() in [spec[2] for spec in uploaded]
    else:
        assert response.status_code == 400
        assert ServiceApplication.objects.count() == before
        page = response.content.decode()
        for value in data.values():
            if value.strip() and "\x00" not in value and "\r" not in value:
                assert html.escape(value) in page


@hypothesis_settings(max_examples=EXAMPLES)
@given(params=st.dictionaries(st.sampled_from(["q", "department", "audience", "event", "page", "x"]), any_text))
def test_catalogue_filters(w, client, params):
    response = client.get(path_of(w.catalogue), params, HTTP_HOST=w.portal.hostname)
    assert response.status_code == 200


@hypothesis_settings(max_examples=EXAMPLES)
@given(code=any_text, password=any_text)
def test_application_lookup(w, client, open_limits, code, password):
    cache.clear()
    response = client.post(
        path_of(w.catalogue) + "query/", {"code": code, "password": password}, HTTP_HOST=w.portal.hostname
    )
    assert response.status_code == 400
