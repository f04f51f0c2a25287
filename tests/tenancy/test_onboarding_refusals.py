"""Onboarding refuses clashing or malformed input, names the field, and changes nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import Collection, Page, Site

from hub.tenancy.models import Department
from hub.tenancy.onboarding import onboard_site
from tests import factories

pytestmark = pytest.mark.django_db


def counts():
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "departments": Department.objects.count(),
    }


@pytest.fixture(scope="module")
def existing(module_db):
    return factories.make_site(code="lyj", name="克孜勒苏柯尔克孜自治州林业和草原局", hostname="lyj.localhost")


@pytest.mark.parametrize(
    ("field", "arguments"),
    [
        ("code", {"code": "lyj", "name": "克州林业局（重复代码）", "hostname": "lyj2.localhost"}),
        ("hostname", {"code": "lyj2", "name": "克州林业局（重复域名）", "hostname": "lyj.localhost"}),
        ("name", {"code": "lyj2", "name": "克孜勒苏柯尔克孜自治州林业和草原局", "hostname": "lyj2.localhost"}),
        ("hostname", {"code": "bad1", "name": "克州测试一局", "hostname": "Bad_Host"}),
        ("hostname", {"code": "bad2", "name": "克州测试二局", "hostname": "a..b"}),
        ("hostname", {"code": "bad3", "name": "克州测试三局", "hostname": "-x.localhost"}),
        ("code", {"code": "1x", "name": "克州测试四局", "hostname": "x4.localhost"}),
        ("name", {"code": "x5", "name": "  ", "hostname": "x5.localhost"}),
    ],
    ids=[
        "duplicate-code",
        "duplicate-hostname",
        "duplicate-name",
        "hostname-Bad_Host",
        "hostname-a..b",
        "hostname-leading-hyphen",
        "code-starting-with-digit",
        "blank-name",
    ],
)
def test_bad_input_is_refused_and_changes_nothing(existing, field, arguments):
    before = counts()

    with pytest.raises(ValidationError) as refused:
        onboard_site(short_name="测试", **arguments)

    assert field in refused.value.message_dict
    assert refused.value.message_dict[field][0]
    assert counts() == before


def test_a_hostname_taken_by_a_plain_wagtail_site_is_refused(db):
    Site.objects.create(hostname="legacy.localhost", port=80, root_page=Page.get_first_root_node())
    before = counts()

    with pytest.raises(ValidationError) as refused:
        onboard_site(code="legacy", name="克州旧网站", hostname="legacy.localhost")

    assert "hostname" in refused.value.message_dict
    assert counts() == before


def test_the_duplicate_message_names_the_tenant_that_holds_it(existing):
    with pytest.raises(ValidationError) as refused:
        onboard_site(code="lyj3", name="克州林草局", hostname="lyj.localhost")

    assert "克孜勒苏柯尔克孜自治州林业和草原局" in refused.value.message_dict["hostname"][0]
