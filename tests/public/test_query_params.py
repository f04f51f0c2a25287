"""Hostile query strings on every public address of the demo site group: never a server error.

Each page type of the demo (and the routes inside citizen pages, the search page and its JSON twin,
the feeds, a language-prefixed address and a missing page) is requested with garbage, huge numbers,
NUL characters, repeated parameters, look-alike digits and undecodable percent-encodings in every
filter a public view reads. A bad filter is ignored: the address answers as it does without it.
"""

from urllib.parse import quote, urlsplit

import pytest
from django.http.response import MAX_URL_REDIRECT_LENGTH
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, get_page_models

from hub.interaction.models import Letter
from hub.services.models import ServiceItem
from hub.tenancy.models import Department
from sites.common.models import ColumnIndexPage, DisclosureRequestPage, MailboxPage, ServiceIndexPage
from sites.portal.models import DepartmentIndexPage, TopicIndexPage

pytestmark = pytest.mark.django_db

# Every name a public view reads from the query string (and a few it might be tempted to).
PARAMETERS = [
    "page",
    "year",
    "month",
    "department",
    "category",
    "audience",
    "event",
    "subject",
    "genre",
    "q",
    "site",
    "type",
    "topic",
    "sort",
    "scope",
    "per_page",
    "untranslated",
    "id",
    "code",
    "format",
]

HUGE = "9" * 5000  # longer than int() accepts (4,300 digits)

# Values as they stand in the raw query string (percent-encoded where a browser would encode them).
HOSTILE_VALUES = [
    "",
    "abc",
    "-1",
    "0",
    "99999999999999999999999999",
    HUGE,
    "1e400",
    "NaN",
    "2024.5",
    "0x10",
    "%20%202024%20",
    "%00",
    "2024%00",
    "%C2%B2",  # ² is a digit to str.isdigit() but not to int()
    "%E2%91%A0",  # ①
    "%D9%A2%D9%A0%D9%A2%D9%A4",  # 2024 in Arabic-Indic digits
    "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94",  # 2024 in full-width digits
    "%FF%FE",  # not UTF-8
    "%C0%AE",  # overlong encoding
    "%ED%A0%80",  # a lone surrogate
    "%E4%B8",  # truncated
    "%",
    "%zz",
    "%E2%80%AE%D8%A7",  # right-to-left override
    "%F0%9F%98%80",
    "%27%20OR%201%3D1%20--",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "x" * 20_000,
    "%E5%85%8B" * 3000,  # 克 × 3000
]

RAW_QUERIES = [
    # Every parameter at once, with one value (the views read their filters independently).
    *("&".join(f"{name}={value}" for name in PARAMETERS) for value in HOSTILE_VALUES),
    # Repeated parameters and broken pairs.
    "&".join(f"{name}=1&{name}=abc&{name}=%00&{name}=%C2%B2" for name in PARAMETERS),
    "&".join(f"{name}[]=1&{name}" for name in PARAMETERS),
    "%FF=1&%00=2&=3&&&;;&=",
    # A sensible filter next to a broken one.
    "year=2024&month=%C2%B2",
    "year=2024&month=13",
    "year=%C2%B2&month=1",
    "year=2024&month=1&page=" + HUGE,
    "q=%E5%AD%A6%E6%A0%A1&page=99999999&year=1900&sort=date&scope=all",
    "q=%E5%AD%A6%E6%A0%A1&department=%00&audience=individual&event=%00",
    "q=%E5%AD%A6%E6%A0%A1&site=%00&type=%00&topic=%00&year=" + HUGE,
]


def _host_and_path(page):
    site_id, root_url, path = page.get_url_parts()
    return urlsplit(root_url).hostname, path


