"""Test data in one place: tenants through the real onboarding, pages through Wagtail's tree API.

Every helper returns saved (and by default published) objects with unique codes, slugs and
hostnames, so tests can run next to the demo site group without clashing with it.
"""

import datetime
import itertools

from wagtail.rich_text import RichText

from hub.tenancy.models import Department
from hub.tenancy.onboarding import onboard_site
from sites.common.models import (
    AppointmentNoticePage,
    ArticlePage,
    ColumnIndexPage,
    FunctionPage,
    GovernmentDocumentPage,
    LeaderProfilePage,
    SpecialTopicPage,
    SpeechPage,
    StandardPage,
)

_sequence = itertools.count(1)


def next_number():
    return next(_sequence)


def public_details(code, name, number=0):
    """What a site must show before it goes online (footer marks, contact data), made up for a test tenant."""
    return {
        "sponsor": name,
        "site_identifier": f"65300{number:05d}",
        "icp_number": f"新ICP备05{number:06d}号",
        "address": f"阿图什市测试路{number}号",
        "phone": f"0908-42{number:05d}",
        "email": f"{code}@example.org",
    }


def make_site(*, code=None, name=None, hostname=None, short_name=None, kind=Department.Kind.DEPARTMENT, **details):
    """A tenant onboarded the way an administrator would do it (online: its footer marks and contact
    data are given unless the test passes its own); returns the Department."""
    number = next_number()
    code = code or f"test{number}"
    short_name = short_name or f"测试{number}局"
    name = name or f"克孜勒苏柯尔克孜自治州{short_name}"
    details = {**public_details(code, name, number), **details}
    result = onboard_site(
        code=code,
        name=name,
        hostname=hostname or f"{code}.localhost",
        short_name=short_name,
        kind=kind,
        org_code=details.pop("org_code", f"11653000T{number:05d}"),
        **details,
    )
    return result.department


def column(department, *slugs):
    """A column of a tenant's zh-hans tree by its slug path, e.g. column(d, "xxgk", "zcwj")."""
    page = department.site.root_page
    for slug in slugs:
        page = page.get_children().get(slug=slug)
    return page.specific


def add_page(parent, model, *, publish=True, **fields):
    """Add a page of `model` under `parent` (saved, and published unless publish=False)."""
    number = next_number()
    fields.setdefault("title", f"{model._meta.verbose_name} {number}")
    fields.setdefault("slug", f"{model.__name__.lower()}-{number}")
    page = parent.add_child(instance=model(**fields))
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def body(text="克州各部门认真贯彻落实自治区党委决策部署，扎实推进各项工作。"):
    return [("heading", "工作进展"), ("paragraph", RichText(f"<p>{text}</p>"))]


def make_column(parent, **fields):
    return add_page(parent, ColumnIndexPage, **fields)


def make_article(parent, *, kind=ArticlePage.Kind.NEWS, date=None, **fields):
    fields.setdefault("body", body())
    fields.setdefault("source", "克州融媒体中心")
    return add_page(parent, ArticlePage, kind=kind, date=date or datetime.date(2024, 5, 20), **fields)


def make_document(parent, *, date=None, **fields):
    fields.setdefault("issuing_authority", "克孜勒苏柯尔克孜自治州人民政府办公室")
    fields.setdefault("document_number", f"克政办发〔2024〕{next_number()}号")
    fields.setdefault("body", body("为进一步规范政务公开工作，现将有关事项通知如下。"))
    return add_page(parent, GovernmentDocumentPage, date=date or datetime.date(2024, 3, 1), **fields)


def make_leader(parent, *, name="张明", position="局长", responsibilities="主持全面工作。", **fields):
    """A leader profile page, and the leader's record in its tenant's directory that links to it."""
    from hub.directory.models import DirectoryEntry, DirectoryLeader
    from hub.tenancy.scoping import department_for_page

    fields.setdefault("title", name)
    fields.setdefault("biography", "<p>男，汉族，1975年生，大学学历。</p>")
    page = add_page(parent, LeaderProfilePage, **fields)
    entry = DirectoryEntry.objects.get(department=department_for_page(page))
    DirectoryLeader.objects.create(
        entry=entry, name=name, position=position, responsibilities=responsibilities, profile_page=page
    )
    return page


def make_speech(parent, *, leader=None, **fields):
    fields.setdefault("occasion", "全州经济工作会议")
    fields.setdefault("body", body("同志们，今天我们召开会议，总结工作、部署任务。"))
    if leader is None:
        fields.setdefault("speaker", "州长")
    return add_page(parent, SpeechPage, leader=leader, **fields)


def make_function(parent, *, functions=None, **fields):
    """A functions page; its main functions are its tenant's directory entry's: `functions` is written
    there, and when not given a default fills an entry that has none."""
    from hub.directory.models import DirectoryEntry
    from hub.tenancy.scoping import department_for_page

    entry = DirectoryEntry.objects.get(department=department_for_page(parent))
    if functions is not None or not entry.functions:
        entry.functions = functions if functions is not None else "<p>贯彻执行国家和自治区的方针政策和法律法规。</p>"
        entry.save()
    fields.setdefault("internal_units", "<p>办公室、政策法规科。</p>")
    return add_page(parent, FunctionPage, **fields)


def make_appointment(parent, **fields):
    fields.setdefault("document_number", f"克政任〔2024〕{next_number()}号")
    fields.setdefault("body", body("经研究决定：任命李华为克州教育局副局长。"))
    return add_page(parent, AppointmentNoticePage, **fields)


def make_topic(parent, **fields):
    fields.setdefault("body", body("深入学习贯彻党的二十大精神。"))
    return add_page(parent, SpecialTopicPage, **fields)


def make_standard(parent, **fields):
    fields.setdefault("body", body("联系地址：阿图什市帕米尔路。"))
    return add_page(parent, StandardPage, **fields)