def _addresses(codes):
    """(label, host, path) for every public page type of the demo and the routes inside them."""
    addresses = []
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().filter(depth__gt=2).order_by("path").first()
        if page is None and model.objects.live().exists():
            page = model.objects.live().order_by("path").first()
        if page is not None:
            addresses.append((model._meta.label, *_host_and_path(page)))

    portal = Department.objects.get(kind=Department.Kind.PORTAL, code__in=codes)
    department = Department.objects.filter(kind=Department.Kind.DEPARTMENT, code__in=codes).first()
    mailbox = MailboxPage.objects.live().filter(mailbox__isnull=True).order_by("path").first()
    host, path = _host_and_path(mailbox)
    letter = Letter.objects.filter(is_published=True).order_by("pk").first()
    for route in ("letters/", "statistics/", "query/", "done/", f"letters/{letter.pk}/", f"letters/{HUGE[:30]}/"):
        addresses.append((f"mailbox {route}", host, path + route))
    # Junk in the address itself: a code with NUL, a number beyond any database integer.
    addresses.append(("mailbox status of a junk code", host, path + "query/%00%FF/"))
    addresses.append(("mailbox letter status", host, path + f"query/{letter.tracking_code}/"))

    catalogue = ServiceIndexPage.objects.live().filter(own_items_only=False).order_by("path").first()
    host, path = _host_and_path(catalogue)
    item = ServiceItem.objects.filter(is_published=True, accepts_online_applications=True).order_by("pk").first()
    for route in (f"item/{item.pk}/", f"item/{item.pk}/apply/", "query/", "done/", f"item/{HUGE[:30]}/apply/"):
        addresses.append((f"services {route}", host, path + route))

    host, path = _host_and_path(DisclosureRequestPage.objects.live().order_by("path").first())
    addresses.append(("disclosure request query/", host, path + "query/"))
    index = DepartmentIndexPage.objects.live().first()
    if index is not None:
        host, path = _host_and_path(index)
        addresses.append(("department index entry", host, f"{path}{department.code}/"))
    topics = TopicIndexPage.objects.live().first()
    if topics is not None:
        host, path = _host_and_path(topics)
        addresses.append(("topic index entry", host, path + "no-such-topic/"))

    column = ColumnIndexPage.objects.live().filter(depth=3).order_by("path").first()
    host, path = _host_and_path(column)
    for label, hostname in (("portal", portal.hostname), ("department", department.hostname)):
        addresses += [
            (f"{label} search", hostname, "/search/"),
            (f"{label} search api", hostname, "/search/api/"),
            (f"{label} rss", hostname, "/feeds/rss.xml"),
            (f"{label} atom", hostname, "/feeds/atom.xml"),
            (f"{label} english search", hostname, "/en/search/"),
            (f"{label} uyghur home", hostname, "/ug/"),
            (f"{label} missing page", hostname, "/no-such-page/"),
            (f"{label} sitemap.xml", hostname, "/sitemap.xml"),
            (f"{label} robots.txt", hostname, "/robots.txt"),
            (f"{label} site map page", hostname, "/wzdt/"),
            (f"{label} uyghur site map page", hostname, "/ug/wzdt/"),
        ]
    addresses += [
        ("column feed", host, f"/feeds{path}rss.xml"),
        ("column in english", host, "/en" + path),
        ("column in kyrgyz", host, "/ky" + path),
    ]
    return addresses


_ADDRESSES = []


@pytest.fixture
def addresses(demo):
    """The demo's public addresses, looked up once per run (the demo does not change)."""
    if not _ADDRESSES:
        _ADDRESSES.extend(_addresses(list(demo.per_site)))
    return _ADDRESSES


def _get(client, host, path, query):
    # The raw string goes out as it is: the test client re-encodes `data`, not a query in the path.
    return client.get(f"{path}?{query}", HTTP_HOST=host)


def test_the_demo_offers_every_citizen_page_type(addresses):
    labels = {label for label, host, path in addresses}
    for expected in (
        "common.MailboxPage",
        "common.ConsultationPage",
        "common.DisclosureRequestPage",
        "common.ServiceIndexPage",
        "common.DisclosureCataloguePage",
        "common.ColumnIndexPage",
        "common.ArticlePage",
        "common.GovernmentDocumentPage",
        "portal.PortalHomePage",
        "department.DepartmentHomePage",
    ):
        assert expected in labels


def test_hostile_query_strings_never_give_a_server_error(client, addresses):
    client.raise_request_exception = False  # count every failing address, not only the first
    failures = []
    for label, host, path in addresses:
        expected = _get(client, host, path, "").status_code
        assert expected < 500, (label, path)
        for query in RAW_QUERIES:
            status = _get(client, host, path, query).status_code
            if status == 400 and expected in (301, 302) and len(query) > MAX_URL_REDIRECT_LENGTH:
                continue  # a redirect to an address this long is refused (Django's DisallowedRedirect)
            if status != expected:
                failures.append(f"{label} {path}?{query[:120]} → {status} (without the query: {expected})")
    assert not failures, "\n".join(failures)


# Any parameter name (known or not) with any text, sent percent-encoded as UTF-8, or as raw bytes.
names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10))
values = st.one_of(
    st.text(max_size=300).map(lambda text: quote(text, safe="")),
    st.binary(max_size=100).map(lambda raw: quote(raw, safe="")),
    st.integers().map(str),
    st.sampled_from(HOSTILE_VALUES),
)
queries = st.lists(st.tuples(names, values), max_size=8).map(
    lambda pairs: "&".join(f"{quote(name, safe='')}={value}" for name, value in pairs)
)


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), query=queries)
def test_generated_query_strings_never_give_a_server_error(client, addresses, data, query):
    label, host, path = data.draw(st.sampled_from(addresses))
    response = _get(client, host, path, query)
    assert response.status_code < 500, (label, path, query)
